import { randomUUID } from 'node:crypto';
import { idempotencyStoreOn } from '../src/bookkeeping/stores';
import type { IdempotencyStore, RegistrationIds } from '../src/idempotency/idempotency-store';
import { BOOKKEEPING_BACKENDS, type BookkeepingUnderTest } from './bookkeeping';

// Idempotency keys on the real servers, the same promises in each backend: PostgreSQL, and the MongoDB wire
// protocol (FerretDB here: no transactions).
describe.each(BOOKKEEPING_BACKENDS)('idempotency keys in %s', (_kind, open) => {
  let backend: BookkeepingUnderTest;
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
    backend = await open('intake_idempotency');
    store = await idempotencyStoreOn(backend.bookkeeping, 30_000);
  });

  afterAll(async () => {
    await backend?.close();
  });

  const claim = async (key = randomUUID(), at = now) => {
    const claimed = await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now: at });
    if (claimed.status !== 'claimed') throw new Error(`not claimed: ${claimed.status}`);
    return claimed;
  };

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

  it('forgets a key a day after it was made: the same key then starts a new request, whatever it was used for', async () => {
    const key = randomUUID();
    const first = await claim(key);
    await store.complete(first.record._id, response, now);
    const hourBefore = new Date(now.getTime() + 23 * 3_600_000);
    expect(await store.reserve({ tenant: 'peshtera', key, fingerprint: 'other', fresh: ids(), now: hourBefore })).toEqual({
      status: 'mismatch',
    });
    const dayAfter = new Date(now.getTime() + 24 * 3_600_000 + 1);
    const again = await store.reserve({ tenant: 'peshtera', key, fingerprint: 'other', fresh: ids(), now: dayAfter });
    expect(again).toMatchObject({ status: 'claimed', fresh: true });
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

  it('a new key is fresh; a takeover is not, and keeps the key as it was', async () => {
    const key = randomUUID();
    const first = await claim(key);
    expect(first.fresh).toBe(true);
    expect(await store.find('peshtera', key)).toEqual(first.record);
    const retry = await claim(key, new Date(now.getTime() + 31_000));
    expect(retry.fresh).toBe(false);
    expect(retry.owner).not.toBe(first.owner);
    expect(retry.record).toMatchObject({
      _id: first.record._id,
      createdAt: now,
      leaseOwner: retry.owner,
      firstAttemptAt: first.record.firstAttemptAt,
    });
  });

  it('never lets another request take over an expired key', async () => {
    const key = randomUUID();
    await claim(key);
    const later = new Date(now.getTime() + 60_000);
    expect(await store.reserve({ tenant: 'peshtera', key, fingerprint: 'other', fresh: ids(), now: later })).toEqual({
      status: 'mismatch',
    });
  });

  it('a released key is taken over at once; a release by a holder that lost the lease changes nothing', async () => {
    const key = randomUUID();
    const first = await claim(key);
    await store.release(first.record._id, 'someone-else', now);
    expect((await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now })).status).toBe('busy');
    await store.release(first.record._id, first.owner, now);
    const retry = await claim(key);
    expect(retry.record.caseId).toBe(first.record.caseId);
  });

  it('the first answer stored wins: a later holder gets it back, sealed code and all, not stored now', async () => {
    const key = randomUUID();
    const first = await claim(key);
    const sealed = { alg: 'aes-256-gcm' as const, iv: 'iv', tag: 'tag', ct: 'ct' };
    const mine = await store.complete(first.record._id, response, now, sealed);
    expect(mine).toMatchObject({ storedNow: true, response, sealedTrackingCode: sealed, completedAt: now });
    const late = await store.complete(first.record._id, { status: 201, body: { caseId: 'other' } }, later(5));
    expect(late).toMatchObject({ storedNow: false, response, sealedTrackingCode: sealed, completedAt: now });
    // A completed key is not released nor taken over.
    await store.release(first.record._id, first.owner, now);
    expect(await store.reserve({ tenant: 'peshtera', key, fingerprint: 'f', fresh: ids(), now: later(60) })).toMatchObject({
      status: 'completed',
      record: { response, sealedTrackingCode: sealed },
    });
  });

  it('keeps the first moment a retry started drawing', async () => {
    const key = randomUUID();
    const claimed = await claim(key);
    await store.markDrawing(claimed.record._id, later(1));
    await store.markDrawing(claimed.record._id, later(2));
    expect(await store.find('peshtera', key)).toMatchObject({ drawingSince: later(1) });
    expect(await store.find('peshtera', randomUUID())).toBeNull();
  });
});

const later = (seconds: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + seconds * 1000);
