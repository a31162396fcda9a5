import { Inject, Injectable, OnApplicationShutdown, type Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { SERVICE_CONFIG } from '@civic/platform';
import type { Connection } from 'mongoose';
import { timerStoreKind, type DeadlineWatchConfig } from '../config';
import { MongoTimerStore } from './mongo-timer.store';
import { PostgresTimerStore } from './postgres-timer.store';
import { TimerStore } from './timer.store';

/** Closes the timer store when the application stops. */
@Injectable()
export class TimerStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(TimerStore) private readonly timers: TimerStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.timers.close();
  }
}

/** The timer store TIMER_STORE names (see config.ts), connected and with its schema or indexes in place. */
export const timerStoreProviders: Provider[] = [
  {
    provide: TimerStore,
    inject: [SERVICE_CONFIG, getConnectionToken()],
    useFactory: (config: DeadlineWatchConfig, connection: Connection): Promise<TimerStore> =>
      timerStoreKind(config) === 'postgres' ? PostgresTimerStore.connect(config.EVENT_STORE_URL) : MongoTimerStore.connect(connection),
  },
  TimerStoreLifecycle,
];
