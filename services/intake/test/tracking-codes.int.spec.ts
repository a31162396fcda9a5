import { randomUUID } from 'node:crypto';
import { testMongoUri } from '@civic/testing';
import { MongoClient, type Db } from 'mongodb';
import { normalizeTrackingCode } from '../src/tracking/tracking-code';
import { TRACKING_CODES_COLLECTION, TrackingCodes } from '../src/tracking/tracking-codes';

describe('tracking codes in MongoDB', () => {
  let client: MongoClient;
  let db: Db;
  let codes: TrackingCodes;
  const now = new Date('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    client = new MongoClient(await testMongoUri('intake_tracking'));
    await client.connect();
    db = client.db();
    codes = TrackingCodes.on(db);
    await codes.ensureIndexes();
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  it('finds the case by its code, however the code is typed, in its own tenant only', async () => {
    const caseId = randomUUID();
    const code = await codes.issue('peshtera', caseId, now);
    expect(await codes.caseOf('peshtera', code)).toBe(caseId);
    expect(await codes.caseOf('peshtera', normalizeTrackingCode(code).toLowerCase())).toBe(caseId);
    expect(await codes.caseOf('sopot', code)).toBeUndefined();
    expect(await codes.caseOf('peshtera', 'not-a-code')).toBeUndefined();
  });

  it('stores only a hash: the code appears nowhere in the database', async () => {
    const caseId = randomUUID();
    const code = await codes.issue('peshtera', caseId, now);
    const stored = JSON.stringify(await db.collection(TRACKING_CODES_COLLECTION).find({ caseId }).toArray());
    expect(stored).toContain(caseId);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(normalizeTrackingCode(code));
  });

  it('keeps one valid code per case: a new one replaces the old', async () => {
    const caseId = randomUUID();
    const old = await codes.issue('peshtera', caseId, now);
    const fresh = await codes.issue('peshtera', caseId, now);
    expect(await codes.caseOf('peshtera', old)).toBeUndefined();
    expect(await codes.caseOf('peshtera', fresh)).toBe(caseId);
  });
});
