import { booleanFlag, platformConfigSchema } from '@civic/platform';
import type { z } from 'zod';

/** intake's settings, validated at start-up. */
export const configSchema = platformConfigSchema.extend({
  /** intake writes the cases, so it also runs the relay to Kafka (leased: one instance publishes). */
  RELAY_ENABLED: booleanFlag(true),
});
export type IntakeConfig = z.infer<typeof configSchema>;
