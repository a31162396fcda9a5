import { ApiKeyRejectedError } from './errors';
import { scopedKey } from '../idempotency/idempotency-store';
import { ApiKeys, open311Actor, open311ApiKeysSchema } from './api-keys';

import { createHash } from 'node:crypto';

const PESHTERA_KEY = 'peshtera-app-key-0001-5f0c2a9d8e7b6a41';
const SOPOT_KEY = 'sopot-app-key-000000001-9c8d7e6f5a4b3c2d';
const ANOTHER_KEY = 'another-app-key-0002-1a2b3c4d5e6f7a8b';
const sha256 = (key: string) => createHash('sha256').update(key).digest();

describe('Open311 API keys', () => {
  it('reads OPEN311_API_KEYS as tenant:key or tenant:sha256:<hex> entries, several per tenant, nothing when empty', () => {
    const hashed = sha256(ANOTHER_KEY).toString('hex');
    expect(open311ApiKeysSchema.parse(`peshtera:${PESHTERA_KEY}, sopot:${SOPOT_KEY},peshtera:sha256:${hashed}`)).toEqual([
      { tenant: 'peshtera', digest: sha256(PESHTERA_KEY), hashed: false },
      { tenant: 'sopot', digest: sha256(SOPOT_KEY), hashed: false },
      { tenant: 'peshtera', digest: sha256(ANOTHER_KEY), hashed: true },
    ]);
    // A key configured by its hash opens like any other.
    const keys = new ApiKeys(open311ApiKeysSchema.parse(`peshtera:sha256:${hashed}`));
    expect(keys.clientFor('peshtera', ANOTHER_KEY).tenant).toBe('peshtera');
    expect(open311ApiKeysSchema.parse(undefined)).toEqual([]);
    expect(open311ApiKeysSchema.parse('')).toEqual([]);
  });

  it('names a bad entry by its position, never by its key', () => {
    // A key under 128 bits written in hex (32 characters) is a key people could guess.
    const result = open311ApiKeysSchema.safeParse(
      `peshtera:${PESHTERA_KEY},Sopot:${SOPOT_KEY},sopot:short-key-0123456789abcdef,sopot:sha256:abc`,
    );
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((issue) => issue.message);
    expect(messages).toEqual([expect.stringMatching(/^entry 2 /), expect.stringMatching(/^entry 3 /), expect.stringMatching(/^entry 4 /)]);
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

  it("keeps one client's idempotency keys apart from another's (intake scopes a key by its actor, the client's)", () => {
    const keys = new ApiKeys(open311ApiKeysSchema.parse(`peshtera:${PESHTERA_KEY},peshtera:${ANOTHER_KEY}`));
    const kept = (apiKey: string, key: string) => scopedKey('open311-submit', open311Actor(keys.clientFor('peshtera', apiKey)).id, key);
    expect(kept(PESHTERA_KEY, 'retry-1')).toBe(kept(PESHTERA_KEY, 'retry-1'));
    expect(kept(PESHTERA_KEY, 'retry-1')).not.toBe(kept(ANOTHER_KEY, 'retry-1'));
  });
});
