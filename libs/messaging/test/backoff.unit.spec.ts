import { backoffDelay, type BackoffPolicy } from '../src';

describe('exponential backoff', () => {
  const policy: BackoffPolicy = { initialDelayMs: 100, maxDelayMs: 1_000, factor: 2, jitter: 0 };

  it('doubles from the initial delay and stops growing at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('spreads each delay by at most the jitter fraction', () => {
    const jittered = { ...policy, jitter: 0.2 };
    expect(backoffDelay(3, jittered, () => 0)).toBe(320);
    expect(backoffDelay(3, jittered, () => 1)).toBe(480);
    expect(backoffDelay(3, jittered, () => 0.5)).toBe(400);
  });
});
