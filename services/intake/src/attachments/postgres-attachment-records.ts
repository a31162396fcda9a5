import type { Pool, QueryResultRow } from 'pg';
import { createIntakeTables, INTAKE_SCHEMA } from '../bookkeeping/postgres-schema';
import { AttachmentRecords, type AttachmentRecord, type ScanStatus, type ScanVerdict } from './attachment-records';

export const ATTACHMENTS_TABLE = `${INTAKE_SCHEMA}.attachments`;

const SCHEMA = [
  `create table if not exists ${ATTACHMENTS_TABLE} (
     id text primary key,
     tenant text not null,
     case_id text not null,
     data_subject_id text not null,
     object_key text not null,
     media_type text not null,
     size bigint not null,
     sha256 text not null,
     scan text not null check (scan in ('pending', 'clean', 'infected')),
     scanned_at timestamptz,
     signature text,
     stored_at timestamptz not null
   )`,
  `create index if not exists attachments_of_case on ${ATTACHMENTS_TABLE} (tenant, case_id)`,
  `create index if not exists attachments_of_subject on ${ATTACHMENTS_TABLE} (data_subject_id)`,
];

const SAVE = `
  insert into ${ATTACHMENTS_TABLE} (id, tenant, case_id, data_subject_id, object_key, media_type, size, sha256, scan, scanned_at, signature, stored_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
  on conflict (id) do nothing`;
const FIND = `select * from ${ATTACHMENTS_TABLE} where id = $1 and tenant = $2 and case_id = $3`;
const OF_CASE = `select * from ${ATTACHMENTS_TABLE} where tenant = $1 and case_id = $2 order by stored_at, id`;
const DECIDE = `update ${ATTACHMENTS_TABLE} set scan = $2, signature = $3, scanned_at = $4 where id = $1 and scan = 'pending'`;
const REMOVE = `delete from ${ATTACHMENTS_TABLE} where id = $1`;
const BY_ID = `select * from ${ATTACHMENTS_TABLE} where id = $1`;

export interface AttachmentRow extends QueryResultRow {
  id: string;
  tenant: string;
  case_id: string;
  data_subject_id: string;
  object_key: string;
  media_type: string;
  size: string;
  sha256: string;
  scan: ScanStatus;
  scanned_at: Date | null;
  signature: string | null;
  stored_at: Date;
}

/** The per-file records in PostgreSQL (`intake.attachments`). */
export class PostgresAttachmentRecords extends AttachmentRecords {
  constructor(private readonly pool: Pool) {
    super();
  }

  static on(pool: Pool): PostgresAttachmentRecords {
    return new PostgresAttachmentRecords(pool);
  }

  async ensureSchema(): Promise<void> {
    await createIntakeTables(this.pool, SCHEMA);
  }

  async save(record: AttachmentRecord): Promise<void> {
    await this.pool.query({
      name: 'intake-attachments-save',
      text: SAVE,
      values: attachmentRow(record),
    });
  }

  async find(tenant: string, caseId: string, attachmentId: string): Promise<AttachmentRecord | null> {
    const { rows } = await this.pool.query<AttachmentRow>({
      name: 'intake-attachments-find',
      text: FIND,
      values: [attachmentId, tenant, caseId],
    });
    return rows[0] ? attachmentRecordOf(rows[0]) : null;
  }

  async ofCase(tenant: string, caseId: string): Promise<AttachmentRecord[]> {
    const { rows } = await this.pool.query<AttachmentRow>({ name: 'intake-attachments-of-case', text: OF_CASE, values: [tenant, caseId] });
    return rows.map(attachmentRecordOf);
  }

  async remove(id: string): Promise<void> {
    await this.pool.query({ name: 'intake-attachments-remove', text: REMOVE, values: [id] });
  }

  // Two statements, as in MongoDB: a verdict another instance stored first is the one read back.
  async decide(id: string, verdict: ScanVerdict): Promise<AttachmentRecord | null> {
    await this.pool.query({
      name: 'intake-attachments-decide',
      text: DECIDE,
      values: [id, verdict.scan, verdict.signature ?? null, verdict.scannedAt],
    });
    const { rows } = await this.pool.query<AttachmentRow>({ name: 'intake-attachments-by-id', text: BY_ID, values: [id] });
    return rows[0] ? attachmentRecordOf(rows[0]) : null;
  }
}

/** The row as the record callers know; a field never set is absent, as in a MongoDB document. */
export function attachmentRecordOf(row: AttachmentRow): AttachmentRecord {
  return {
    _id: row.id,
    tenant: row.tenant,
    caseId: row.case_id,
    dataSubjectId: row.data_subject_id,
    objectKey: row.object_key,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    scan: row.scan,
    ...(row.scanned_at === null ? {} : { scannedAt: row.scanned_at }),
    ...(row.signature === null ? {} : { signature: row.signature }),
    storedAt: row.stored_at,
  };
}

/** A record as the table's columns, in their order (id, tenant, case_id, … stored_at): saved one by one, or imported in batches. */
export const attachmentRow = (record: AttachmentRecord): unknown[] => [
  record._id,
  record.tenant,
  record.caseId,
  record.dataSubjectId,
  record.objectKey,
  record.mediaType,
  record.size,
  record.sha256,
  record.scan,
  record.scannedAt ?? null,
  record.signature ?? null,
  record.storedAt,
];
