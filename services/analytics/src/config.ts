import { platformConfigSchema } from '@civic/platform';
import type { z } from 'zod';

/** analytics's settings, validated at start-up; the service's own ones join here as it grows. */
export const configSchema = platformConfigSchema;
export type AnalyticsConfig = z.infer<typeof configSchema>;
