import { platformConfigSchema } from '@civic/platform';
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
});
export type AnalyticsConfig = z.infer<typeof configSchema>;
