/**
 * Where one generation of the case model is read and written while events are applied. Two ways:
 *
 * - `DirectGenerationStore` (the live model, which other instances may write too): every page reads the
 *   documents and buckets it needs by id and writes back at once, each write conditional on what it read.
 * - `BufferedGenerationStore` (a rebuild, before its generation is put in service: nobody else writes it
 *   then, since instances only follow the generation in service): documents and buckets stay in memory
 *   across pages and are written when they leave a bounded cache and at the end, in bulk; a page costs
 *   no round trip to MongoDB at all.
 *
 * Reads by id one document at a time: FerretDB 1.x pushes `{ _id: <value> }` down to an index lookup on both
 * its backends, but on SQLite not `{ _id: { $in: [...] } }`, which decodes the whole collection (bench/README.md).
 */
import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import { MongoBulkWriteError } from 'mongodb';
import type { CaseDocument } from './case-document';
import { bucketDocument, bucketFromDocument, type Bucket, type BucketDocument } from './case-rows';

const DUPLICATE_KEY = 11000;
/** Reads by id in flight at once. */
const READ_CONCURRENCY = 16;
/** Documents per bulk write. */
const WRITE_BATCH = 1_000;

/** A case document as read (or made) and what is stored of it: null when not stored yet. */
export interface LoadedCase {
  doc: CaseDocument;
  stored: number | null;
}

export interface GenerationStore {
  /** The documents of these cases, as far as they exist. */
  cases(ids: readonly string[]): Promise<Map<string, LoadedCase>>;
  /** These buckets, as far as they exist. */
  buckets(ids: readonly string[]): Promise<Map<string, Bucket>>;
  /** Stores the documents and buckets changed (documents first: a bucket reflects stored documents). */
  write(cases: readonly LoadedCase[], buckets: readonly Bucket[]): Promise<void>;
}

/** A case document or bucket changed between read and write (another instance following the same generation). */
export class ProjectionConflictError extends Error {
  constructor(readonly generation: string) {
    super(`a case document of read-model generation ${generation} changed while events were applied; they are applied again`);
    this.name = 'ProjectionConflictError';
  }
}

/** `{ _id: tenant, versions: { 'YYYY-MM': version } }`. */
export interface MonthsIndex {
  _id: string;
  versions: Record<string, number>;
}

export interface GenerationCollections {
  generation: string;
  cases: Collection<CaseDocument>;
  buckets: Collection<BucketDocument>;
  /** Each tenant's months with a bucket, and the latest version written of each (or being written). */
  months: Collection<MonthsIndex>;
}

async function byId<T>(ids: readonly string[], read: (id: string) => Promise<T | null>): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const value = await read(id);
        if (value !== null) found.set(id, value);
      }
    }),
  );
  return found;
}

/** Reads and writes straight to MongoDB; every write is conditional on the version read. */
export class DirectGenerationStore implements GenerationStore {
  constructor(private readonly collections: GenerationCollections) {}

  cases(ids: readonly string[]): Promise<Map<string, LoadedCase>> {
    return byId(ids, async (id) => {
      const doc = await this.collections.cases.findOne({ _id: id });
      return doc && { doc, stored: doc.revision };
    });
  }

  buckets(ids: readonly string[]): Promise<Map<string, Bucket>> {
    return byId(ids, async (id) => {
      const doc = await this.collections.buckets.findOne({ _id: id });
      return doc && bucketFromDocument(doc);
    });
  }

