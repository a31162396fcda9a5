import { randomUUID } from 'node:crypto';
import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { SealedTrackingCode } from '../tracking/sealed-tracking-code';
import {
  IDEMPOTENCY_LEASE_MS,
  IdempotencyStore,
  retryAfterSeconds,
  type CompletedRecord,
  type IdempotencyRecord,
  type Reservation,
  type ReserveRequest,
  type StoredResponse,
} from './idempotency-store';

export const IDEMPOTENCY_COLLECTION = 'intake_idempotency_keys';
const DUPLICATE_KEY = 11000;

/**
 * Idempotency keys in MongoDB (`intake_idempotency_keys`): the unique index on (tenant, key) lets exactly one
 * request insert a key. Works without transactions (FerretDB has none): every step is one atomic
 * single-document write.
 */
export class MongoIdempotencyStore extends IdempotencyStore {
  constructor(
    private readonly records: Collection<IdempotencyRecord>,
    private readonly leaseMs = IDEMPOTENCY_LEASE_MS,
  ) {
    super();
  }

  static on(db: Db, leaseMs?: number): MongoIdempotencyStore {
    return new MongoIdempotencyStore(db.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION), leaseMs);
  }

  async ensureIndexes(): Promise<void> {
    await this.records.createIndex({ tenant: 1, key: 1 }, { unique: true, name: 'tenant_key_unique' });
  }

  protected async claim({ tenant, key, fingerprint, fresh, now }: ReserveRequest): Promise<Reservation> {
    const owner = randomUUID();
    const record: IdempotencyRecord = {
      _id: randomUUID(),
      tenant,
      key,
      fingerprint,
      ...fresh,
      createdAt: now,
      leaseUntil: new Date(now.getTime() + this.leaseMs),
      leaseOwner: owner,
    };
    try {
      await this.records.insertOne(record);
      return { status: 'claimed', record, owner, fresh: true };
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    const existing = await this.records.findOne({ tenant, key });
    if (!existing) throw new Error(`idempotency key ${tenant}/${key} vanished after a duplicate-key insert`);
    if (existing.fingerprint !== fingerprint) return { status: 'mismatch' };
    if (existing.response) return { status: 'completed', record: { ...existing, response: existing.response } };
    // Unfinished: take it over only once its holder's lease ran out (it crashed, or gave up).
    const taken = await this.records.findOneAndUpdate(
      { _id: existing._id, response: { $exists: false }, leaseUntil: { $lte: now } },
      { $set: { leaseUntil: new Date(now.getTime() + this.leaseMs), leaseOwner: owner } },
      { returnDocument: 'after' },
    );
    if (taken) return { status: 'claimed', record: taken, owner, fresh: false };
    const again = await this.records.findOne({ _id: existing._id });
    if (again?.response) return { status: 'completed', record: { ...again, response: again.response } };
    return { status: 'busy', retryAfterSeconds: retryAfterSeconds(again?.leaseUntil ?? existing.leaseUntil, now) };
  }

  async markDrawing(id: string, at: Date): Promise<void> {
    await this.records.updateOne({ _id: id, drawingSince: { $exists: false } }, { $set: { drawingSince: at } });
  }

  async saveRegistryNumber(id: string, registryNumber: string): Promise<string> {
    await this.records.updateOne({ _id: id, registryNumber: { $exists: false } }, { $set: { registryNumber } });
    const saved = await this.records.findOne({ _id: id }, { projection: { registryNumber: 1 } });
    return saved?.registryNumber ?? registryNumber;
  }

  async complete(
    id: string,
    response: StoredResponse,
    completedAt: Date,
    sealedTrackingCode?: SealedTrackingCode,
  ): Promise<CompletedRecord> {
    const mine = await this.records.findOneAndUpdate(
      { _id: id, response: { $exists: false } },
      { $set: { response, completedAt, ...(sealedTrackingCode ? { sealedTrackingCode } : {}) } },
      { returnDocument: 'after' },
    );
    if (mine?.response) return { ...mine, response: mine.response, storedNow: true };
    const stored = await this.records.findOne({ _id: id });
    if (!stored?.response) throw new Error(`idempotency record ${id} has no response after completing it`);
    return { ...stored, response: stored.response, storedNow: false };
  }

  async release(id: string, owner: string, now: Date): Promise<void> {
    await this.records.updateOne({ _id: id, leaseOwner: owner, response: { $exists: false } }, { $set: { leaseUntil: now } });
  }

  protected async forgetExpired(tenant: string, key: string, createdBefore: Date): Promise<void> {
    await this.records.deleteOne({ tenant, key, createdAt: { $lt: createdBefore } });
  }

  async find(tenant: string, key: string): Promise<IdempotencyRecord | null> {
    return this.records.findOne({ tenant, key });
  }
}
