import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { SERVICE_CONFIG } from '@civic/platform';
import type { Connection } from 'mongoose';
import { Pool } from 'pg';
import { bookkeepingKind, type IntakeConfig } from '../config';
import { BOOKKEEPING, type Bookkeeping } from './bookkeeping';

/** Closes the bookkeeping's own pool when the application stops (the MongoDB connection is the platform's). */
@Injectable()
export class BookkeepingLifecycle implements OnApplicationShutdown {
  constructor(@Inject(BOOKKEEPING) private readonly bookkeeping: Bookkeeping) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.bookkeeping.kind === 'postgres') await this.bookkeeping.pool.end();
  }
}

function bookkeepingOf(config: IntakeConfig, connection: Connection): Bookkeeping {
  if (bookkeepingKind(config) === 'postgres') {
    const pool = new Pool({ connectionString: config.EVENT_STORE_URL, application_name: 'intake-bookkeeping', max: 10 });
    // An idle pooled connection that breaks is dropped by the pool; the next query opens a new one.
    pool.on('error', () => undefined);
    return { kind: 'postgres', pool };
  }
  if (!connection.db) throw new Error('the MongoDB connection has no database');
  return { kind: 'mongodb', db: connection.db };
}

/**
 * intake's Bookkeeping (bookkeeping.ts): one per application, whichever of intake's modules import it, so
 * every store shares the one pool.
 */
@Module({
  providers: [{ provide: BOOKKEEPING, inject: [SERVICE_CONFIG, getConnectionToken()], useFactory: bookkeepingOf }, BookkeepingLifecycle],
  exports: [BOOKKEEPING],
})
export class BookkeepingModule {}
