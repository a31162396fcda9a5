/**
 * routing's Nest application on the real servers (PostgreSQL, FerretDB, Kafka), with names of this run's
 * own, for the integration tests: a development token issuer, a relay from the test database to a topic
 * of the test's own, and the service's consumer core on that topic.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { DevIssuer } from '@civic/auth';
import { CORRUPTION_FLAG, type CaseCommand, type ChangeOfficers, type RegisterCase } from '@civic/domain';
import type { EventStore, JsonObject, RecordedEvent } from '@civic/event-store';
import {
  EventRelay,
  mongoRelayState,
  runEventConsumer,
  type EventConsumer,
  type HandleOutcome,
  type RunningEventConsumer,
} from '@civic/messaging';
import { CASE_EVENTS_CONSUMER, CASE_STORE, caseCommandsOn, caseStreamName, EVENT_STORE } from '@civic/platform';
import {
  createTestDatabase,
  freePort,
  issuerEnvironment,
  kafkaBrokers,
  standingTestClock,
  TEST_NOW,
  testMongoUri,
  uniqueName,
  type TestDatabase,
} from '@civic/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { RoutingModule } from '../src/app.module';
import { configSchema } from '../src/config';
import { RoutingConfigStore } from '../src/config-store/routing-config.store';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';

export interface RoutingHarness {
  app: INestApplication;
  url: string;
  issuer: DevIssuer;
  kafka: Kafka;
  topic: string;
  group: string;
  /** Every outcome of the consumer core, in order. */
  outcomes: HandleOutcome[];
  cases: EventStore;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * false: no relay and no consumer, so nothing routes a case but the test itself (e.g. two routers racing
   * on one event without a third one from Kafka). Default true.
   */
  consume?: boolean;
  /** Settings over the test's, e.g. the development seed of officers. */
  env?: Record<string, string>;
}

