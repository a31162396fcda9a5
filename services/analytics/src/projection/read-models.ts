import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { Connection } from 'mongoose';
import type { CaseDocument } from './case-document';
import type { BucketDocument } from './case-rows';
import type { GenerationCollections, MonthsIndex } from './generation-store';

const DUPLICATE_KEY = 11000;

/** Which build of the case model serves reads: one document, so switching is one atomic update. */
export const ALIAS_COLLECTION = 'analytics_read_models';
const CASES_ALIAS = 'cases';
/** Per build: the global position of the last event applied and how many events it has read. */
export const CHECKPOINT_COLLECTION = 'analytics_checkpoints';
/** Each build of the case model has a collection of its own. */
export const CASES_PREFIX = 'analytics_cases_';
export const casesCollectionName = (generation: string) => `${CASES_PREFIX}${generation}`;
/** Each build's buckets of rows (case-rows.ts) and each tenant's months that have one. */
export const ROWS_PREFIX = 'analytics_rows_';
export const MONTHS_PREFIX = 'analytics_months_';
const GENERATION_PREFIXES = [CASES_PREFIX, ROWS_PREFIX, MONTHS_PREFIX];

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

  /**
   * A new, empty generation with a checkpoint at the start. Its collections are read by id only (reads go
   * through the buckets, case-rows.ts), so they need no index but `_id`'s: every other index would only
   * make each write slower.
   */
  async create(generation: string): Promise<void> {
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
    const generations = new Set<string>();
    for (const { name } of names) {
      const prefix = GENERATION_PREFIXES.find((p) => name.startsWith(p));
      const generation = prefix && name.slice(prefix.length);
      if (generation && !keep.includes(generation)) generations.add(generation);
    }
    for (const generation of generations) await this.drop(generation);
    return [...generations];
  }

  async drop(generation: string): Promise<void> {
    const { cases, buckets, months } = this.collections(generation);
    for (const collection of [cases, buckets, months]) await collection.drop().catch(() => undefined);
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

  /** A generation's case documents, its buckets of rows and its tenants' months. */
  collections(generation: string): GenerationCollections {
    return {
      generation,
      cases: this.cases(generation),
      buckets: this.db().collection<BucketDocument>(`${ROWS_PREFIX}${generation}`),
      months: this.db().collection<MonthsIndex>(`${MONTHS_PREFIX}${generation}`),
    };
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
