import { valuesList, type MongoCopy } from '@civic/event-store';
import type { Db } from 'mongodb';
import type { PoolClient } from 'pg';
import type { AttachmentRecord } from './attachment-records';
import { ATTACHMENTS_COLLECTION } from './mongo-attachment-records';
import { ATTACHMENTS_TABLE, attachmentRow } from './postgres-attachment-records';

const INSERT = (placeholders: string) => `
  insert into ${ATTACHMENTS_TABLE} (id, tenant, case_id, data_subject_id, object_key, media_type, size, sha256, scan, scanned_at, signature, stored_at)
  values ${placeholders}
  on conflict (id) do nothing`;

/** The files' records from `intake_attachments` into `intake.attachments`: without them a stored file could not be found. */
export function attachmentRecordsFromMongo(db: Db): MongoCopy<AttachmentRecord> {
  return {
    documents: () => db.collection<AttachmentRecord>(ATTACHMENTS_COLLECTION).find({}, { batchSize: 1_000 }),
    write: async (client: PoolClient, records: AttachmentRecord[]) => {
      if (records.length === 0) return 0;
      const { placeholders, values } = valuesList(records.map(attachmentRow));
      await client.query(INSERT(placeholders), values);
      return records.length;
    },
  };
}
