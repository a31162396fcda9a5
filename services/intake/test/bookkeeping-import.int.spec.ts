import { randomUUID } from 'node:crypto';
import { InMemorySubjectKeys } from '@civic/event-store';
import { IMPORTS_TABLE, type Bookkeeping } from '@civic/platform';
import { createTestDatabase, testMongoUri, type TestDatabase } from '@civic/testing';
import { MongoClient, type Db } from 'mongodb';
import { Pool } from 'pg';
import type { AttachmentRecord } from '../src/attachments/attachment-records';
import { MongoAttachmentRecords } from '../src/attachments/mongo-attachment-records';
import { attachmentRecordsOn, open311LocationsOn, submitterCasesOn, trackingCodesOn } from '../src/bookkeeping/stores';
import { LOCATIONS_COLLECTION, MongoOpen311Locations } from '../src/open311/mongo-locations';
import type { StoredLocation } from '../src/open311/request-view';
import { MongoSubmitterCasesStore } from '../src/submitter-cases/mongo-submitter-cases.store';
import { submitterKey } from '../src/submitter-cases/mongo-submitter-key';
import { PostgresSubmitterCasesStore } from '../src/submitter-cases/postgres-submitter-cases.store';
import { postgresSubmitterKey } from '../src/submitter-cases/postgres-submitter-key';
import type { SubmitterCaseDocument } from '../src/submitter-cases/submitter-cases.store';
import { MongoTrackingCodes } from '../src/tracking/mongo-tracking-codes';
import { newTrackingCode } from '../src/tracking/tracking-code';

// A deployment whose bookkeeping moves to PostgreSQL: what intake's MongoDB stores wrote is found by the
// PostgreSQL stores after their first start's import.
describe("intake's bookkeeping moved from MongoDB to PostgreSQL", () => {
  const at = new Date('2026-03-02T09:00:00.000Z');
  let database: TestDatabase;
  let pool: Pool;
  let mongo: MongoClient;
  let db: Db;
  let bookkeeping: Bookkeeping;

  beforeAll(async () => {
    database = await createTestDatabase('intake_bookkeeping_import');
    pool = new Pool({ connectionString: database.url, max: 4 });
    mongo = new MongoClient(await testMongoUri('intake_bookkeeping_import'));
    await mongo.connect();
    db = mongo.db();
    bookkeeping = { kind: 'postgres', pool, mongo: () => db };
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await mongo?.close();
    await pool?.end();
    await database?.drop();
  });

  const imported = async (collection: string) =>
    (await pool.query<{ count: string }>(`select count from ${IMPORTS_TABLE} where name = $1`, [`intake:${collection}`])).rows[0]?.count;

  it("keeps the citizens' tracking codes opening their cases", async () => {
    const [code, caseId] = [newTrackingCode(), randomUUID()];
    const inMongo = MongoTrackingCodes.on(db);
    await inMongo.ensureIndexes();
    await inMongo.assign('peshtera', caseId, code, at, { fresh: true });

    const codes = await trackingCodesOn(bookkeeping);
    expect(await codes.caseOf('peshtera', code)).toBe(caseId);
    expect(await codes.caseOf('sopot', code)).toBeUndefined();
    expect(await imported('intake_tracking_codes')).toBe('1');
  });

  it("keeps the stored files' records", async () => {
    const caseId = randomUUID();
    const record = (fields: Partial<AttachmentRecord>): AttachmentRecord => {
      const _id = randomUUID();
      return {
        _id,
        tenant: 'peshtera',
        caseId,
        dataSubjectId: randomUUID(),
        objectKey: `peshtera/${caseId}/${_id}`,
        mediaType: 'image/png',
        size: 12_345,
        sha256: 'ab'.repeat(32),
        scan: 'pending',
        storedAt: at,
        ...fields,
      };
    };
    const pending = record({});
    const infected = record({ scan: 'infected', signature: 'Eicar-Signature', scannedAt: at });
    const inMongo = MongoAttachmentRecords.on(db);
    await inMongo.save(pending);
    await inMongo.save(infected);

    const records = await attachmentRecordsOn(bookkeeping);
    expect(await records.find('peshtera', caseId, pending._id)).toEqual(pending);
    expect(await records.ofCase('peshtera', caseId)).toEqual(expect.arrayContaining([pending, infected]));
  });

  it("keeps the submitters' cases and MongoDB's key, so their fingerprints still match; a case closed in MongoDB stays closed", async () => {
    const mongoKey = await submitterKey(db);
    const submitter = randomUUID();
    const entry = (fields: Partial<SubmitterCaseDocument>): SubmitterCaseDocument => ({
      _id: randomUUID(),
      tenant: 'peshtera',
      submitterKeys: [submitter],
      registryNumber: `PSH-2026-${randomUUID().slice(0, 6)}`,
      kind: 'complaint',
      receivedOn: '2026-03-02',
      textKeys: ['a', 'b'],
      open: true,
      ...fields,
    });
    const [open, closedThere] = [entry({ receivedOn: '2026-02-01' }), entry({ receivedOn: '2026-01-01' })];
    const inMongo = MongoSubmitterCasesStore.on(db);
    await inMongo.record(open);
    await inMongo.record(closedThere);
    await inMongo.markClosed(closedThere._id);
    // A start before the import drew a key of its own and saw the closed case still open.
    const before = PostgresSubmitterCasesStore.on(pool);
    await before.ensureSchema();
    await before.record(closedThere);
    const drawnBefore = await postgresSubmitterKey(pool);
    expect(drawnBefore.equals(mongoKey)).toBe(false);

    const { store, key } = await submitterCasesOn(bookkeeping);
    expect(key.equals(mongoKey)).toBe(true);
    expect((await postgresSubmitterKey(pool)).equals(mongoKey)).toBe(true);
    expect(await store.openOf('peshtera', [submitter], randomUUID())).toEqual([open]);
  });

  it('keeps the sealed Open311 locations readable with the subjects’ keys, and leaves those in clear behind', async () => {
    const keys = new InMemorySubjectKeys();
    const place: StoredLocation = { lat: 42.0345, long: 24.2989, address_string: 'ул. „Дунав“ 3' };
    const [sealed, inClear] = [randomUUID(), randomUUID()];
    await MongoOpen311Locations.on(db, keys).save(sealed, 'peshtera', randomUUID(), place, at);
    await db.collection(LOCATIONS_COLLECTION).insertOne({ _id: inClear as never, tenant: 'peshtera', location: place, receivedAt: at });

    const locations = await open311LocationsOn(bookkeeping, keys);
    expect(Object.fromEntries(await locations.of([sealed, inClear]))).toEqual({ [sealed]: place });
    expect(await imported('intake_open311_locations')).toBe('1');
  });
});
