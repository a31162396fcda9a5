import { randomUUID } from 'node:crypto';
import { trackingCodesOn } from '../src/bookkeeping/stores';
import { TRACKING_CODES_COLLECTION } from '../src/tracking/mongo-tracking-codes';
import { TRACKING_CODES_TABLE } from '../src/tracking/postgres-tracking-codes';
import { newTrackingCode, normalizeTrackingCode } from '../src/tracking/tracking-code';
import type { TrackingCodes } from '../src/tracking/tracking-codes';
import { BOOKKEEPING_BACKENDS, storedEntries, type BookkeepingUnderTest } from './bookkeeping';

describe.each(BOOKKEEPING_BACKENDS)('tracking codes in %s', (_kind, open) => {
  let backend: BookkeepingUnderTest;
  let codes: TrackingCodes;
  const now = new Date('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    backend = await open('intake_tracking');
    codes = await trackingCodesOn(backend.bookkeeping);
  });

  afterAll(async () => {
    await backend?.close();
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
    const all = await storedEntries(backend.bookkeeping, { postgres: TRACKING_CODES_TABLE, mongodb: TRACKING_CODES_COLLECTION });
    const stored = JSON.stringify(all.filter((entry) => JSON.stringify(entry).includes(caseId)));
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

  it("assigning the same code again keeps it (a retry); a fresh case's second code is refused, the first kept", async () => {
    const caseId = randomUUID();
    const code = newTrackingCode();
    await codes.assign('peshtera', caseId, code, now, { fresh: true });
    await codes.assign('peshtera', caseId, code, now, { fresh: true });
    await codes.assign('peshtera', caseId, code, now);
    expect(await codes.caseOf('peshtera', code)).toBe(caseId);
    await expect(codes.assign('peshtera', caseId, newTrackingCode(), now, { fresh: true })).rejects.toThrow();
    expect(await codes.caseOf('peshtera', code)).toBe(caseId);
  });
});
