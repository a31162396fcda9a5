import { MongoServerError, type AnyBulkWriteOperation, type Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { DeadlinePlan } from '../plan/deadline-plan';
import {
  cancelReason,
  plannedTimerFields,
  tallyRetention,
  TimerStore,
  type Release,
  type RetentionTally,
  type Settlement,
  type TimerDocument,
} from './timer.store';

const DUPLICATE_KEY = 11000;
export const TIMERS_COLLECTION = 'deadline_timers';

/**
 * The timers in MongoDB (`deadline_timers`), indexed on (state, fire time, order), so on MongoDB a tick reads
 * only the pending timers that are due. Without transactions every write is one conditional document update.
 * FerretDB 1.x takes none of these from an index (not even `_id`): there every call reads the whole collection.
 */
export class MongoTimerStore extends TimerStore {
  private constructor(private readonly connection: Connection) {
    super();
  }

  /** On the service's MongoDB connection, with the collection's indexes. */
  static async connect(connection: Connection): Promise<MongoTimerStore> {
    const store = new MongoTimerStore(connection);
    await store.collection().createIndex({ state: 1, fireAt: 1, order: 1 });
    await store.collection().createIndex({ caseId: 1 });
    await store.collection().createIndex({ tenant: 1, kind: 1, state: 1 });
    return store;
  }

  /** Nothing of its own to close: the connection is the service's. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  async apply(plan: DeadlinePlan, revision: number, at: Date): Promise<void> {
    const collection = this.collection();
    for (const { _id, ...fields } of plannedTimerFields(plan, revision, at)) {
      const filter =
        fields.state === 'done'
          ? { _id, state: { $ne: 'done' as const } }
          : { _id, state: { $ne: 'done' as const }, planRevision: { $lte: revision } };
      try {
        await collection.updateOne(
          filter,
          { $set: fields, $setOnInsert: { leaseOwner: null, leaseUntil: null, attempts: 0 } },
          { upsert: true },
        );
      } catch (error) {
        // The timer is done, or a newer plan wrote it: either way this plan has nothing to add.
        if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      }
    }
    await collection.updateMany(
      { caseId: plan.caseId, state: 'pending', _id: { $nin: plan.timers.map((timer) => timer.key) }, planRevision: { $lte: revision } },
      { $set: { state: 'cancelled', planRevision: revision, outcome: cancelReason(plan), settledAt: at } },
    );
  }

  due(now: Date, limit: number): Promise<TimerDocument[]> {
    return this.collection()
      .find({ state: 'pending', fireAt: { $lte: now } })
      .sort({ fireAt: 1, order: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }

  async claim(ids: readonly string[], owner: string, realNow: Date, until: Date): Promise<Set<string>> {
    // One conditional update each (a bulk write does not say which of its updates matched), all at once.
    const taken = await Promise.all(
      ids.map(async (id) => {
        const result = await this.collection().updateOne(
          { _id: id, state: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lte: realNow } }] },
          { $set: { leaseOwner: owner, leaseUntil: until }, $inc: { attempts: 1 } },
        );
        return result.modifiedCount === 1 ? [id] : [];
      }),
    );
    return new Set(taken.flat());
  }

  async settle(settlements: readonly Settlement[], owner: string, at: Date): Promise<void> {
    await this.bulk(
      settlements.map(({ id, state, outcome }) => ({
        updateOne: {
          filter: { _id: id, leaseOwner: owner, state: 'pending' },
          update: { $set: { state, outcome, settledAt: at, leaseOwner: null, leaseUntil: null } },
        },
      })),
    );
  }

  async release(releases: readonly Release[], owner: string): Promise<void> {
    await this.bulk(
      releases.map(({ id, outcome }) => ({
        updateOne: { filter: { _id: id, leaseOwner: owner }, update: { $set: { leaseOwner: null, leaseUntil: null, outcome } } },
      })),
    );
  }

  ofCase(caseId: string): Promise<TimerDocument[]> {
    return this.collection().find({ caseId }).sort({ fireAt: 1, order: 1, _id: 1 }).toArray();
  }

  /** Reads the tenant's retention timers that are pending or done and tallies them here (FerretDB has no $group pushdown). */
  async retention(tenant: string, dueBy: Date, latest: number): Promise<RetentionTally[]> {
    const timers = await this.collection()
      .find({ tenant, kind: 'retention', state: { $in: ['pending', 'done'] } })
      .toArray();
    return tallyRetention(timers, dueBy, latest);
  }

  private async bulk(operations: AnyBulkWriteOperation<TimerDocument>[]): Promise<void> {
    if (operations.length > 0) await this.collection().bulkWrite(operations, { ordered: false });
  }

  private collection(): Collection<TimerDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db.collection<TimerDocument>(TIMERS_COLLECTION);
  }
}
