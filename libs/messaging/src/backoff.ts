/** Exponential backoff: `initialDelayMs * factor^(n-1)`, capped at `maxDelayMs`, spread by ± `jitter` (0..1). */
export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialDelayMs: 200, maxDelayMs: 5_000, factor: 2, jitter: 0.2 };

/** The wait before retry number `retry` (1 = the first retry). Jitter keeps many consumers from retrying in step. */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = policy.initialDelayMs * policy.factor ** Math.max(0, retry - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  const spread = capped * policy.jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(capped + spread));
}
