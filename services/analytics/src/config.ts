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
  /** How often an instance checks whether another one switched the read model to a new build (ms). */
  ANALYTICS_SWITCH_CHECK_MS: positiveInt('5000').default(5_000),
});
export type AnalyticsConfig = z.infer<typeof configSchema>;
