import { ApiKeyRejectedError } from './errors';
import { ApiKeys, open311Actor, open311ApiKeysSchema, scopedIdempotencyKey } from './api-keys';

const PESHTERA_KEY = 'peshtera-app-key-0001';
const SOPOT_KEY = 'sopot-app-key-000000001';

describe('Open311 API keys', () => {
  it('reads OPEN311_API_KEYS as tenant:key pairs, several per tenant, nothing when empty', () => {
    expect(open311ApiKeysSchema.parse(`peshtera:${PESHTERA_KEY}, sopot:${SOPOT_KEY},peshtera:second-key-of-peshtera`)).toEqual([
      { tenant: 'peshtera', key: PESHTERA_KEY },
      { tenant: 'sopot', key: SOPOT_KEY },
      { tenant: 'peshtera', key: 'second-key-of-peshtera' },
    ]);
    expect(open311ApiKeysSchema.parse(undefined)).toEqual([]);
    expect(open311ApiKeysSchema.parse('')).toEqual([]);
  });

  it('names a bad entry by its position, never by its key', () => {
    const result = open311ApiKeysSchema.safeParse(`peshtera:${PESHTERA_KEY},Sopot:${SOPOT_KEY},sopot:short`);
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((issue) => issue.message);
    expect(messages).toEqual([expect.stringMatching(/^entry 2 /), expect.stringMatching(/^entry 3 /)]);
    expect(messages.join(' ')).not.toContain(SOPOT_KEY);
  });

  it('accepts a key only for its own tenant: missing or wrong is refused (403)', () => {
    const keys = new ApiKeys(open311ApiKeysSchema.parse(`peshtera:${PESHTERA_KEY},sopot:${SOPOT_KEY}`));
    const client = keys.clientFor('peshtera', PESHTERA_KEY);
    expect(client).toEqual({ tenant: 'peshtera', keyId: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(open311Actor(client)).toEqual({ id: `open311:${client.keyId}`, role: 'system' });
    expect(() => keys.clientFor('peshtera', undefined)).toThrow(new ApiKeyRejectedError('missing'));
    expect(() => keys.clientFor('peshtera', '')).toThrow(new ApiKeyRejectedError('missing'));
    expect(() => keys.clientFor('peshtera', SOPOT_KEY)).toThrow(new ApiKeyRejectedError('invalid'));
    expect(() => keys.clientFor('peshtera', [PESHTERA_KEY])).toThrow(ApiKeyRejectedError);
  });

  it("keeps one client's idempotency keys apart from another's, and passes a malformed one on for intake to name", () => {
    const keys = new ApiKeys(open311ApiKeysSchema.parse(`peshtera:${PESHTERA_KEY},peshtera:another-app-key-0002`));
    const one = keys.clientFor('peshtera', PESHTERA_KEY);
    const other = keys.clientFor('peshtera', 'another-app-key-0002');
    expect(scopedIdempotencyKey(one, 'retry-1', true)).toBe(scopedIdempotencyKey(one, 'retry-1', true));
    expect(scopedIdempotencyKey(one, 'retry-1', true)).not.toBe(scopedIdempotencyKey(other, 'retry-1', true));
    expect(scopedIdempotencyKey(one, 'retry-1', true)).toMatch(/^open311-[0-9a-f]{12}-[0-9a-f]{40}$/);
    expect(scopedIdempotencyKey(one, 'has space', false)).toBe('has space');
    expect(scopedIdempotencyKey(one, undefined, true)).toBeUndefined();
  });
});
