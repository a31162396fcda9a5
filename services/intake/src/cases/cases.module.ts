import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { EventStore } from '@civic/event-store';
import { CASE_STORE, CLOCK as PLATFORM_CLOCK, EVENT_STORE, type Clock as PlatformClock, CaseReader } from '@civic/platform';
import { CONTENT_READER } from './case-reader';
import { AttachmentsModule } from '../attachments/attachments.module';
import type { Connection } from 'mongoose';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { SubmitterCases } from '../submitter-cases/submitter-cases';
import { SubmitterCasesStore } from '../submitter-cases/submitter-cases.store';
import { submitterKey } from '../submitter-cases/submitter-key';
import { TrackingCodes } from '../tracking/tracking-codes';
import { CaseIntakeService } from './case-intake.service';
import { CLOCK } from './clock';

function databaseOf(connection: Connection) {
  const db = connection.db;
  if (!db) throw new Error('the MongoDB connection has no database');
  return db;
}

/**
 * The intake use cases and what they keep: idempotency keys and tracking codes in MongoDB, cases in the
 * event store. The case reader, the idempotency keys and the clock are shared with the case desk.
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
    {
      provide: IdempotencyStore,
      inject: [getConnectionToken()],
      useFactory: async (connection: Connection) => {
        const store = IdempotencyStore.on(databaseOf(connection));
        await store.ensureIndexes();
        return store;
      },
    },
    {
      provide: TrackingCodes,
      inject: [getConnectionToken()],
      useFactory: async (connection: Connection) => {
        const codes = TrackingCodes.on(databaseOf(connection));
        await codes.ensureIndexes();
        return codes;
      },
    },
    {
      // The same submitter's open cases, for duplicate screening (submitter-cases.ts says why this shape).
      provide: SubmitterCases,
      inject: [getConnectionToken(), CaseReader],
      useFactory: async (connection: Connection, reader: CaseReader) => {
        const db = databaseOf(connection);
        const store = SubmitterCasesStore.on(db);
        await store.ensureIndexes();
        return new SubmitterCases(store, await submitterKey(db), reader);
      },
    },
  ],
  exports: [CaseIntakeService, CaseReader, CONTENT_READER, IdempotencyStore, CLOCK, AttachmentsModule],
})
export class CasesModule {}
