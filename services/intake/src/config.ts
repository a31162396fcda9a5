import { booleanFlag, platformConfigSchema } from '@civic/platform';
import { z } from 'zod';
import { open311ApiKeysSchema } from './open311/api-keys';

const perMinute = (defaultValue: number) => z.coerce.number().int().min(1, 'must be at least 1').default(defaultValue);

/** intake's settings, validated at start-up. */
export const configSchema = platformConfigSchema.extend({
  /** intake writes the cases, so it also runs the relay to Kafka (leased: one instance publishes). */
  RELAY_ENABLED: booleanFlag(true),
  /** Citizen submissions per client IP and minute (the public API's rate limit on creating cases). */
  PUBLIC_SUBMITS_PER_MINUTE: perMinute(10),
  /** Any public request (status, withdraw, rating) per client IP and minute. */
  PUBLIC_REQUESTS_PER_MINUTE: perMinute(60),
  /** Open311 reads (discovery, services, requests, tokens: every GET under /open311/v2) per client IP and minute. */
  OPEN311_READS_PER_MINUTE: perMinute(120),
  /** The largest JSON body the public endpoints accept, in bytes; larger ones get 413. */
  PUBLIC_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024, 'must be at least 1024')
    .default(64 * 1024),
  /**
   * Open311 clients' API keys for POST requests: `tenant:key,tenant:key` (several keys per tenant, one per
   * client app; keys 16 to 200 printable characters without spaces or commas). Empty: nobody may POST.
   */
  OPEN311_API_KEYS: open311ApiKeysSchema,
});
export type IntakeConfig = z.infer<typeof configSchema>;
