/** A submission offered by the open loop: when it was sent, and the id it came back with (none if it failed). */
export interface Offered {
  sentAt: number;
  answeredAt?: number;
  id?: string;
  error?: string;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable with PostgreSQL's clock_timestamp(). */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/**
 * `count` submissions evenly spaced at `rate` per second, each sent when due whether or not the earlier ones
 * were answered (an open loop: a slow answer never delays the next, so no coordinated omission).
 */
export async function offer(rate: number, count: number, submit: (n: number) => Promise<string>): Promise<Offered[]> {
  const intervalMs = 1000 / rate;
  const started = performance.now();
  const pending: Promise<Offered>[] = [];
  for (let n = 0; n < count; n += 1) {
    const wait = started + n * intervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = wallNow();
    pending.push(
      submit(n).then(
        (id) => ({ sentAt, answeredAt: wallNow(), id }),
        (error: unknown) => ({ sentAt, error: error instanceof Error ? error.message : String(error) }),
      ),
    );
  }
  return Promise.all(pending);
}

/** Waits until `done` says every one has arrived or the time is up; returns what the last look saw. */
export async function settle<T>(look: () => Promise<T>, done: (seen: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await look();
    if (done(seen) || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
