import { homedir } from 'node:os';
import { join } from 'node:path';
import { developmentDefault, platformConfigSchema } from '@civic/platform';
import { z } from 'zod';

const positiveInt = (example: string) =>
  z.coerce
    .number({ invalid_type_error: `must be a whole number, e.g. ${example}` })
    .int('must be a whole number')
    .positive('must be above 0');

/** analytics's settings, validated at start-up; each has a default, so a deployment sets none of them. */
export const configSchema = platformConfigSchema.extend({
  /** `due=soon` in the case list: open cases due today or within this many calendar days. */
  ANALYTICS_DUE_SOON_DAYS: positiveInt('5').max(90, 'must be at most 90').default(5),
  /** Events read and applied per page while a model catches up (live start or rebuild). */
  ANALYTICS_PAGE_SIZE: positiveInt('500').max(5_000, 'must be at most 5000').default(500),
  /** A rebuild keeps up to this many case documents in memory, and buckets of up to this many rows, writing the rest. */
  ANALYTICS_REBUILD_CACHE_CASES: positiveInt('20000').default(20_000),
  ANALYTICS_REBUILD_CACHE_ROWS: positiveInt('100000').default(100_000),
  /** Rows of decoded buckets the list and the KPIs keep between requests (about 0.5 KB each). */
  ANALYTICS_READ_CACHE_ROWS: positiveInt('100000').default(100_000),
  /** How often a rebuild records its progress in `analytics_rebuilds` (ms); a minute without one counts as abandoned. */
  ANALYTICS_REBUILD_PROGRESS_MS: positiveInt('1000').max(30_000, 'must be at most 30000').default(1_000),
  /** How often an instance checks whether another one switched the read model to a new build (ms). */
  ANALYTICS_SWITCH_CHECK_MS: positiveInt('5000').default(5_000),
  /**
   * The Ed25519 private key (PKCS#8 PEM) that signs the hash chain's checkpoints (audit/AUDIT.md, "Signed
   * checkpoints"). Kept off the database's machines. In development it is made on first start, in a directory of
   * the service's user alone (0700, the file 0600); production must name its own and never gets one made.
   */
  ANALYTICS_CHECKPOINT_KEY_FILE: developmentDefault(
    z
      .string()
      .min(1)
      .default(join(homedir(), '.civic', 'checkpoint-signing', 'ed25519-private.pem')),
  ),
  /** How often every tenant's changed case streams get a signed checkpoint of their head (ms); default 10 minutes. */
  ANALYTICS_CHECKPOINT_INTERVAL_MS: positiveInt('600000').min(1_000, 'must be at least 1000').default(600_000),
  /**
   * Public keys that signed checkpoints before a rotation (the raw 32-byte Ed25519 key, base64url, comma-separated):
   * still published and still accepted when verifying, never used to sign.
   */
  ANALYTICS_CHECKPOINT_RETIRED_KEYS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .refine((keys) => keys.every((key) => /^[A-Za-z0-9_-]{43}$/.test(key)), {
      message: 'must be comma-separated Ed25519 public keys, each 32 bytes base64url (43 characters)',
    }),
});
export type AnalyticsConfig = z.infer<typeof configSchema>;
