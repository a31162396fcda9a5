import { booleanFlag, platformConfigSchema } from '@civic/platform';
import { z } from 'zod';

const perMinute = (defaultValue: number) => z.coerce.number().int().min(1, 'must be at least 1').default(defaultValue);

/** intake's settings, validated at start-up. */
export const configSchema = platformConfigSchema.extend({
  /** intake writes the cases, so it also runs the relay to Kafka (leased: one instance publishes). */
  RELAY_ENABLED: booleanFlag(true),
  /** Citizen submissions per client IP and minute (the public API's rate limit on creating cases). */
  PUBLIC_SUBMITS_PER_MINUTE: perMinute(10),
  /** Any public request (status, withdraw, rating) per client IP and minute. */
  PUBLIC_REQUESTS_PER_MINUTE: perMinute(60),
  /** The largest JSON body the public endpoints accept, in bytes; larger ones get 413. */
  PUBLIC_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024, 'must be at least 1024').default(64 * 1024),
});
export type IntakeConfig = z.infer<typeof configSchema>;
