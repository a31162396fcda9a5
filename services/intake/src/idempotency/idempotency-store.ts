import type { JsonObject } from '@civic/event-store';
import type { SealedTrackingCode } from '../tracking/sealed-tracking-code';

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
 * How long a key stands for its request: a client retries one request within minutes; a day is the usual
 * bound (the IETF's Idempotency-Key header draft, and the payment APIs it comes from).
 */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * A client's key, as kept: one caller's keys on one operation are theirs alone, so another caller (another
 * registrar, the web form's anonymous public) can neither replay an answer with it nor learn that it was used.
 */
export const scopedKey = (operation: string, callerId: string, key: string): string => `${operation}/${callerId}/${key}`;

export const expiredBefore = (now: Date): Date => new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS);

/** How long a holder may work on a key before a retry may take it over. */
export const IDEMPOTENCY_LEASE_MS = 30_000;

/**
 * Idempotency keys per tenant, unique on (tenant, key). The key is reserved BEFORE any work: exactly one
 * request inserts it; the others read it and either get the stored answer, wait for the holder's lease to
 * expire, or learn that the key was used for something else. Every step is one atomic write, so neither
 * adapter needs a transaction.
 *
 * Two adapters: PostgreSQL (`postgres-idempotency-store.ts`, `intake.idempotency_keys`, wherever the event
 * store is PostgreSQL: a registration is then not lost while the read models' MongoDB is down) and MongoDB
 * (`mongo-idempotency-store.ts`, `intake_idempotency_keys`, beside EventStoreDB).
 */
export abstract class IdempotencyStore {
  /**
   * Claims the key for this request, or says why not: done (the stored answer), busy, or used for another
   * request. A key older than IDEMPOTENCY_KEY_LIFETIME_MS stands for nothing any more: it is forgotten first,
   * so an old key neither replays an old answer nor tells that it was once used.
   */
  async reserve(request: ReserveRequest): Promise<Reservation> {
    await this.forgetExpired(request.tenant, request.key, expiredBefore(request.now));
    return this.claim(request);
  }

  protected abstract claim(request: ReserveRequest): Promise<Reservation>;

  /** Deletes the key if it was created before `createdBefore`. */
  protected abstract forgetExpired(tenant: string, key: string, createdBefore: Date): Promise<void>;

  /** Notes that a retry is about to draw a registry number (only the first such moment is kept). */
  abstract markDrawing(id: string, at: Date): Promise<void>;

  /** Keeps the first number saved for the key; returns the one that counts (ours, or an earlier holder's). */
  abstract saveRegistryNumber(id: string, registryNumber: string): Promise<string>;

  /**
   * Stores the answer unless another holder stored one first; returns the record as it now stands, and
   * whether the answer in it is this one (`storedNow`), so the caller can answer without reading it back.
   */
  abstract complete(
    id: string,
    response: StoredResponse,
    completedAt: Date,
    sealedTrackingCode?: SealedTrackingCode,
  ): Promise<CompletedRecord>;

  /** Lets a retry take over at once (the work failed in a way a retry may finish). */
  abstract release(id: string, owner: string, now: Date): Promise<void>;

  abstract find(tenant: string, key: string): Promise<IdempotencyRecord | null>;
}

/** How long a request waits before it asks again for a key another holds until `leaseUntil`. */
export const retryAfterSeconds = (leaseUntil: Date, now: Date): number =>
  Math.max(1, Math.ceil((leaseUntil.getTime() - now.getTime()) / 1000));
