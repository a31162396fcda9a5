import { Logger } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { SharedCounters } from './shared-counters';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often, at most, an unreachable store is reported in the log. */
const WARN_EVERY_MS = 60_000;

/**
 * @nestjs/throttler's storage over the shared counters: each named limit counts per key in fixed windows of its
 * `ttl`, and a key over its limit is refused until the window ends. While the database cannot be reached, this
 * instance counts in its own memory (the throttler's own storage) rather than refusing citizens or letting
 * everything through: the limit then holds per instance, as it did before.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(SharedThrottlerStorage.name);
  private readonly fallback = new ThrottlerStorageService();
  private warnedAt = 0;

  constructor(
    private readonly counters: SharedCounters,
    private readonly now: () => number = Date.now,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    try {
      const { hits, endsAt } = await this.counters.hit(`${throttlerName}:${key}`, ttl, now);
      const secondsLeft = Math.max(1, Math.ceil((endsAt - now) / 1000));
      const isBlocked = hits > limit;
      return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
    } catch (error) {
      if (now - this.warnedAt >= WARN_EVERY_MS) {
        this.warnedAt = now;
        this.logger.warn(`the shared rate-limit store is unreachable, counting in this instance: ${(error as Error).message}`);
      }
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }
}
