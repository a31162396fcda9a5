import { idempotencyKeyProblems } from './idempotency-key';

describe('the Idempotency-Key header', () => {
  it('is required where the API says so', () => {
    expect(idempotencyKeyProblems(undefined, true)).toEqual([{ field: 'Idempotency-Key', reason: expect.stringMatching(/^is required/) }]);
    expect(idempotencyKeyProblems('', true)).toHaveLength(1);
    expect(idempotencyKeyProblems(undefined, false)).toEqual([]);
  });

  it('takes a UUID or any 1–255 printable ASCII characters, nothing else', () => {
    expect(idempotencyKeyProblems('4f8a3c1e-2b7d-4e0f-9a61-0c5d2e8b7f13', true)).toEqual([]);
    expect(idempotencyKeyProblems('has space', true)).toHaveLength(1);
    expect(idempotencyKeyProblems('ключ', true)).toHaveLength(1);
    expect(idempotencyKeyProblems('k'.repeat(256), true)).toHaveLength(1);
  });
});
