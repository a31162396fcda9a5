/**
 * deadline-watch's Nest application on the real servers (PostgreSQL, FerretDB, Kafka), with names of this
 * run's own, for the integration tests: a test clock file, a development token issuer, a relay from the
 * test database to a topic of the test's own, and any number of instances on the same stores.
 */
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DevIssuer } from '@civic/auth';
import type { CaseCommand } from '@civic/domain';
import { PostgresEventStore, type EventStore, type JsonObject, type RecordedEvent } from '@civic/event-store';
import {
  EventRelay,
  mongoRelayState,
  runEventConsumer,
  type EventConsumer,
  type HandleOutcome,
  type RunningEventConsumer,
} from '@civic/messaging';
import { CASE_COMMANDS, CASE_EVENTS_CONSUMER, CASE_STORE, type CaseCommands, caseStreamName, EVENT_STORE } from '@civic/platform';
import {
  createTestDatabase,
  freePort,
  issuerEnvironment,
  kafkaBrokers,
  testClock,
  testMongoUri,
  uniqueName,
  type TestDatabase,
} from '@civic/testing';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { DeadlineWatchModule } from '../src/app.module';
import { configSchema } from '../src/config';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { configureDeadlineWatchHttp } from '../src/http/openapi';
import { DeadlineViewStore } from '../src/deadlines/deadline-view.store';
import { TimerStore, type TimerDocument, type TimerState } from '../src/watch/timer.store';
import { TIMERS_COLLECTION } from '../src/watch/mongo-timer.store';
import { TIMERS_TABLE } from '../src/watch/postgres-timer.store';
import { DeadlinePlanner } from '../src/watch/deadline-planner';
import { DeadlineTicker } from '../src/watch/deadline-ticker';

/** What the instances of one test file share: the stores, the topic, the clock and the issuer. */
export interface WatchEnvironment {
  database: TestDatabase;
  mongoUri: string;
  clockFile: string;
  issuer: DevIssuer;
  kafka: Kafka;
  brokers: string[];
  topic: string;
  group: string;
  /** Moves every instance's `now`. */
  setClock(instant: string): void;
  /** Which timer store the instances keep their timers in. */
  timerStore: TimerStoreKind;
  /** Starts an instance; `ticker: true` runs its own interval, else the test calls `tick()`; `tenantsDir`: other charters than the seed's. */
  start(options?: StartOptions): Promise<WatchInstance>;
  /**
   * A crash after an alert's append but before its timer was settled, as the store would be left: the case's
   * timers pending again, with leases that have run out.
   */
  makePendingAgain(caseId: string): Promise<void>;
  stop(): Promise<void>;
}

export interface WatchInstance {
  app: INestApplication;
  url: string;
  ticker: DeadlineTicker;
  planner: DeadlinePlanner;
  handler: CaseEventsHandler;
  timers: TimerStore;
  view: DeadlineViewStore;
  cases: EventStore;
  events: EventStore;
  commands: CaseCommands;
  /** Every outcome of the instance's consumer core, in order. */
  outcomes: HandleOutcome[];
  stop(): Promise<void>;
}

export type TimerStoreKind = 'postgres' | 'mongodb';

export interface StartOptions {
  ticker?: boolean;
  consume?: boolean;
  /** TENANTS_DIR: a directory of tenant charters (default: the seed tenants). */
  tenantsDir?: string;
}

