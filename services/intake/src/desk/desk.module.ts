import { Module } from '@nestjs/common';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE } from '@civic/platform';
import { CasesModule } from '../cases/cases.module';
import { RegistryLookup } from '../registry/registry-lookup';
import { CaseDeskController } from './case-desk.controller';
import { CaseDeskService } from './case-desk.service';
import { CaseLookupController } from './case-lookup.controller';

/** The case desk: staff work registered cases through the shared decider (bearer tokens of the route's tenant). */
@Module({
  imports: [CasesModule],
  controllers: [CaseDeskController, CaseLookupController],
  providers: [
    CaseDeskService,
    { provide: RegistryLookup, inject: [EVENT_STORE], useFactory: (store: EventStore) => new RegistryLookup(store) },
  ],
})
export class DeskModule {}
