import { randomUUID } from 'node:crypto';
import { testMongoUri } from '@civic/testing';
import { MongoClient, type Db } from 'mongodb';
import { IdempotencyStore, type RegistrationIds } from '../src/idempotency/idempotency-store';

// Idempotency keys on the real MongoDB wire protocol (FerretDB here: no transactions).
describe('idempotency keys in MongoDB', () => {
  let client: MongoClient;
  let db: Db;
  let store: IdempotencyStore;
  const now = new Date('2026-03-02T09:00:00.000Z');
  const ids = (): RegistrationIds => ({
    caseId: randomUUID(),
    dataSubjectId: randomUUID(),
    correlationId: randomUUID(),
    firstAttemptAt: now.toISOString(),
  });
  const response = { status: 201, body: { caseId: 'c', registryNumber: 'PSH-2026-000001' } };

  beforeAll(async () => {
    client = new MongoClient(await testMongoUri('intake_idempotency'));
    await client.connect();
    db = client.db();
    store = IdempotencyStore.on(db, 30_000);
    await store.ensureIndexes();
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  it('lets the first request claim a key, and gives its answer to every retry once stored', async () => {
    const key = randomUUID();
    const first = await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now });
    expect(first.status).toBe('claimed');
    if (first.status !== 'claimed') return;
    expect(await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now })).toEqual({
      status: 'busy',
      retryAfterSeconds: 30,
    });
    await store.complete(first.record._id, response, now);
    const retry = await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now });
    expect(retry).toMatchObject({ status: 'completed', record: { caseId: first.record.caseId, response } });
  });

  it('refuses the same key with another request', async () => {
    const key = randomUUID();
    await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now });
    expect(await store.reserve({ tenant: 'peshtera', key, fingerprint: 'other', fresh: ids(), now })).toEqual({ status: 'mismatch' });
  });

  it('keeps keys per tenant', async () => {
    const key = randomUUID();
    const peshtera = await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now });
    const sopot = await store.reserve({ tenant: 'sopot', key, fingerprint: 'other', fresh: ids(), now });
    expect([peshtera.status, sopot.status]).toEqual(['claimed', 'claimed']);
  });

  it('lets exactly one of many concurrent requests claim a key', async () => {
    const key = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now })),
    );
    expect(outcomes.filter((o) => o.status === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'busy')).toHaveLength(11);
  });

  it("lets a retry take over, with the first attempt's ids, once the holder's lease ran out", async () => {
    const key = randomUUID();
    const first = await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now });
    const later = new Date(now.getTime() + 31_000);
    const retry = await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now: later });
    expect(retry.status).toBe('claimed');
    expect(retry.status === 'claimed' && first.status === 'claimed' && retry.record.caseId).toBe(
      first.status === 'claimed' && first.record.caseId,
    );
  });

  it('keeps the first registry number saved for a key', async () => {
    const claimed = await store.reserve({ tenant: 'peshtera', key: randomUUID(), fingerprint: 'f', fresh: ids(), now });
    if (claimed.status !== 'claimed') throw new Error('not claimed');
    expect(await store.saveRegistryNumber(claimed.record._id, 'PSH-2026-000010')).toBe('PSH-2026-000010');
    expect(await store.saveRegistryNumber(claimed.record._id, 'PSH-2026-000011')).toBe('PSH-2026-000010');
  });
});
