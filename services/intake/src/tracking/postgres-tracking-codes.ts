import type { Pool } from 'pg';
import { createIntakeTables, INTAKE_SCHEMA } from '../bookkeeping/postgres-schema';
import { hashTrackingCode, isTrackingCodeShaped } from './tracking-code';
import { TrackingCodes } from './tracking-codes';

export const TRACKING_CODES_TABLE = `${INTAKE_SCHEMA}.tracking_codes`;

const SCHEMA = [
  `create table if not exists ${TRACKING_CODES_TABLE} (
     code_hash text primary key,
     tenant text not null,
     case_id text not null unique,
     issued_at timestamptz not null
   )`,
];

const REPLACED = `delete from ${TRACKING_CODES_TABLE} where case_id = $1 and code_hash <> $2`;
const INSERT = `insert into ${TRACKING_CODES_TABLE} (code_hash, tenant, case_id, issued_at) values ($1, $2, $3, $4) on conflict do nothing returning code_hash`;
const ENTRY = `select 1 from ${TRACKING_CODES_TABLE} where code_hash = $1 and tenant = $2 and case_id = $3`;
const FORGET = `delete from ${TRACKING_CODES_TABLE} where tenant = $1 and case_id = $2`;
const CASE_OF = `select case_id from ${TRACKING_CODES_TABLE} where code_hash = $1 and tenant = $2`;

export class TrackingCodeConflictError extends Error {
  constructor(caseId: string) {
    super(`the tracking code for case ${caseId} collides with another entry (another case's code, or another code of this case)`);
    this.name = 'TrackingCodeConflictError';
  }
}

/** The codes' hashes in PostgreSQL (`intake.tracking_codes`), the hash the key and unique per case. */
export class PostgresTrackingCodes extends TrackingCodes {
  constructor(private readonly pool: Pool) {
    super();
  }

  static on(pool: Pool): PostgresTrackingCodes {
    return new PostgresTrackingCodes(pool);
  }

  async ensureSchema(): Promise<void> {
    await createIntakeTables(this.pool, SCHEMA);
  }

  async assign(tenant: string, caseId: string, code: string, now: Date, { fresh = false }: { fresh?: boolean } = {}): Promise<void> {
    const hash = hashTrackingCode(code);
    if (!fresh) await this.pool.query({ name: 'intake-tracking-replaced', text: REPLACED, values: [caseId, hash] });
    const inserted = await this.pool.query({ name: 'intake-tracking-insert', text: INSERT, values: [hash, tenant, caseId, now] });
    if (inserted.rowCount === 1) return;
    // Already there from an earlier attempt at the same registration: that is the entry wanted.
    const entry = await this.pool.query({ name: 'intake-tracking-entry', text: ENTRY, values: [hash, tenant, caseId] });
    if (entry.rowCount === 0) throw new TrackingCodeConflictError(caseId);
  }

  async caseOf(tenant: string, typed: string): Promise<string | undefined> {
    if (!isTrackingCodeShaped(typed)) return undefined;
    const { rows } = await this.pool.query<{ case_id: string }>({
      name: 'intake-tracking-case-of',
      text: CASE_OF,
      values: [hashTrackingCode(typed), tenant],
    });
    return rows[0]?.case_id;
  }

  async forget(tenant: string, caseId: string): Promise<void> {
    await this.pool.query({ name: 'intake-tracking-forget', text: FORGET, values: [tenant, caseId] });
  }
}
