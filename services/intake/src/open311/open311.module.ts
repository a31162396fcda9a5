import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { EventStore } from '@civic/event-store';
import { CLOCK as PLATFORM_CLOCK, EVENT_STORE, SERVICE_CONFIG, type Clock as PlatformClock, CaseReader } from '@civic/platform';
import type { Connection } from 'mongoose';
import { CasesModule } from '../cases/cases.module';
import { CLOCK } from '../cases/clock';
import type { IntakeConfig } from '../config';
import { ApiKeys } from './api-keys';
import { FAILED_KEY_COUNTER, FailedKeyAttempts } from './failed-key-attempts';
import { SharedFailedKeyAttempts } from './shared-failed-key-attempts';
import { SHARED_COUNTERS } from '../http/rate-limit-store.module';
import type { SharedCounters } from '../http/shared-counters';
import { PrivacyModule } from '../privacy/privacy.module';
import { Open311Controller } from './open311.controller';
import { IssuedOpen311Keys } from './clients/issued-keys';
import { PlatformOpen311ClientsController, TenantOpen311ClientsController } from './clients/open311-clients.controller';
import { Open311Clients } from './clients/open311-clients.service';
import { GeoReportService } from './georeport.service';
import { RegistryLookup } from '../registry/registry-lookup';
import { Open311RequestIndex } from './request-index';
import { Open311RequestProjection } from './request-projection';

function databaseOf(connection: Connection) {
  const db = connection.db;
  if (!db) throw new Error('the MongoDB connection has no database');
  return db;
}

/** Open311 GeoReport v2 at /open311/v2: its controller, its use cases over CaseIntakeService, and its read model. */
@Module({
  imports: [CasesModule, PrivacyModule],
  controllers: [Open311Controller, TenantOpen311ClientsController, PlatformOpen311ClientsController],
  providers: [
    GeoReportService,
    IssuedOpen311Keys,
    Open311Clients,
    Open311RequestProjection,
    { provide: CLOCK, inject: [PLATFORM_CLOCK], useFactory: (clock: PlatformClock) => clock },
    // One count per application (a module's useValue would be shared by every app this process starts).
    {
      provide: FAILED_KEY_COUNTER,
      inject: [SHARED_COUNTERS],
      useFactory: (counters: SharedCounters | null) => (counters ? new SharedFailedKeyAttempts(counters) : new FailedKeyAttempts()),
    },
    { provide: ApiKeys, inject: [SERVICE_CONFIG], useFactory: (config: IntakeConfig) => new ApiKeys(config.OPEN311_API_KEYS) },
    { provide: CaseReader, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CaseReader(store) },
    { provide: RegistryLookup, inject: [EVENT_STORE], useFactory: (store: EventStore) => new RegistryLookup(store) },
    {
      provide: Open311RequestIndex,
      inject: [getConnectionToken()],
      useFactory: async (connection: Connection) => {
        const index = Open311RequestIndex.on(databaseOf(connection));
        await index.ensureIndexes();
        return index;
      },
    },
  ],
})
export class Open311Module {}
