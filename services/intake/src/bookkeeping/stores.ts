import type { SubjectKeys } from '@civic/event-store';
import type { AttachmentRecords } from '../attachments/attachment-records';
import { MongoAttachmentRecords } from '../attachments/mongo-attachment-records';
import { PostgresAttachmentRecords } from '../attachments/postgres-attachment-records';
import type { IdempotencyStore } from '../idempotency/idempotency-store';
import { MongoIdempotencyStore } from '../idempotency/mongo-idempotency-store';
import { PostgresIdempotencyStore } from '../idempotency/postgres-idempotency-store';
import type { Open311Locations } from '../open311/locations';
import { MongoOpen311Locations } from '../open311/mongo-locations';
import { PostgresOpen311Locations } from '../open311/postgres-locations';
import { submitterKey } from '../submitter-cases/mongo-submitter-key';
import { MongoSubmitterCasesStore } from '../submitter-cases/mongo-submitter-cases.store';
import { postgresSubmitterKey } from '../submitter-cases/postgres-submitter-key';
import { PostgresSubmitterCasesStore } from '../submitter-cases/postgres-submitter-cases.store';
import type { SubmitterCasesStore } from '../submitter-cases/submitter-cases.store';
import { MongoTrackingCodes } from '../tracking/mongo-tracking-codes';
import { PostgresTrackingCodes } from '../tracking/postgres-tracking-codes';
import type { TrackingCodes } from '../tracking/tracking-codes';
import type { Bookkeeping } from '@civic/platform';

// Each store of the bookkeeping, with its tables or indexes in place.

export async function idempotencyStoreOn(bookkeeping: Bookkeeping, leaseMs?: number): Promise<IdempotencyStore> {
  if (bookkeeping.kind === 'postgres') {
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
  return locations;
}
