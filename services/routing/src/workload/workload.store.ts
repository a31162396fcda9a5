import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MongoServerError, type Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { evolveCaseLoad, type CaseLoad, type LoadEvent } from './workload';

const DUPLICATE_KEY = 11000;
/** Reads and writes of one case's document racing another writer, before the conflict is given up to the caller. */
const CONFLICT_ATTEMPTS = 3;
export const WORKLOAD_COLLECTION = 'routing_workload';

/**
 * The workload read model in MongoDB (`routing_workload`, one document per case). Writes are conditional
 * on the revision read, so a concurrent or repeated delivery cannot count a case twice; without
 * transactions (FerretDB) that is what keeps it exact.
 */
@Injectable()
export class WorkloadStore implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    await this.collection().createIndex({ tenant: 1, open: 1, officerId: 1 });
    await this.collection().createIndex({ tenant: 1, waiting: 1 });
  }

  /**
   * Applies the event; answers the case's document after it (null when the event left none). When another
   * writer changed the document in between (the sweep and the consumer on the same case), it reads again and
   * re-applies: the event's revision makes a second application a no-op, so this is what a redelivery would do.
   */
  async apply(event: LoadEvent): Promise<CaseLoad | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.applyOnce(event);
      } catch (error) {
        if (!(error instanceof WorkloadConflictError) || attempt >= CONFLICT_ATTEMPTS) throw error;
      }
    }
  }

  private async applyOnce(event: LoadEvent): Promise<CaseLoad | null> {
    const collection = this.collection();
    const doc = await collection.findOne({ _id: event.caseId });
    const next = evolveCaseLoad(doc, event);
    if (next === null || next === doc) return next;
    if (doc === null) {
      try {
        await collection.insertOne(next);
      } catch (error) {
        // Another delivery created it first; the redelivery that follows will apply this event on top.
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) throw new WorkloadConflictError(event.caseId);
        throw error;
      }
      return next;
    }
    const { _id, ...fields } = next;
    const result = await collection.updateOne({ _id, revision: doc.revision }, { $set: fields });
    if (result.matchedCount === 0) throw new WorkloadConflictError(event.caseId);
    return next;
  }

  /** Ids of the tenant's cases routed to a unit and not yet assigned (in no particular order). */
  async waitingCases(tenant: string): Promise<string[]> {
    const rows = await this.collection()
      .find({ tenant, waiting: true }, { projection: { _id: 1 } })
      .toArray();
    return rows.map((row) => row._id);
  }

  /** How many of the tenant's cases wait for an officer. */
  waitingCount(tenant: string): Promise<number> {
    return this.collection().countDocuments({ tenant, waiting: true });
  }

  /** Open cases per officer of a tenant; officers with none are absent from the map. */
  async openCases(tenant: string): Promise<Map<string, number>> {
    const rows = await this.collection()
      .aggregate<{ _id: string; openCases: number }>([
        { $match: { tenant, open: true } },
        { $group: { _id: '$officerId', openCases: { $sum: 1 } } },
      ])
      .toArray();
    return new Map(rows.filter((row) => typeof row._id === 'string').map((row) => [row._id, row.openCases]));
  }

  private collection(): Collection<CaseLoad> {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db.collection<CaseLoad>(WORKLOAD_COLLECTION);
  }
}

/** Another writer kept changing the case's workload document between the read and the write: retried by the consumer. */
export class WorkloadConflictError extends Error {
  constructor(readonly caseId: string) {
    super(`The workload of case ${caseId} changed while it was being updated`);
    this.name = 'WorkloadConflictError';
  }
}
