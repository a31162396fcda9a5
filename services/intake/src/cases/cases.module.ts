import { Module } from '@nestjs/common';
import type { EventStore } from '@civic/event-store';
import { CASE_STORE, CLOCK as PLATFORM_CLOCK, EVENT_STORE, SUBJECT_KEYS, type Clock as PlatformClock, CaseReader } from '@civic/platform';
import { CONTENT_READER } from './case-reader';
import { AttachmentsModule } from '../attachments/attachments.module';
import { BOOKKEEPING, type Bookkeeping } from '@civic/platform';
import { idempotencyStoreOn, open311LocationsOn, submitterCasesOn, trackingCodesOn } from '../bookkeeping/stores';
import { Open311Locations } from '../open311/locations';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { SubmitterCases } from '../submitter-cases/submitter-cases';
import { TrackingCodes } from '../tracking/tracking-codes';
import { CaseIntakeService } from './case-intake.service';
import { CLOCK } from './clock';

/**
 * The intake use cases and what they keep: cases in the event store; idempotency keys, tracking codes and
 * the submitters' cases in the bookkeeping (in PostgreSQL beside a PostgreSQL event store: bookkeeping.ts).
 * The case reader, the idempotency keys and the clock are shared with the case desk.
 */
@Module({
  imports: [AttachmentsModule],
  providers: [
    CaseIntakeService,
    // The platform's clock: the system's, or the instant in CLOCK_FILE when a test sets one (as every service reads it).
    { provide: CLOCK, inject: [PLATFORM_CLOCK], useFactory: (clock: PlatformClock) => clock },
    // Intake folds cases without their personal data (the fold needs none); the desk reads content through CONTENT_READER.
    { provide: CaseReader, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CaseReader(store) },
    { provide: CONTENT_READER, inject: [CASE_STORE], useFactory: (store: EventStore) => new CaseReader(store) },
    { provide: IdempotencyStore, inject: [BOOKKEEPING], useFactory: (bookkeeping: Bookkeeping) => idempotencyStoreOn(bookkeeping) },
    { provide: TrackingCodes, inject: [BOOKKEEPING], useFactory: trackingCodesOn },
    // Saved as an Open311 POST is answered: bookkeeping, not a read model (open311/locations.ts).
    { provide: Open311Locations, inject: [BOOKKEEPING, SUBJECT_KEYS], useFactory: open311LocationsOn },
    {
      // The same submitter's open cases, for duplicate screening (submitter-cases.ts says why this shape).
      provide: SubmitterCases,
      inject: [BOOKKEEPING, CaseReader],
      useFactory: async (bookkeeping: Bookkeeping, reader: CaseReader) => {
        const { store, key } = await submitterCasesOn(bookkeeping);
        return new SubmitterCases(store, key, reader);
      },
    },
  ],
  exports: [
    CaseIntakeService,
    CaseReader,
    CONTENT_READER,
    IdempotencyStore,
    TrackingCodes,
    SubmitterCases,
    Open311Locations,
    CLOCK,
    AttachmentsModule,
  ],
})
export class CasesModule {}
