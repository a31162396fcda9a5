import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE } from '@civic/platform';
import type { Connection } from 'mongoose';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { TrackingCodes } from '../tracking/tracking-codes';
import { CaseIntakeService } from './case-intake.service';
import { CaseReader } from './case-reader';
import { CLOCK, systemClock } from './clock';

function databaseOf(connection: Connection) {
  const db = connection.db;
  if (!db) throw new Error('the MongoDB connection has no database');
  return db;
}

/** The intake use cases and what they keep: idempotency keys and tracking codes in MongoDB, cases in the event store. */
@Module({
  providers: [
    CaseIntakeService,
    { provide: CLOCK, useValue: systemClock },
    { provide: CaseReader, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CaseReader(store) },
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
  ],
  exports: [CaseIntakeService],
})
export class CasesModule {}
