import type { MongoCopy, SubjectKeys } from '@civic/event-store';
import type { Db } from 'mongodb';
import type { AttachmentRecords } from '../attachments/attachment-records';
import { ATTACHMENTS_COLLECTION, MongoAttachmentRecords } from '../attachments/mongo-attachment-records';
import { PostgresAttachmentRecords } from '../attachments/postgres-attachment-records';
import type { IdempotencyStore } from '../idempotency/idempotency-store';
import { MongoIdempotencyStore } from '../idempotency/mongo-idempotency-store';
import { PostgresIdempotencyStore } from '../idempotency/postgres-idempotency-store';
import type { Open311Locations } from '../open311/locations';
import { LOCATIONS_COLLECTION, MongoOpen311Locations } from '../open311/mongo-locations';
import { PostgresOpen311Locations } from '../open311/postgres-locations';
import { INTAKE_KEYS_COLLECTION, submitterKey } from '../submitter-cases/mongo-submitter-key';
import { MongoSubmitterCasesStore, SUBMITTER_CASES_COLLECTION } from '../submitter-cases/mongo-submitter-cases.store';
import { createSubmitterKeyTable, postgresSubmitterKey } from '../submitter-cases/postgres-submitter-key';
import { PostgresSubmitterCasesStore } from '../submitter-cases/postgres-submitter-cases.store';
import type { SubmitterCasesStore } from '../submitter-cases/submitter-cases.store';
import { MongoTrackingCodes, TRACKING_CODES_COLLECTION } from '../tracking/mongo-tracking-codes';
import { PostgresTrackingCodes } from '../tracking/postgres-tracking-codes';
import type { TrackingCodes } from '../tracking/tracking-codes';
import { importOnce, type Bookkeeping } from '@civic/platform';
import { attachmentRecordsFromMongo } from '../attachments/attachment-records-import';
import { open311LocationsFromMongo } from '../open311/locations-import';
import { submitterCasesFromMongo, submitterKeyFromMongo } from '../submitter-cases/submitter-cases-import';
import { trackingCodesFromMongo } from '../tracking/tracking-codes-import';

// Each store of the bookkeeping, with its tables or indexes in place. In PostgreSQL, with what intake kept in
// MongoDB before copied in on the first start (import-once.ts in libs/platform), before anything reads it.

type InPostgres = Extract<Bookkeeping, { kind: 'postgres' }>;

function importFromMongo<D>(bookkeeping: InPostgres, collection: string, what: string, copy: (db: Db) => MongoCopy<D>): Promise<void> {
  return importOnce(bookkeeping.pool, {
    name: `intake:${collection}`,
    what: `${what} from MongoDB (intake's database, collection ${collection})`,
    copy: () => copy(bookkeeping.mongo()),
  });
}

export async function idempotencyStoreOn(bookkeeping: Bookkeeping, leaseMs?: number): Promise<IdempotencyStore> {
  if (bookkeeping.kind === 'postgres') {
    // Not imported from MongoDB: a key matters for a day (a client's retries of one submission), and what it
    // guarded is in the events; at worst a retry across the move registers the submission a second time.
    const store = PostgresIdempotencyStore.on(bookkeeping.pool, leaseMs);
    await store.ensureSchema();
    return store;
  }
  const store = MongoIdempotencyStore.on(bookkeeping.db, leaseMs);
  await store.ensureIndexes();
  return store;
}

export async function trackingCodesOn(bookkeeping: Bookkeeping): Promise<TrackingCodes> {
  if (bookkeeping.kind === 'postgres') {
    const codes = PostgresTrackingCodes.on(bookkeeping.pool);
    await codes.ensureSchema();
    await importFromMongo(bookkeeping, TRACKING_CODES_COLLECTION, "the citizens' tracking codes", trackingCodesFromMongo);
    return codes;
  }
  const codes = MongoTrackingCodes.on(bookkeeping.db);
  await codes.ensureIndexes();
  return codes;
}

/** The submitters' cases, and the deployment's key for their hashes, kept beside them. */
export async function submitterCasesOn(bookkeeping: Bookkeeping): Promise<{ store: SubmitterCasesStore; key: Buffer }> {
  if (bookkeeping.kind === 'postgres') {
    const store = PostgresSubmitterCasesStore.on(bookkeeping.pool);
    await store.ensureSchema();
    await importFromMongo(bookkeeping, SUBMITTER_CASES_COLLECTION, "the submitters' cases", submitterCasesFromMongo);
    // Before a key is drawn: the entries just copied are hashed with MongoDB's.
    await createSubmitterKeyTable(bookkeeping.pool);
    await importFromMongo(bookkeeping, INTAKE_KEYS_COLLECTION, 'the submitter-cases key', submitterKeyFromMongo);
    return { store, key: await postgresSubmitterKey(bookkeeping.pool) };
  }
  const store = MongoSubmitterCasesStore.on(bookkeeping.db);
  await store.ensureIndexes();
  return { store, key: await submitterKey(bookkeeping.db) };
}

export async function attachmentRecordsOn(bookkeeping: Bookkeeping): Promise<AttachmentRecords> {
  if (bookkeeping.kind === 'postgres') {
    const records = PostgresAttachmentRecords.on(bookkeeping.pool);
    await records.ensureSchema();
    await importFromMongo(bookkeeping, ATTACHMENTS_COLLECTION, "the stored files' records", attachmentRecordsFromMongo);
    return records;
  }
  const records = MongoAttachmentRecords.on(bookkeeping.db);
  await records.ensureIndexes();
  return records;
}

export async function open311LocationsOn(bookkeeping: Bookkeeping, keys: SubjectKeys): Promise<Open311Locations> {
  if (bookkeeping.kind === 'mongodb') return MongoOpen311Locations.on(bookkeeping.db, keys);
  const locations = PostgresOpen311Locations.on(bookkeeping.pool, keys);
  await locations.ensureSchema();
  await importFromMongo(bookkeeping, LOCATIONS_COLLECTION, 'the Open311 locations', open311LocationsFromMongo);
  return locations;
}