  async write(cases: readonly LoadedCase[], buckets: readonly Bucket[]): Promise<void> {
    const { generation } = this.collections;
    for (let i = 0; i < cases.length; i += WRITE_BATCH) await this.writeCases(cases.slice(i, i + WRITE_BATCH));
    const docs = buckets.map(bucketDocument);
    // Each tenant's index first, never lowered: it is at or above every bucket's version, which lets a reader
    // trust a bucket it cached at the version the index names (case-reads.ts).
    for (const tenant of new Set(buckets.map((bucket) => bucket.tenant))) {
      const raised = Object.fromEntries(docs.filter((doc) => doc.tenant === tenant).map((doc) => [`versions.${doc.month}`, doc.version]));
      await this.collections.months.updateOne({ _id: tenant }, { $max: raised }, { upsert: true });
    }
    for (let i = 0; i < buckets.length; i += WRITE_BATCH) {
      const batch = buckets.slice(i, i + WRITE_BATCH).map((bucket, j) => ({ stored: bucket.stored, doc: docs[i + j] }));
      await conditionalWrite(this.collections.buckets, batch, generation);
    }
    for (const [i, bucket] of buckets.entries()) {
      bucket.stored = docs[i].version;
      bucket.dirty = false;
    }
  }

  private async writeCases(cases: readonly LoadedCase[]): Promise<void> {
    const batch = cases.map(({ doc, stored }) => ({ doc, stored }));
    await conditionalWrite(this.collections.cases, batch, this.collections.generation, 'revision');
    for (const loaded of cases) loaded.stored = loaded.doc.revision;
  }
}

/**
 * Inserts what was not stored, replaces the rest on condition that it still has the version read; any
 * other outcome (another instance wrote one first) is a conflict: the page is read and applied again.
 */
async function conditionalWrite<T extends { _id: string }>(
  collection: Collection<T>,
  batch: readonly { doc: T; stored: number | null }[],
  generation: string,
  versionField: 'revision' | 'version' = 'version',
): Promise<void> {
  if (batch.length === 0) return;
  const writes = batch.map(({ doc, stored }) =>
    stored === null
      ? { insertOne: { document: doc } }
      : { replaceOne: { filter: { _id: doc._id, [versionField]: stored }, replacement: doc } },
  ) as AnyBulkWriteOperation<T>[];
  const replaces = batch.filter(({ stored }) => stored !== null).length;
  try {
    const result = await collection.bulkWrite(writes, { ordered: false });
    if (result.matchedCount !== replaces) throw new ProjectionConflictError(generation);
  } catch (error) {
    if (error instanceof MongoBulkWriteError && error.code === DUPLICATE_KEY) throw new ProjectionConflictError(generation);
    throw error;
  }
}

export interface BufferLimits {
  /** Case documents kept in memory; the least recently used beyond are written and dropped. */
  cases: number;
  /** Rows (cases) in the buckets kept in memory; likewise. */
  rows: number;
}

/**
 * Keeps documents and buckets in memory and writes them when they are dropped from the cache (least
 * recently used first) or on `flush`. Only for a generation no one else writes. What it knows is stored
 * (ids it wrote) lets it answer "no such document" without asking MongoDB: in a fresh generation, a case
 * neither in memory nor written by it does not exist.
 */
