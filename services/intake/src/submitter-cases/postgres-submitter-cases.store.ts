import type { Kind } from '@civic/domain';
import type { Pool, QueryResultRow } from 'pg';
import { createIntakeTables, INTAKE_SCHEMA } from '../bookkeeping/postgres-schema';
import { MAX_CANDIDATES, MAX_PERSON_CASES, SubmitterCasesStore, type SubmitterCaseDocument } from './submitter-cases.store';

export const SUBMITTER_CASES_TABLE = `${INTAKE_SCHEMA}.submitter_cases`;

// Screening asks for the open cases sharing any of a few keys: a GIN index over the open ones' keys answers
// the overlap (`&&`) at once, however many cases the tenant has.
const SCHEMA = [
  `create table if not exists ${SUBMITTER_CASES_TABLE} (
     case_id text primary key,
     tenant text not null,
     submitter_keys text[] not null,
     registry_number text not null,
     kind text not null,
     received_on text not null,
     text_keys text[] not null,
     open boolean not null
   )`,
  `create index if not exists submitter_cases_open_keys on ${SUBMITTER_CASES_TABLE} using gin (submitter_keys) where open`,
];

const RECORD = `
  insert into ${SUBMITTER_CASES_TABLE} (case_id, tenant, submitter_keys, registry_number, kind, received_on, text_keys, open)
  values ($1, $2, $3, $4, $5, $6, $7, $8)
  on conflict (case_id) do nothing`;

const OPEN_OF = `
  select * from ${SUBMITTER_CASES_TABLE}
  where submitter_keys && $2::text[] and open and tenant = $1 and case_id <> $3
  order by received_on desc, case_id
  limit $4`;

const ALL_OF = `
  select * from ${SUBMITTER_CASES_TABLE}
  where submitter_keys && $2::text[] and tenant = $1
  order by received_on desc, case_id
  limit $3`;

const REMOVE = `delete from ${SUBMITTER_CASES_TABLE} where case_id = $1`;

const MARK_CLOSED = `update ${SUBMITTER_CASES_TABLE} set open = false where case_id = $1`;

interface SubmitterCaseRow extends QueryResultRow {
  case_id: string;
  tenant: string;
  submitter_keys: string[];
  registry_number: string;
  kind: Kind;
  received_on: string;
  text_keys: string[];
  open: boolean;
}

/** The submitters' cases in PostgreSQL (`intake.submitter_cases`): all of a submitter's keys in one query. */
export class PostgresSubmitterCasesStore extends SubmitterCasesStore {
  constructor(private readonly pool: Pool) {
    super();
  }

  static on(pool: Pool): PostgresSubmitterCasesStore {
    return new PostgresSubmitterCasesStore(pool);
  }

  async ensureSchema(): Promise<void> {
    await createIntakeTables(this.pool, SCHEMA);
  }

  async record(entry: SubmitterCaseDocument): Promise<void> {
    await this.pool.query({
      name: 'intake-submitter-cases-record',
      text: RECORD,
      values: submitterCaseRow(entry),
    });
  }

  async openOf(tenant: string, submitterKeys: readonly string[], exceptCaseId: string): Promise<SubmitterCaseDocument[]> {
    const keys = [...new Set(submitterKeys)];
    if (keys.length === 0) return [];
    const { rows } = await this.pool.query<SubmitterCaseRow>({
      name: 'intake-submitter-cases-open-of',
      text: OPEN_OF,
      values: [tenant, keys, exceptCaseId, MAX_CANDIDATES],
    });
    return rows.map(documentOf);
  }

  async markClosed(caseId: string): Promise<void> {
    await this.pool.query({ name: 'intake-submitter-cases-mark-closed', text: MARK_CLOSED, values: [caseId] });
  }

  async allOf(tenant: string, submitterKeys: readonly string[]): Promise<SubmitterCaseDocument[]> {
    const keys = [...new Set(submitterKeys)];
    if (keys.length === 0) return [];
    const { rows } = await this.pool.query<SubmitterCaseRow>({
      name: 'intake-submitter-cases-all-of',
      text: ALL_OF,
      values: [tenant, keys, MAX_PERSON_CASES],
    });
    return rows.map(documentOf);
  }

  async remove(caseId: string): Promise<void> {
    await this.pool.query({ name: 'intake-submitter-cases-remove', text: REMOVE, values: [caseId] });
  }
}

function documentOf(row: SubmitterCaseRow): SubmitterCaseDocument {
  return {
    _id: row.case_id,
    tenant: row.tenant,
    submitterKeys: row.submitter_keys,
    registryNumber: row.registry_number,
    kind: row.kind,
    receivedOn: row.received_on,
    textKeys: row.text_keys,
    open: row.open,
  };
}

/** An entry as the table's columns, in their order: recorded one by one, or imported in batches. */
export const submitterCaseRow = (entry: SubmitterCaseDocument): unknown[] => [
  entry._id,
  entry.tenant,
  entry.submitterKeys,
  entry.registryNumber,
  entry.kind,
  entry.receivedOn,
  entry.textKeys,
  entry.open,
];