export async function startRouting(prefix: string, { consume = true, env = {} }: HarnessOptions = {}): Promise<RoutingHarness> {
  const database: TestDatabase = await createTestDatabase(`${prefix}_routing`);
  const issuer = await DevIssuer.start();
  const brokers = await kafkaBrokers();
  const topic = uniqueName(`${prefix}-case-events`);
  const group = uniqueName(`${prefix}-routing`);
  const kafka = new Kafka({ clientId: group, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();

  const port = await freePort();
  const config = configSchema.parse({
    CLOCK_FILE: standingTestClock().file,
    HTTP_PORT: String(port),
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_GROUP_ID: group,
    EVENT_STORE_URL: database.url,
    MONGODB_URI: await testMongoUri(`${prefix}_routing`),
    ...issuerEnvironment(issuer),
    LOG_LEVEL: 'warn',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [RoutingModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(port, '127.0.0.1');

  const db = app.get<Connection>(getConnectionToken()).db;
  if (!db) throw new Error('no MongoDB database');
  const relay = consume
    ? new EventRelay({ name: uniqueName('relay'), store: app.get(EVENT_STORE), kafka, state: mongoRelayState(db), topic, lingerMs: 1 })
    : undefined;
  relay?.start();

  const outcomes: HandleOutcome[] = [];
  const handler = app.get(CaseEventsHandler);
  const consumer: RunningEventConsumer | undefined = consume
    ? await runEventConsumer<JsonObject>({
        kafka,
        topic,
        consumer: app.get<EventConsumer>(CASE_EVENTS_CONSUMER),
        handler: (event) => handler.handle(event),
        onOutcome: (outcome) => outcomes.push(outcome),
      })
    : undefined;

  return {
    app,
    url: `http://127.0.0.1:${port}`,
    issuer,
    kafka,
    topic,
    group,
    outcomes,
    cases: app.get(CASE_STORE),
    async stop() {
      await consumer?.stop().catch(() => undefined);
      await relay?.stop().catch(() => undefined);
      await app.close().catch(() => undefined);
      await issuer.stop().catch(() => undefined);
      await database.drop().catch(() => undefined);
    },
  };
}

export interface NewCase {
  tenant: string;
  category?: string;
  kind?: RegisterCase['data']['kind'];
  text?: string;
  healthSafetyThreat?: boolean;
  /** Screening flags these codes, and the registrar resolves them: accept. */
  flags?: string[];
}

/**
 * Registers and accepts a case the way intake does: through the case decider, appended to the case store
 * (personal data encrypted under the case's data subject) with the expected revision. Returns the case id.
 */
export async function registerAcceptedCase(store: EventStore, c: NewCase): Promise<string> {
  const caseId = randomUUID();
  const subject = randomUUID();
  const now = TEST_NOW;
  const metadata = (commandId: string) => ({
    tenant: c.tenant,
    caseId,
    actor: { id: `${c.tenant}:registrar`, role: 'registrar' as const },
    commandId,
    correlationId: `corr-${caseId}`,
    now,
    dataSubjectId: subject,
  });
  const register: CaseCommand = {
    type: 'RegisterCase',
    data: {
      kind: c.kind ?? 'complaint',
      channel: 'web-form',
      receivedAt: now,
      registryNumber: `T-2026-${caseId.slice(0, 6)}`,
      category: c.category,
      submitter: { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg' },
      text: c.text ?? 'Уличното осветление не работи от седмица.',
      attachments: [],
      healthSafetyThreat: c.healthSafetyThreat ?? false,
      language: 'bg',
    },
    metadata: metadata(randomUUID()),
  };
  const screening: CaseCommand[] = c.flags
    ? [
        {
          type: 'ScreenCase',
          data: { outcome: 'flag', flags: c.flags.map((code) => ({ code, reason: { bg: code, en: code }, matched: [], source: 'test' })) },
          metadata: metadata(randomUUID()),
        },
        // A corruption flag makes the case confidential: the anti-corruption officer resolves it, not the registry.
        {
          type: 'ResolveFlag',
          data: { decision: 'accept', reason: 'проверено' },
          metadata: { ...metadata(randomUUID()), actor: flagResolver(c.tenant, c.flags) },
        },
      ]
    : [{ type: 'ScreenCase', data: { outcome: 'accept' }, metadata: metadata(randomUUID()) }];
  const commands = caseCommandsOn(store);
  for (const command of [register, ...screening]) {
    const outcome = await commands.handle(command);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.rejection.type}`);
  }
  return caseId;
}

function flagResolver(tenant: string, flags: readonly string[]): { id: string; role: 'registrar' | 'anti-corruption-officer' } {
  const role = flags.includes(CORRUPTION_FLAG) ? 'anti-corruption-officer' : 'registrar';
  return { id: `${tenant}:${role}`, role };
}

export const readCase = async (store: EventStore, caseId: string): Promise<RecordedEvent[]> => store.readStream(caseStreamName(caseId));

export const typesOf = (events: RecordedEvent[]) => events.map((event) => event.type);

/** The case's CaseAccepted event: what triggers routing. */
export async function acceptedEvent(store: EventStore, caseId: string): Promise<RecordedEvent> {
  const accepted = (await readCase(store, caseId)).find((event) => event.type === 'CaseAccepted');
  if (!accepted) throw new Error('no CaseAccepted');
  return accepted;
}

/** Sets the tenant's officers (who works in which unit, who is away) as its admin does, through routing's config store. */
export function changeOfficers(routing: RoutingHarness, tenant: string, officers: ChangeOfficers['data']['officers']) {
  const config = routing.app.get(RoutingConfigStore);
  return config.change({
    type: 'ChangeOfficers',
    data: { officers },
    metadata: {
      tenant,
      actor: { id: `${tenant}:tenant-admin`, role: 'tenant-admin' },
      commandId: randomUUID(),
      correlationId: randomUUID(),
      now: TEST_NOW,
      charter: config.charter(tenant),
    },
  });
}
