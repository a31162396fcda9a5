/**
 * Wrong Open311 keys, counted per address and per tenant in a sliding minute: past the limit every POST of
 * that address (or to that tenant) is refused with 429 before its key is even compared, so a key cannot be
 * guessed at the rate a client can send. Per tenant as well, because addresses are cheap to change.
 * FailedKeyAttempts counts in this process's memory (each instance its own); SharedFailedKeyAttempts in the
 * counters every instance shares (RATE_LIMIT_STORE=postgres).
 */
export const FAILED_KEY_WINDOW_MS = 60_000;

export interface FailedKeyLimits {
  perAddress: number;
  perTenant: number;
}

export const DEFAULT_FAILED_KEY_LIMITS: FailedKeyLimits = { perAddress: 10, perTenant: 100 };

export class TooManyFailedKeysError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many wrong api_key values; try again after Retry-After seconds');
    this.name = 'TooManyFailedKeysError';
  }
}

/** Where wrong keys are counted: this process's memory, or the counters every instance shares. */
export interface FailedKeyCounter {
  /** TooManyFailedKeysError while the address or the tenant is over its limit. */
  check(tenant: string, address: string, now: Date): void | Promise<void>;
  fail(tenant: string, address: string, now: Date): void | Promise<void>;
}

export const FAILED_KEY_COUNTER = Symbol('FAILED_KEY_COUNTER');

export class FailedKeyAttempts implements FailedKeyCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: FailedKeyLimits = DEFAULT_FAILED_KEY_LIMITS) {}

  /** TooManyFailedKeysError while the address or the tenant is over its limit. */
  check(tenant: string, address: string, now: Date): void {
    const waits = [this.wait(`address:${address}`, this.limits.perAddress, now), this.wait(`tenant:${tenant}`, this.limits.perTenant, now)];
    const longest = Math.max(...waits);
    if (longest > 0) throw new TooManyFailedKeysError(Math.ceil(longest / 1000));
  }

  fail(tenant: string, address: string, now: Date): void {
    for (const key of [`address:${address}`, `tenant:${tenant}`]) this.failures.set(key, [...this.recent(key, now), now.getTime()]);
  }

  /** Milliseconds until the oldest failure in the window leaves it, when the limit is reached; else 0. */
  private wait(key: string, limit: number, now: Date): number {
    const recent = this.recent(key, now);
    if (recent.length === 0) this.failures.delete(key);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit] + FAILED_KEY_WINDOW_MS - now.getTime();
  }

  private recent(key: string, now: Date): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now.getTime() - FAILED_KEY_WINDOW_MS);
  }
}
