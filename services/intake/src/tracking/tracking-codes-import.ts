import { valuesList, type MongoCopy } from '@civic/event-store';
import type { Db } from 'mongodb';
import type { PoolClient } from 'pg';
import { TRACKING_CODES_COLLECTION, type TrackingCodeDocument } from './mongo-tracking-codes';
import { TRACKING_CODES_TABLE } from './postgres-tracking-codes';

// Unique on the hash and on the case, as in MongoDB: an entry PostgreSQL holds already for either stays.
const INSERT = (placeholders: string) =>
  `insert into ${TRACKING_CODES_TABLE} (code_hash, tenant, case_id, issued_at) values ${placeholders} on conflict do nothing`;

/** The codes' hashes from `intake_tracking_codes` into `intake.tracking_codes`: the citizens' codes keep opening their cases. */
export function trackingCodesFromMongo(db: Db): MongoCopy<TrackingCodeDocument> {
  return {
    documents: () => db.collection<TrackingCodeDocument>(TRACKING_CODES_COLLECTION).find({}, { batchSize: 1_000 }),
    write: async (client: PoolClient, documents: TrackingCodeDocument[]) => {
      if (documents.length === 0) return 0;
      const { placeholders, values } = valuesList(documents.map((code) => [code._id, code.tenant, code.caseId, code.issuedAt]));
      await client.query(INSERT(placeholders), values);
      return documents.length;
    },
  };
}
