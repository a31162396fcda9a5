import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { IntakeConfig } from '../config';

/** Every citizens' request counts against this one… */
export const PUBLIC_THROTTLER = 'public';
/** …and submissions, which create cases, also against this tighter one. */
export const SUBMIT_THROTTLER = 'submit';
/**
 * Open311's reads (every GET under /open311/v2). Named `default` so that its refusal carries the plain
 * `Retry-After` header Open311 clients and proxies know (the throttler suffixes other names to it).
 */
export const OPEN311_READS_THROTTLER = 'default';

const MINUTE_MS = 60_000;

/**
 * The limits of intake's public APIs, per client IP (`request.ip`: behind a proxy, the client's address only
 * through the hops TRUST_PROXY names), counted where RATE_LIMIT_STORE says: this process's memory, or the
 * counters every instance shares (shared-counters.ts), so that N instances do not grant N times the limit. @nestjs/throttler's module is global, so it is registered once, with
 * every named throttler, and each controller skips those that are not its own.
 */
export function throttlerOptions(config: IntakeConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: PUBLIC_THROTTLER, ttl: MINUTE_MS, limit: config.PUBLIC_REQUESTS_PER_MINUTE },
      { name: SUBMIT_THROTTLER, ttl: MINUTE_MS, limit: config.PUBLIC_SUBMITS_PER_MINUTE },
      {
        name: OPEN311_READS_THROTTLER,
        ttl: MINUTE_MS,
        limit: config.OPEN311_READS_PER_MINUTE,
        // One count per address for every Open311 read, whichever method (by default each route counts apart).
        generateKey: (_context, tracker, name) => `open311-reads:${name}:${tracker}`,
      },
    ],
  };
}