/** `timerStore`: the store the instances use (default: the one deadline-watch chooses for a PostgreSQL event store). */
export async function watchEnvironment(prefix: string, timerStore: TimerStoreKind = 'postgres'): Promise<WatchEnvironment> {
  const database = await createTestDatabase(`${prefix}_watch`);
  const mongoUri = await testMongoUri(`${prefix}_watch`);
  const clock = testClock('deadline-watch', '2026-03-02T08:00:00.000Z');
  const setClock = (instant: string) => clock.set(new Date(instant).toISOString());
  const issuer = await DevIssuer.start();
  const brokers = await kafkaBrokers();
  const topic = uniqueName(`${prefix}-case-events`);
  const group = uniqueName(`${prefix}-deadline-watch`);
  const kafka = new Kafka({ clientId: group, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();

  // One relay for the environment, as intake runs it: the case streams to the test's topic.
  const relayStore = await PostgresEventStore.connect({ url: database.url });
  const relayMongo = await MongoClient.connect(mongoUri);
  const relay = new EventRelay({
    name: uniqueName('relay'),
    store: relayStore,
    kafka,
    state: mongoRelayState(relayMongo.db()),
    topic,
    lingerMs: 1,
  });
  relay.start();

  const instances: WatchInstance[] = [];
  const environment: WatchEnvironment = {
    database,
    mongoUri,
    clockFile: clock.file,
    issuer,
    kafka,
    brokers,
    topic,
    group,
    setClock,
    timerStore,
    async makePendingAgain(caseId) {
      if (timerStore === 'postgres') {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        try {
          await client.query(`update ${TIMERS_TABLE} set state = 'pending', lease_until = 'epoch' where case_id = $1`, [caseId]);
        } finally {
          await client.end();
        }
        return;
      }
      const mongo = await MongoClient.connect(mongoUri);
      try {
        await mongo
          .db()
          .collection<TimerDocument>(TIMERS_COLLECTION)
          .updateMany({ caseId }, { $set: { state: 'pending' as TimerState, leaseUntil: new Date(0) } });
      } finally {
        await mongo.close();
      }
    },
    async start(options = {}) {
      const instance = await startInstance(environment, options);
      instances.push(instance);
      return instance;
    },
    async stop() {
      for (const instance of instances) await instance.stop().catch(() => undefined);
      await relay.stop().catch(() => undefined);
      await relayMongo.close().catch(() => undefined);
      await relayStore.close().catch(() => undefined);
      await issuer.stop().catch(() => undefined);
      await database.drop().catch(() => undefined);
      clock.remove();
    },
  };
  return environment;
}

async function startInstance(
  environment: WatchEnvironment,
  { ticker = false, consume = true, tenantsDir }: StartOptions,
): Promise<WatchInstance> {
  const port = await freePort();
  const config = configSchema.parse({
    HTTP_PORT: String(port),
    KAFKA_BROKERS: environment.brokers.join(','),
    KAFKA_GROUP_ID: environment.group,
    EVENT_STORE_URL: environment.database.url,
    MONGODB_URI: environment.mongoUri,
    ...issuerEnvironment(environment.issuer),
    CLOCK_FILE: environment.clockFile,
    TICKER_ENABLED: String(ticker),
    TICK_MS: '200',
    TIMER_LEASE_MS: '5000',
    TIMER_STORE: environment.timerStore,
    LOG_LEVEL: 'warn',
    ...(tenantsDir ? { TENANTS_DIR: tenantsDir } : {}),
  });
  const moduleRef = await Test.createTestingModule({ imports: [DeadlineWatchModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureDeadlineWatchHttp(app);
  await app.listen(port, '127.0.0.1');

  const outcomes: HandleOutcome[] = [];
  const handler = app.get(CaseEventsHandler);
  let consumer: RunningEventConsumer | undefined;
  if (consume) {
    consumer = await runEventConsumer<JsonObject>({
      kafka: environment.kafka,
      topic: environment.topic,
      consumer: app.get<EventConsumer>(CASE_EVENTS_CONSUMER),
      handler: (event) => handler.handle(event),
      onOutcome: (outcome) => outcomes.push(outcome),
    });
  }
  let stopped = false;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    ticker: app.get(DeadlineTicker),
    planner: app.get(DeadlinePlanner),
    handler,
    timers: app.get(TimerStore),
    view: app.get(DeadlineViewStore),
    cases: app.get(CASE_STORE),
    events: app.get(EVENT_STORE),
    commands: app.get(CASE_COMMANDS),
    outcomes,
    async stop() {
      if (stopped) return;
      stopped = true;
      await consumer?.stop().catch(() => undefined);
      await app.close().catch(() => undefined);
    },
  };
}

/** Issues the commands in order through the case command handler; a rejection fails the test. */
export async function issue(commands: CaseCommands, list: readonly CaseCommand[]): Promise<void> {
  for (const command of list) {
    const outcome = await commands.handle(command);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.rejection.type}`);
  }
}

export const readCase = (store: EventStore, caseId: string): Promise<RecordedEvent[]> => store.readStream(caseStreamName(caseId));

/** The erasures on a case's stream, as `ground/requestId`, in stream order. */
export async function erasuresOf(store: EventStore, caseId: string): Promise<string[]> {
  return (await readCase(store, caseId))
    .filter((event) => event.type === 'PersonalDataErased')
    .map((event) => `${String(event.data['ground'])}/${String(event.data['requestId'])}`);
}

/** The deadline events of a case, as `type` or `type/threshold`, in stream order. */
export async function alertsOf(store: EventStore, caseId: string): Promise<string[]> {
  return (await readCase(store, caseId)).flatMap((event) => {
    switch (event.type) {
      case 'DeadlineApproaching':
        return [`DeadlineApproaching/${String(event.data['dueDate'])}/${String(event.data['workingDaysBefore'])}`];
      case 'DeadlineBreached':
        return [`DeadlineBreached/${String(event.data['dueDate'])}`];
      case 'CaseEscalated':
        return [`CaseEscalated/${String(event.data['dueDate'])}/${String(event.data['toRole'])}`];
      default:
        return [];
    }
  });
}
