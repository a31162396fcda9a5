import { CachedProbe } from './cached-probe';

describe('a cached probe', () => {
  it('computes once per ttl', async () => {
    let now = 0;
    let calls = 0;
    const probe = new CachedProbe(async () => ++calls, { ttlMs: 1_000, timeoutMs: 100, now: () => now });
    expect(await probe.read()).toBe(1);
    now = 999;
    expect(await probe.read()).toBe(1);
    now = 1_000;
    expect(await probe.read()).toBe(2);
  });

  it('answers the last value known when a refresh is slower than the timeout, and has the new one next time', async () => {
    let now = 0;
    let release: (value: number) => void = () => undefined;
    let calls = 0;
    const probe = new CachedProbe(() => (++calls === 1 ? Promise.resolve(1) : new Promise<number>((resolve) => (release = resolve))), {
      ttlMs: 10,
      timeoutMs: 20,
      now: () => now,
    });
    expect(await probe.read()).toBe(1);
    now = 100;
    expect(await probe.read()).toBe(1);
    release(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await probe.read()).toBe(2);
    expect(calls).toBe(2);
  });

  it('answers undefined before anything is known, and reports a failure without throwing', async () => {
    const errors: unknown[] = [];
    const probe = new CachedProbe(() => Promise.reject(new Error('kafka down')), {
      ttlMs: 10,
      timeoutMs: 20,
      onError: (error) => errors.push(error),
    });
    await expect(probe.read()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('stopped: waits for the refresh under way, then starts no other one', async () => {
    let calls = 0;
    let release: (value: number) => void = () => undefined;
    const probe = new CachedProbe(
      () => {
        calls += 1;
        return new Promise<number>((resolve) => (release = resolve));
      },
      { ttlMs: 0, timeoutMs: 1 },
    );
    expect(await probe.read()).toBeUndefined();
    let stopped = false;
    const stopping = probe.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release(7);
    await stopping;
    expect(await probe.read()).toBe(7);
    expect(calls).toBe(1);
  });
});
