import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@civic/event-store';
import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { SealedTrackingCode } from '../tracking/sealed-tracking-code';

export const IDEMPOTENCY_COLLECTION = 'intake_idempotency_keys';
const DUPLICATE_KEY = 11000;

/** The answer given to the first request, returned as it was to every retry. */
export interface StoredResponse {
  status: number;
  body: JsonObject;
}

/** Ids fixed on the first attempt, so every retry continues the same registration. */
export interface RegistrationIds {
  caseId: string;
  dataSubjectId: string;
  correlationId: string;
  /** The first attempt's time: a submission received "now" keeps that moment across retries. */
  firstAttemptAt: string;
}

/**
 * One idempotency key of one tenant. No personal data: the fingerprint is a hash, the response holds
 * ids, numbers and statuses, and a citizen's tracking code is kept only sealed with the subject's key.
 */
export interface IdempotencyRecord extends RegistrationIds {
  _id: string;
  tenant: string;
  key: string;
  fingerprint: string;
  createdAt: Date;
  /** Whoever works on the request holds the lease until then; an expired lease may be taken over. */
  leaseUntil: Date;
  leaseOwner: string;
  /** Set just before a retry draws a registry number (by earlier versions before every draw); informational now: a retry always looks in the registry first. */
  drawingSince?: Date;
  registryNumber?: string;
  response?: StoredResponse;
  sealedTrackingCode?: SealedTrackingCode;
  completedAt?: Date;
}

/** A completed key: its stored answer, and whether this request stored it just now (or another holder did before). */
export type CompletedRecord = IdempotencyRecord & { response: StoredResponse; storedNow: boolean };

export type Reservation =
  /** `fresh`: this request inserted the key, so nothing was done for it yet; otherwise it took over a failed attempt's lease. */
  | { status: 'claimed'; record: IdempotencyRecord; owner: string; fresh: boolean }
  | { status: 'completed'; record: IdempotencyRecord & { response: StoredResponse } }
  | { status: 'mismatch' }
  | { status: 'busy'; retryAfterSeconds: number };

export interface ReserveRequest {
  tenant: string;
  key: string;
  fingerprint: string;
  fresh: RegistrationIds;
  now: Date;
}

/**
 * Idempotency keys per tenant in MongoDB, unique on (tenant, key). The key is reserved BEFORE any work:
 * the unique index lets exactly one request insert it; the others read it and either get the stored
 * answer, wait for the holder's lease to expire, or learn that the key was used for something else.
 * Works without transactions (FerretDB has none): every step is one atomic single-document write.
 */
export class IdempotencyStore {
  constructor(
    private readonly records: Collection<IdempotencyRecord>,
    private readonly leaseMs = 30_000,
  ) {}

  static on(db: Db, leaseMs?: number): IdempotencyStore {
    return new IdempotencyStore(db.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION), leaseMs);
  }

  async ensureIndexes(): Promise<void> {
    await this.records.createIndex({ tenant: 1, key: 1 }, { unique: true, name: 'tenant_key_unique' });
  }

  async reserve({ tenant, key, fingerprint, fresh, now }: ReserveRequest): Promise<Reservation> {
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
    const waitMs = (again?.leaseUntil ?? existing.leaseUntil).getTime() - now.getTime();
    return { status: 'busy', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  async markDrawing(id: string, at: Date): Promise<void> {
    await this.records.updateOne({ _id: id, drawingSince: { $exists: false } }, { $set: { drawingSince: at } });
  }

  /** Keeps the first number saved for the key; returns the one that counts (ours, or an earlier holder's). */
  async saveRegistryNumber(id: string, registryNumber: string): Promise<string> {
    await this.records.updateOne({ _id: id, registryNumber: { $exists: false } }, { $set: { registryNumber } });
    const saved = await this.records.findOne({ _id: id }, { projection: { registryNumber: 1 } });
    return saved?.registryNumber ?? registryNumber;
  }

  /**
   * Stores the answer unless another holder stored one first; returns the record as it now stands, and
   * whether the answer in it is this one (`storedNow`), so the caller can answer without reading it back.
   */
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

  /** Lets a retry take over at once (the work failed in a way a retry may finish). */
  async release(id: string, owner: string, now: Date): Promise<void> {
    await this.records.updateOne({ _id: id, leaseOwner: owner, response: { $exists: false } }, { $set: { leaseUntil: now } });
  }

  async find(tenant: string, key: string): Promise<IdempotencyRecord | null> {
    return this.records.findOne({ tenant, key });
  }
}
