import { Logger } from '@nestjs/common';
import type { SharedCounters } from '../http/shared-counters';
import {
  FAILED_KEY_WINDOW_MS,
  FailedKeyAttempts,
  TooManyFailedKeysError,
  type FailedKeyCounter,
  type FailedKeyLimits,
} from './failed-key-attempts';
import { DEFAULT_FAILED_KEY_LIMITS } from './failed-key-attempts';

/**
 * The wrong Open311 keys counted in the counters every instance shares (RATE_LIMIT_STORE=postgres), per address
 * and per tenant in fixed minutes: a guesser spreading its tries over the instances behind a load balancer meets
 * one limit. While the database cannot be reached, this instance counts in its own memory instead.
 */
export class SharedFailedKeyAttempts implements FailedKeyCounter {
  private readonly logger = new Logger(SharedFailedKeyAttempts.name);
  private readonly fallback: FailedKeyAttempts;

  constructor(
    private readonly counters: SharedCounters,
    private readonly limits: FailedKeyLimits = DEFAULT_FAILED_KEY_LIMITS,
  ) {
    this.fallback = new FailedKeyAttempts(limits);
  }

  async check(tenant: string, address: string, now: Date): Promise<void> {
    let counts;
    try {
      counts = await Promise.all([
        this.counters.count(`failed-key:address:${address}`, FAILED_KEY_WINDOW_MS, now.getTime()),
        this.counters.count(`failed-key:tenant:${tenant}`, FAILED_KEY_WINDOW_MS, now.getTime()),
      ]);
    } catch (error) {
      this.logger.warn(`the shared rate-limit store is unreachable, counting wrong keys in this instance: ${(error as Error).message}`);
      return this.fallback.check(tenant, address, now);
    }
    const [byAddress, byTenant] = counts;
    if (byAddress.hits >= this.limits.perAddress || byTenant.hits >= this.limits.perTenant) {
      throw new TooManyFailedKeysError(Math.max(1, Math.ceil((byAddress.endsAt - now.getTime()) / 1000)));
    }
  }

  async fail(tenant: string, address: string, now: Date): Promise<void> {
    try {
      await Promise.all([
        this.counters.hit(`failed-key:address:${address}`, FAILED_KEY_WINDOW_MS, now.getTime()),
        this.counters.hit(`failed-key:tenant:${tenant}`, FAILED_KEY_WINDOW_MS, now.getTime()),
      ]);
    } catch {
      this.fallback.fail(tenant, address, now);
    }
  }
}
