import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CASE_STORE, EVENT_STORE, TenantDirectory } from '@civic/platform';
import type { EventStore } from '@civic/event-store';
import { kafkaBrokers, testClock, type TestClock } from '@civic/testing';
import { DeadlineWatchModule } from '../../services/deadline-watch/src/app.module';
import { configSchema, timerStoreKind, type DeadlineWatchConfig } from '../../services/deadline-watch/src/config';
import { DeadlinePlanner } from '../../services/deadline-watch/src/watch/deadline-planner';
import { DeadlineTicker } from '../../services/deadline-watch/src/watch/deadline-ticker';
import { TimerStore } from '../../services/deadline-watch/src/watch/timer.store';

/** deadline-watch as it runs, in this process: its module, its stores, its ticker (driven by the benchmark). */
export interface WatchApp {
  app: INestApplicationContext;
  config: DeadlineWatchConfig;
  clock: TestClock;
  ticker: DeadlineTicker;
  planner: DeadlinePlanner;
  timers: TimerStore;
  tenants: TenantDirectory;
  /** The service's own event store and case store, as its providers made them. */
  events: EventStore;
  caseStore: EventStore;
  close(): Promise<void>;
}

/**
 * The application context of deadline-watch's module on the benchmark's databases, with a clock file the
 * benchmark moves and the interval ticker off (the benchmark calls `tick()`). No HTTP listener and no Kafka
 * consumer: neither is on the tick's path.
 */
export async function startWatch(options: {
  eventStoreUrl: string;
  mongoUri: string;
  timerStore: 'postgres' | 'mongodb';
  /** Another process's clock file to share; default: a clock file of its own. */
  clockFile?: string;
}): Promise<WatchApp> {
  const clock: TestClock = options.clockFile ? sharedClock(options.clockFile) : testClock('bench-timers', '2027-01-04T08:00:00.000Z');
  const config = configSchema.parse({
    HTTP_PORT: '1',
    KAFKA_BROKERS: (await kafkaBrokers()).join(','),
    EVENT_STORE_URL: options.eventStoreUrl,
    MONGODB_URI: options.mongoUri,
    // Never asked: nothing in the benchmark checks a token.
    AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
    AUTH_ISSUER: 'bench-timers',
    CLOCK_FILE: clock.file,
    TICKER_ENABLED: 'false',
    TIMER_STORE: options.timerStore,
    LOG_LEVEL: 'warn',
  });
  if (timerStoreKind(config) !== options.timerStore)
    throw new Error(`timer store ${timerStoreKind(config)}, expected ${options.timerStore}`);
  const app = await NestFactory.createApplicationContext(DeadlineWatchModule.forRoot(config), { logger: ['error'] });
  return {
    app,
    config,
    clock,
    ticker: app.get(DeadlineTicker),
    planner: app.get(DeadlinePlanner),
    timers: app.get(TimerStore),
    tenants: app.get(TenantDirectory),
    events: app.get(EVENT_STORE),
    caseStore: app.get(CASE_STORE),
    async close() {
      await app.close();
      clock.remove();
    },
  };
}

/** A clock file another process owns: read, never written or removed here. */
function sharedClock(file: string): TestClock {
  return {
    file,
    set: () => {
      throw new Error('the clock belongs to the benchmark process');
    },
    now: () => new Date(readFileSync(file, 'utf8').trim()),
    remove: () => undefined,
  };
}
