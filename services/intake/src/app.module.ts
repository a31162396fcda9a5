import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { CLOCK, PlatformModule, type Clock } from '@civic/platform';
import { CitizenModule } from './citizen/citizen.module';
import type { IntakeConfig } from './config';
import { DeskModule } from './desk/desk.module';
import { IntakeExceptionFilter } from './http/intake-exception.filter';
import { RateLimitStoreModule, SHARED_COUNTERS } from './http/rate-limit-store.module';
import type { SharedCounters } from './http/shared-counters';
import { SharedThrottlerStorage } from './http/shared-throttler-storage';
import { throttlerOptions } from './http/throttling';
import { Open311Module } from './open311/open311.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RegisterModule } from './registry/register.module';
import { StaffModule } from './staff/staff.module';
import { TenantsModule } from './tenants/tenants.module';

/** intake: takes submissions from every channel, screens them and registers cases; staff work them at the case desk. */
@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        PlatformModule.forRoot({ service: 'intake', config, relay: config.RELAY_ENABLED, degradesWithout: ['mongodb', 'kafka'] }),
        RateLimitStoreModule.forRoot(config),
        // Global, so registered once with every public API's limits (http/throttling.ts), counted where
        // RATE_LIMIT_STORE says: this process's memory, or the counters every instance shares.
        ThrottlerModule.forRootAsync({
          inject: [SHARED_COUNTERS, CLOCK],
          useFactory: (counters: SharedCounters | null, clock: Clock) => ({
            ...throttlerOptions(config),
            // Windows by intake's clock, as the wrong Open311 keys' (a test's stands still: no window ends mid-test).
            ...(counters ? { storage: new SharedThrottlerStorage(counters, () => clock.now().getTime()) } : {}),
          }),
        }),
        StaffModule,
        DeskModule,
        CitizenModule,
        Open311Module,
        RegisterModule,
        PrivacyModule,
        TenantsModule.register(config),
      ],
      // Every answer to bad input is a 4xx naming the field, never a 500 (http/error-response.ts).
      providers: [{ provide: APP_FILTER, useClass: IntakeExceptionFilter }],
    };
  }
}
