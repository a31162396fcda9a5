import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { Connection } from 'mongoose';
import type { CaseDocument } from './case-document';

const DUPLICATE_KEY = 11000;

/** Which build of the case model serves reads: one document, so switching is one atomic update. */
export const ALIAS_COLLECTION = 'analytics_read_models';
const CASES_ALIAS = 'cases';
/** Per build: the global position of the last event applied and how many events it has read. */
export const CHECKPOINT_COLLECTION = 'analytics_checkpoints';
/** Each build of the case model has a collection of its own. */
export const CASES_PREFIX = 'analytics_cases_';
export const casesCollectionName = (generation: string) => `${CASES_PREFIX}${generation}`;

interface AliasDocument {
  _id: string;
  generation: string;
  previous: string | null;
  switchedAt: string;
}

export interface Checkpoint {
  _id: string;
  /** Exclusive start of the next read; null: from the first event. */
  position: string | null;
  /** Case events read so far (applied or found to change nothing): the build's progress. */
  applied: number;
}

/** A build id: time-ordered, short, safe in a collection name. */
export const newGeneration = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * The builds ("generations") of the case read model in MongoDB and the alias naming the one in service.
 * A rebuild fills a new generation beside the live one and switches the alias when it has caught up;
 * readers look the alias up per request, so they move over at once and never see a half-built model.
 */
@Injectable()
export class ReadModels {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** The generation serving reads; null before the first one was made. */
  async current(): Promise<string | null> {
    const alias = await this.db().collection<AliasDocument>(ALIAS_COLLECTION).findOne({ _id: CASES_ALIAS });
    return alias?.generation ?? null;
  }

  /** The case documents of the generation in service (the first start makes it). */
  async currentCases(): Promise<Collection<CaseDocument>> {
    return this.cases((await this.current()) ?? (await this.initialize()));
  }

  /**
   * The first generation, in service at once (there is nothing older to serve meanwhile). Two instances
   * starting together agree: the alias's unique id lets one insert win, and the other takes its choice.
   */
  async initialize(): Promise<string> {
    const generation = newGeneration();
    await this.create(generation);
    try {
      await this.db()
        .collection<AliasDocument>(ALIAS_COLLECTION)
        .insertOne({ _id: CASES_ALIAS, generation, previous: null, switchedAt: new Date().toISOString() });
      return generation;
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      await this.drop(generation);
      const winner = await this.current();
      if (!winner) throw error;
      return winner;
    }
  }

  /** A new, empty generation with its indexes and a checkpoint at the start. */
  async create(generation: string): Promise<void> {
    const cases = this.cases(generation);
    await cases.createIndex({ tenant: 1, receivedAt: -1 });
    await cases.createIndex({ tenant: 1, receivedOn: 1 });
    await cases.createIndex({ tenant: 1, status: 1 });
    await cases.createIndex({ tenant: 1, unit: 1, officerId: 1 });
    await cases.createIndex({ tenant: 1, open: 1, dueDate: 1 });
    await this.checkpoints().updateOne({ _id: generation }, { $setOnInsert: { position: null, applied: 0 } }, { upsert: true });
  }

  /** Puts `generation` in service; the one it replaces stays as `previous` until the next switch. */
  async switchTo(generation: string): Promise<{ previous: string | null }> {
    const previous = await this.current();
    await this.db()
      .collection<AliasDocument>(ALIAS_COLLECTION)
      .updateOne({ _id: CASES_ALIAS }, { $set: { generation, previous, switchedAt: new Date().toISOString() } }, { upsert: true });
    return { previous };
  }

  /** Drops every generation but these: after a switch, those older than the one just replaced. */
  async dropAllBut(keep: readonly string[]): Promise<string[]> {
    const names = await this.db().listCollections({}, { nameOnly: true }).toArray();
    const generations = names
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(CASES_PREFIX))
      .map((name) => name.slice(CASES_PREFIX.length))
      .filter((generation) => !keep.includes(generation));
    for (const generation of generations) await this.drop(generation);
    return generations;
  }

  async drop(generation: string): Promise<void> {
    await this.cases(generation)
      .drop()
      .catch(() => undefined);
    await this.checkpoints().deleteOne({ _id: generation });
  }

  async checkpoint(generation: string): Promise<Checkpoint> {
    return (await this.checkpoints().findOne({ _id: generation })) ?? { _id: generation, position: null, applied: 0 };
  }

  /**
   * Moves a generation's checkpoint forward, never back: two instances following the same generation read
   * the same events in the same order, so the larger count is the later position.
   */
  async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    await this.checkpoints().updateOne(
      { _id: checkpoint._id, applied: { $lt: checkpoint.applied } },
      { $set: { position: checkpoint.position, applied: checkpoint.applied } },
    );
  }

  cases(generation: string): Collection<CaseDocument> {
    return this.db().collection<CaseDocument>(casesCollectionName(generation));
  }

  private checkpoints(): Collection<Checkpoint> {
    return this.db().collection<Checkpoint>(CHECKPOINT_COLLECTION);
  }

  db(): Db {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db;
  }
}
