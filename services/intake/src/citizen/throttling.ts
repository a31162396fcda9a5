import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { IntakeConfig } from '../config';

/** Every public request counts against this one… */
export const PUBLIC_THROTTLER = 'public';
/** …and submissions, which create cases, also against this tighter one. */
export const SUBMIT_THROTTLER = 'submit';

const MINUTE_MS = 60_000;

/**
 * Per client IP (`request.ip`; behind a proxy the app must trust it for the real address), counted in
 * this process's memory: with several instances each counts its own, which is fine for abuse control.
 */
export function throttlerOptions(config: IntakeConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: PUBLIC_THROTTLER, ttl: MINUTE_MS, limit: config.PUBLIC_REQUESTS_PER_MINUTE },
      { name: SUBMIT_THROTTLER, ttl: MINUTE_MS, limit: config.PUBLIC_SUBMITS_PER_MINUTE },
    ],
  };
}
