import { randomUUID } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { createIntakeTables, INTAKE_SCHEMA } from '../bookkeeping/postgres-schema';
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

export const IDEMPOTENCY_TABLE = `${INTAKE_SCHEMA}.idempotency_keys`;

const SCHEMA = [
  `create table if not exists ${IDEMPOTENCY_TABLE} (
     id text primary key,
     tenant text not null,
     key text not null,
     fingerprint text not null,
     case_id text not null,
     data_subject_id text not null,
     correlation_id text not null,
     first_attempt_at text not null,
     created_at timestamptz not null,
     lease_until timestamptz not null,
     lease_owner text not null,
     drawing_since timestamptz,
     registry_number text,
     response jsonb,
     sealed_tracking_code jsonb,
     completed_at timestamptz,
     unique (tenant, key)
   )`,
];

// One statement, so atomic: the key inserted (this request is the first), or an unfinished one of the same
// request taken over once its holder's lease ran out; nothing returned when neither (the key is done, held,
// or another request's). The inserted row is the one with this request's fresh id.
const RESERVE = `
  insert into ${IDEMPOTENCY_TABLE} as k
    (id, tenant, key, fingerprint, case_id, data_subject_id, correlation_id, first_attempt_at, created_at, lease_until, lease_owner)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  on conflict (tenant, key) do update set lease_until = excluded.lease_until, lease_owner = excluded.lease_owner
  where k.fingerprint = excluded.fingerprint and k.response is null and k.lease_until <= $9
  returning k.*, k.id = $1 as inserted`;

const FORGET_EXPIRED = `delete from ${IDEMPOTENCY_TABLE} where tenant = $1 and key = $2 and created_at < $3`;
const FIND = `select * from ${IDEMPOTENCY_TABLE} where tenant = $1 and key = $2`;
const BY_ID = `select * from ${IDEMPOTENCY_TABLE} where id = $1`;
const MARK_DRAWING = `update ${IDEMPOTENCY_TABLE} set drawing_since = $2 where id = $1 and drawing_since is null`;
const SAVE_REGISTRY_NUMBER = `update ${IDEMPOTENCY_TABLE} set registry_number = coalesce(registry_number, $2) where id = $1 returning registry_number`;
const COMPLETE = `
  update ${IDEMPOTENCY_TABLE} set response = $2, completed_at = $3, sealed_tracking_code = coalesce($4, sealed_tracking_code)
  where id = $1 and response is null
  returning *`;
const RELEASE = `update ${IDEMPOTENCY_TABLE} set lease_until = $3 where id = $1 and lease_owner = $2 and response is null`;

interface IdempotencyRow extends QueryResultRow {
  id: string;
  tenant: string;
  key: string;
  fingerprint: string;
  case_id: string;
  data_subject_id: string;
  correlation_id: string;
  first_attempt_at: string;
  created_at: Date;
  lease_until: Date;
  lease_owner: string;
  drawing_since: Date | null;
  registry_number: string | null;
  response: StoredResponse | null;
  sealed_tracking_code: SealedTrackingCode | null;
  completed_at: Date | null;
}

/**
 * Idempotency keys in PostgreSQL (`intake.idempotency_keys`, in the event store's database): the unique
 * constraint on (tenant, key) lets exactly one request insert a key, and a takeover is the same statement's
 * conditional update, so each step is still one atomic statement. Fixed statements are named (prepared once
 * per connection).
 */
export class PostgresIdempotencyStore extends IdempotencyStore {
  constructor(
    private readonly pool: Pool,
    private readonly leaseMs = IDEMPOTENCY_LEASE_MS,
  ) {
    super();
  }

  static on(pool: Pool, leaseMs?: number): PostgresIdempotencyStore {
    return new PostgresIdempotencyStore(pool, leaseMs);
  }

  async ensureSchema(): Promise<void> {
    await createIntakeTables(this.pool, SCHEMA);
  }

