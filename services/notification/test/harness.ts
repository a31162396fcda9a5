/**
 * notification's Nest application on the real servers (PostgreSQL, FerretDB, Kafka, the mail and SMPP servers), with
 * names of this run's own, for the integration tests: a development token issuer, a relay from the test
 * database to a topic of the test's own, and the service's consumer core on that topic. The sender loop
 * runs inside the app as in production.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { DevIssuer } from '@civic/auth';
import type { CaseEvent, Role } from '@civic/domain';
import type { EventStore, JsonObject, RecordedEvent } from '@civic/event-store';
import {
  EventRelay,
  mongoRelayState,
  runEventConsumer,
  type EventConsumer,
  type HandleOutcome,
  type RunningEventConsumer,
} from '@civic/messaging';
import {
  CASE_COMMANDS,
  CASE_EVENTS_CONSUMER,
  CASE_STORE,
  type CaseCommands,
  caseEventFromRecorded,
  caseStreamName,
  EVENT_STORE,
} from '@civic/platform';
import {
  createTestDatabase,
  freePort,
  kafkaBrokers,
  mailServer,
  smppServer,
  standingTestClock,
  testMongoUri,
  uniqueName,
  type TestDatabase,
} from '@civic/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { NotificationModule } from '../src/app.module';
import { configSchema } from '../src/config';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { OUTBOX_COLLECTION, type OutboxEntry } from '../src/outbox/outbox.store';
import type { CaseScript } from './cases';

export interface HarnessOptions {
  prefix: string;
  /** Default: the local mail server. */
  smtpUrl?: string;
  /** Consume `case-events` through a relay and Kafka (default); without, tests queue with the handler. */
  kafka?: boolean;
  env?: Record<string, string>;
}

export interface NotificationHarness {
  app: INestApplication;
  url: string;
  issuer: DevIssuer;
  cases: EventStore;
  /** Outcomes of the consumer core, in order (with Kafka). */
  outcomes: HandleOutcome[];
  kafka?: Kafka;
  topic?: string;
  /** Runs the script's commands not run yet through the case decider; returns the events they appended. */
  run(script: CaseScript): Promise<RecordedEvent[]>;
  events(caseId: string): Promise<RecordedEvent[]>;
  outbox(filter?: Partial<Record<keyof OutboxEntry, unknown>>): Promise<OutboxEntry[]>;
  token(tenant: string, roles: Role[]): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: ReturnType<typeof JSON.parse> }>;
  stop(): Promise<void>;
}

const ran = new WeakMap<CaseScript, number>();

export async function startNotification(options: HarnessOptions): Promise<NotificationHarness> {
  const { prefix } = options;
  const database: TestDatabase = await createTestDatabase(`${prefix}_notification`);
  const issuer = await DevIssuer.start();
  const brokers = await kafkaBrokers();
  const withKafka = options.kafka ?? true;
  const group = uniqueName(`${prefix}-notification`);
  const port = await freePort();
  const config = configSchema.parse({
    CLOCK_FILE: standingTestClock().file,
    HTTP_PORT: String(port),
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_GROUP_ID: group,
    EVENT_STORE_URL: database.url,
    MONGODB_URI: await testMongoUri(`${prefix}_notification`),
    AUTH_JWKS_URL: issuer.jwksUrl,
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    LOG_LEVEL: 'warn',
    SMTP_URL: options.smtpUrl ?? (await mailServer()).smtpUrl,
    SMPP_URL: (await smppServer()).smppUrl,
    NOTIFICATION_MAX_ATTEMPTS: '3',
    NOTIFICATION_RETRY_INITIAL_MS: '100',
    NOTIFICATION_RETRY_MAX_MS: '400',
    NOTIFICATION_POLL_MS: '100',
    NOTIFICATION_LEASE_MS: '10000',
    NOTIFICATION_JOURNAL_DIR: mkdtempSync(join(tmpdir(), 'notification-journal-')),
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [NotificationModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: process.env.NOTIFICATION_TEST_LOGS === '1' ? undefined : false });
  await app.listen(port, '127.0.0.1');
  const db = app.get<Connection>(getConnectionToken()).db;
  if (!db) throw new Error('no MongoDB database');

  const outcomes: HandleOutcome[] = [];
  let relay: EventRelay | undefined;
  let consumer: RunningEventConsumer | undefined;
  let kafka: Kafka | undefined;
  let topic: string | undefined;
  if (withKafka) {
    topic = uniqueName(`${prefix}-case-events`);
    kafka = new Kafka({ clientId: group, brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();
    relay = new EventRelay({
      name: uniqueName('relay'),
      store: app.get(EVENT_STORE),
      kafka,
      state: mongoRelayState(db),
      topic,
      lingerMs: 1,
    });
    relay.start();
    const handler = app.get(CaseEventsHandler);
    consumer = await runEventConsumer<JsonObject>({
      kafka,
      topic,
      consumer: app.get<EventConsumer>(CASE_EVENTS_CONSUMER),
      handler: async (event) => {
        await handler.handle(event);
      },
      onOutcome: (outcome) => outcomes.push(outcome),
    });
  }

  const cases = app.get<EventStore>(CASE_STORE);
  const commands = app.get<CaseCommands>(CASE_COMMANDS);
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    issuer,
    cases,
    outcomes,
    kafka,
    topic,
    async run(script) {
      const from = ran.get(script) ?? 0;
      for (const command of script.commands.slice(from)) {
        const outcome = await commands.handle(command);
        if (!outcome.ok) throw new Error(`${command.type}: ${outcome.rejection.type}`);
      }
      ran.set(script, script.commands.length);
      const ids = new Set(script.commands.slice(from).map((command) => command.metadata.commandId));
      return (await cases.readStream(caseStreamName(script.caseId))).filter((event) => ids.has(String(event.metadata['causationId'])));
    },
    events: (caseId) => cases.readStream(caseStreamName(caseId)),
    outbox: (filter = {}) =>
      db
        .collection<OutboxEntry>(OUTBOX_COLLECTION)
        .find(filter as object)
        .toArray(),
    token: (tenant, roles) => issuer.sign({ sub: `${tenant}:${roles.join('+')}`, tenant, roles }),
    async call(method, path, o = {}) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...(o.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...o.headers,
        },
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
      });
      const type = response.headers.get('content-type') ?? '';
      const body = type.includes('json')
        ? await response.json()
        : type.includes('pdf')
          ? Buffer.from(await response.arrayBuffer())
          : await response.text();
      return { status: response.status, headers: response.headers, body };
    },
    async stop() {
      await consumer?.stop().catch(() => undefined);
      await relay?.stop().catch(() => undefined);
      await app.close().catch(() => undefined);
      await issuer.stop().catch(() => undefined);
      await database.drop().catch(() => undefined);
    },
  };
}

export const typesOf = (events: RecordedEvent[]) => events.map((event) => event.type);

/** The decrypted, upcast domain events. */
export const domainEvents = (events: RecordedEvent[]): CaseEvent[] => events.map(caseEventFromRecorded);
