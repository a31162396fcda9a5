import { booleanFlag, platformConfigSchema } from '@civic/platform';
import type { z } from 'zod';

/** routing's settings, validated at start-up. */
export const configSchema = platformConfigSchema.extend({
  /**
   * Development only (`npm start` sets it): the seeded officer of each seed tenant serves every unit until an
   * administrator sets the officers (config-store/development-officers.ts).
   */
  ROUTING_SEED_DEVELOPMENT_OFFICERS: booleanFlag(false),
});
export type RoutingConfig = z.infer<typeof configSchema>;