export class BufferedGenerationStore implements GenerationStore {
  private readonly cached = new Map<string, LoadedCase>();
  private readonly cachedBuckets = new Map<string, Bucket>();
  private cachedRows = 0;
  /** Cases and buckets written and dropped from memory: read back from MongoDB when needed again. */
  private readonly written = new Set<string>();
  private readonly writtenBuckets = new Set<string>();
  /** The write of what was last dropped from memory, under way while the next pages are applied. */
  private writing: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly direct: DirectGenerationStore,
    private readonly limits: BufferLimits,
  ) {}

  async cases(ids: readonly string[]): Promise<Map<string, LoadedCase>> {
    const found = new Map<string, LoadedCase>();
    const missing: string[] = [];
    for (const id of ids) {
      const loaded = this.cached.get(id);
      if (loaded) found.set(id, loaded);
      else if (this.written.has(id)) missing.push(id);
    }
    if (missing.length > 0) await this.settled();
    for (const [id, loaded] of await this.direct.cases(missing)) {
      found.set(id, loaded);
      this.written.delete(id);
    }
    // Most recently used last: a Map iterates in insertion order.
    for (const [id, loaded] of found) {
      this.cached.delete(id);
      this.cached.set(id, loaded);
    }
    return found;
  }

  async buckets(ids: readonly string[]): Promise<Map<string, Bucket>> {
    const found = new Map<string, Bucket>();
    const missing: string[] = [];
    for (const id of ids) {
      const bucket = this.cachedBuckets.get(id);
      if (bucket) found.set(id, bucket);
      else if (this.writtenBuckets.has(id)) missing.push(id);
    }
    if (missing.length > 0) await this.settled();
    for (const [id, bucket] of await this.direct.buckets(missing)) {
      found.set(id, bucket);
      this.writtenBuckets.delete(id);
      this.cachedRows += bucket.rows.size;
    }
    for (const [id, bucket] of found) {
      this.cachedBuckets.delete(id);
      this.cachedBuckets.set(id, bucket);
    }
    return found;
  }

  /** Takes the changes into memory; writes what falls out of the cache. */
  async write(cases: readonly LoadedCase[], buckets: readonly Bucket[]): Promise<void> {
    if (this.failure) throw this.failure.error;
    for (const loaded of cases) {
      this.cached.delete(loaded.doc._id);
      this.cached.set(loaded.doc._id, loaded);
    }
    for (const bucket of buckets) {
      if (!this.cachedBuckets.has(bucket._id)) this.cachedRows += bucket.rows.size;
      this.cachedBuckets.delete(bucket._id);
      this.cachedBuckets.set(bucket._id, bucket);
    }
    // Row counts grow in place (a bucket's map is the cached object): recount the changed ones.
    this.cachedRows = [...this.cachedBuckets.values()].reduce((sum, bucket) => sum + bucket.rows.size, 0);
    await this.evict();
  }

  /** Writes everything still in memory and forgets it: from here on the generation may have other writers. */
  async flush(): Promise<void> {
    await this.settled();
    await this.writeOut([...this.cached.values()], [...this.cachedBuckets.values()]);
    this.cached.clear();
    this.cachedBuckets.clear();
    this.cachedRows = 0;
  }

  private async evict(): Promise<void> {
    const cases: LoadedCase[] = [];
    if (this.cached.size > this.limits.cases) {
      // Down to 90 %, so eviction happens in batches, not one document per page.
      const target = Math.floor(this.limits.cases * 0.9);
      for (const [id, loaded] of this.cached) {
        if (this.cached.size - cases.length <= target) break;
        cases.push(loaded);
        void id;
      }
    }
    const buckets: Bucket[] = [];
    if (this.cachedRows > this.limits.rows) {
      const target = Math.floor(this.limits.rows * 0.9);
      let rows = this.cachedRows;
      for (const bucket of this.cachedBuckets.values()) {
        if (rows <= target) break;
        buckets.push(bucket);
        rows -= bucket.rows.size;
      }
    }
    if (cases.length === 0 && buckets.length === 0) return;
    for (const loaded of cases) {
      this.cached.delete(loaded.doc._id);
      this.written.add(loaded.doc._id);
    }
    for (const bucket of buckets) {
      this.cachedBuckets.delete(bucket._id);
      this.writtenBuckets.add(bucket._id);
      this.cachedRows -= bucket.rows.size;
    }
    // One write at a time, in the background of the next pages; what it holds is read back only after it.
    await this.settled();
    this.writing = this.writeOut(cases, buckets).catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /** Once the write under way is done; its failure fails the projection (which then starts over unbuffered). */
  private async settled(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure.error;
  }

  /** Writes documents whose revision is not stored yet, then the buckets that changed. */
  private async writeOut(cases: readonly LoadedCase[], buckets: readonly Bucket[]): Promise<void> {
    await this.direct.write(
      cases.filter((loaded) => loaded.stored !== loaded.doc.revision),
      buckets.filter((bucket) => bucket.stored === null || bucket.dirty),
    );
  }
}