  protected async claim({ tenant, key, fingerprint, fresh, now }: ReserveRequest): Promise<Reservation> {
    const owner = randomUUID();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const { rows } = await this.pool.query<IdempotencyRow & { inserted: boolean }>({
      name: 'intake-idempotency-reserve',
      text: RESERVE,
      values: [
        randomUUID(),
        tenant,
        key,
        fingerprint,
        fresh.caseId,
        fresh.dataSubjectId,
        fresh.correlationId,
        fresh.firstAttemptAt,
        now,
        leaseUntil,
        owner,
      ],
    });
    const [claimed] = rows;
    if (claimed) return { status: 'claimed', record: recordOf(claimed), owner, fresh: claimed.inserted };
    const existing = await this.find(tenant, key);
    if (!existing) throw new Error(`idempotency key ${tenant}/${key} vanished after a conflicting insert`);
    if (existing.fingerprint !== fingerprint) return { status: 'mismatch' };
    if (existing.response) return { status: 'completed', record: { ...existing, response: existing.response } };
    return { status: 'busy', retryAfterSeconds: retryAfterSeconds(existing.leaseUntil, now) };
  }

  async markDrawing(id: string, at: Date): Promise<void> {
    await this.pool.query({ name: 'intake-idempotency-mark-drawing', text: MARK_DRAWING, values: [id, at] });
  }

  async saveRegistryNumber(id: string, registryNumber: string): Promise<string> {
    const { rows } = await this.pool.query<{ registry_number: string | null }>({
      name: 'intake-idempotency-save-registry-number',
      text: SAVE_REGISTRY_NUMBER,
      values: [id, registryNumber],
    });
    return rows[0]?.registry_number ?? registryNumber;
  }

  async complete(
    id: string,
    response: StoredResponse,
    completedAt: Date,
    sealedTrackingCode?: SealedTrackingCode,
  ): Promise<CompletedRecord> {
    const sealed = sealedTrackingCode ? JSON.stringify(sealedTrackingCode) : null;
    const { rows } = await this.pool.query<IdempotencyRow>({
      name: 'intake-idempotency-complete',
      text: COMPLETE,
      values: [id, JSON.stringify(response), completedAt, sealed],
    });
    const mine = rows[0] ? recordOf(rows[0]) : undefined;
    if (mine?.response) return { ...mine, response: mine.response, storedNow: true };
    const stored = await this.byId(id);
    if (!stored?.response) throw new Error(`idempotency record ${id} has no response after completing it`);
    return { ...stored, response: stored.response, storedNow: false };
  }

  async release(id: string, owner: string, now: Date): Promise<void> {
    await this.pool.query({ name: 'intake-idempotency-release', text: RELEASE, values: [id, owner, now] });
  }

  protected async forgetExpired(tenant: string, key: string, createdBefore: Date): Promise<void> {
    await this.pool.query({ name: 'intake-idempotency-forget-expired', text: FORGET_EXPIRED, values: [tenant, key, createdBefore] });
  }

  async find(tenant: string, key: string): Promise<IdempotencyRecord | null> {
    const { rows } = await this.pool.query<IdempotencyRow>({ name: 'intake-idempotency-find', text: FIND, values: [tenant, key] });
    return rows[0] ? recordOf(rows[0]) : null;
  }

  private async byId(id: string): Promise<IdempotencyRecord | null> {
    const { rows } = await this.pool.query<IdempotencyRow>({ name: 'intake-idempotency-by-id', text: BY_ID, values: [id] });
    return rows[0] ? recordOf(rows[0]) : null;
  }
}

/** The row as the record callers know; a field never set is absent, as in a MongoDB document. */
function recordOf(row: IdempotencyRow): IdempotencyRecord {
  return {
    _id: row.id,
    tenant: row.tenant,
    key: row.key,
    fingerprint: row.fingerprint,
    caseId: row.case_id,
    dataSubjectId: row.data_subject_id,
    correlationId: row.correlation_id,
    firstAttemptAt: row.first_attempt_at,
    createdAt: row.created_at,
    leaseUntil: row.lease_until,
    leaseOwner: row.lease_owner,
    ...(row.drawing_since === null ? {} : { drawingSince: row.drawing_since }),
    ...(row.registry_number === null ? {} : { registryNumber: row.registry_number }),
    ...(row.response === null ? {} : { response: row.response }),
    ...(row.sealed_tracking_code === null ? {} : { sealedTrackingCode: row.sealed_tracking_code }),
    ...(row.completed_at === null ? {} : { completedAt: row.completed_at }),
  };
}
