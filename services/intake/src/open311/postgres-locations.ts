import type { SubjectKeys } from '@civic/event-store';
import type { Pool, QueryResultRow } from 'pg';
import { createIntakeTables, INTAKE_SCHEMA } from '../bookkeeping/postgres-schema';
import { Open311Locations, type LocationDocument, type SealedLocation } from './locations';

export const LOCATIONS_TABLE = `${INTAKE_SCHEMA}.open311_locations`;

const SCHEMA = [
  `create table if not exists ${LOCATIONS_TABLE} (
     case_id text primary key,
     tenant text not null,
     data_subject_id text not null,
     sealed jsonb not null,
     received_at timestamptz not null
   )`,
];

const HAS = `select 1 from ${LOCATIONS_TABLE} where case_id = $1`;
const INSERT = `
  insert into ${LOCATIONS_TABLE} (case_id, tenant, data_subject_id, sealed, received_at) values ($1, $2, $3, $4, $5)
  on conflict (case_id) do nothing`;
const DOCUMENTS = `select * from ${LOCATIONS_TABLE} where case_id = any($1::text[])`;
const REMOVE = `delete from ${LOCATIONS_TABLE} where case_id = any($1::text[])`;

interface LocationRow extends QueryResultRow {
  case_id: string;
  tenant: string;
  data_subject_id: string;
  sealed: SealedLocation;
  received_at: Date;
}

/** Open311 locations in PostgreSQL (`intake.open311_locations`), by case id; only sealed ones (there never were others here). */
export class PostgresOpen311Locations extends Open311Locations {
  constructor(
    private readonly pool: Pool,
    keys: SubjectKeys,
  ) {
    super(keys);
  }

  static on(pool: Pool, keys: SubjectKeys): PostgresOpen311Locations {
    return new PostgresOpen311Locations(pool, keys);
  }

  async ensureSchema(): Promise<void> {
    await createIntakeTables(this.pool, SCHEMA);
  }

  protected async has(caseId: string): Promise<boolean> {
    return ((await this.pool.query({ name: 'intake-locations-has', text: HAS, values: [caseId] })).rowCount ?? 0) > 0;
  }

  protected async insert(document: LocationDocument): Promise<void> {
    if (!document.sealed || !document.dataSubjectId) throw new Error(`the location of case ${document._id} is not sealed`);
    await this.pool.query({
      name: 'intake-locations-insert',
      text: INSERT,
      values: [document._id, document.tenant, document.dataSubjectId, JSON.stringify(document.sealed), document.receivedAt],
    });
  }

  protected async documents(caseIds: readonly string[]): Promise<LocationDocument[]> {
    const { rows } = await this.pool.query<LocationRow>({ name: 'intake-locations-documents', text: DOCUMENTS, values: [[...caseIds]] });
    return rows.map((row) => ({
      _id: row.case_id,
      tenant: row.tenant,
      dataSubjectId: row.data_subject_id,
      sealed: row.sealed,
      receivedAt: row.received_at,
    }));
  }

  protected async remove(caseIds: readonly string[]): Promise<void> {
    await this.pool.query({ name: 'intake-locations-remove', text: REMOVE, values: [[...caseIds]] });
  }
}
