import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { IntakeConfig } from '../config';
import { SharedCounters } from './shared-counters';

/** The counters every instance shares, or null when each counts in its own memory (RATE_LIMIT_STORE=memory). */
export const SHARED_COUNTERS = Symbol('SHARED_COUNTERS');

/** Where intake's rate limits count (config.ts: RATE_LIMIT_STORE): for the throttler and Open311's wrong keys alike. */
@Global()
@Module({})
export class RateLimitStoreModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: RateLimitStoreModule,
      providers: [
        {
          provide: SHARED_COUNTERS,
          // One pool per application (a module's useValue would be shared by every app this process starts).
          useFactory: () => (config.RATE_LIMIT_DATABASE_URL === undefined ? null : SharedCounters.connect(config.RATE_LIMIT_DATABASE_URL)),
        },
      ],
      exports: [SHARED_COUNTERS],
    };
  }
}
