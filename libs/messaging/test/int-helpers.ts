import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';
import { Pool } from 'pg';
import { PostgresEventStore, type EventStore, type RecordedEvent } from '@civic/event-store';
import { createTestDatabase, kafkaBrokers, testMongoUri, uniqueName, WORKSPACE_ROOT, type TestDatabase } from '@civic/testing';
import { mongoRelayState, postgresRelayState, type RelayState } from '../src';

/** Where a test keeps the relay's lease and checkpoint. */
export type RelayStateBackend = 'MongoDB' | 'PostgreSQL';
/** For `describe.each`: the relay must behave the same whichever holds its state. */
export const RELAY_STATE_BACKENDS: RelayStateBackend[] = ['MongoDB', 'PostgreSQL'];

/** Real servers for one test file: its own PostgreSQL database, MongoDB database and Kafka client. */
export interface World {
  store: EventStore;
  db: Db;
  /** The relay's lease and checkpoint: in `db`, or in the event store's PostgreSQL database. */
  state: RelayState;
  kafka: Kafka;
  close(): Promise<void>;
}

export async function openWorld(prefix: string, stateIn: RelayStateBackend = 'MongoDB'): Promise<World> {
  const database: TestDatabase = await createTestDatabase(prefix);
  const store = await PostgresEventStore.connect({ url: database.url, schema: 'event_store' });
  const mongo = new MongoClient(await testMongoUri(prefix), { serverSelectionTimeoutMS: 5_000 });
  await mongo.connect();
  const pool = new Pool({ connectionString: database.url });
  // As the event store's own pool: an idle connection the server ends (a restart in the fault tests, the drop's
  // FORCE) must not crash the run; the next query opens a new one.
  pool.on('error', () => undefined);
  const state = stateIn === 'MongoDB' ? mongoRelayState(mongo.db()) : await postgresRelayState(pool);
  const kafka = quietKafka(await kafkaBrokers(), prefix);
  return {
    store,
    db: mongo.db(),
    state,
    kafka,
    async close() {
      await store.close();
      await pool.end();
      await mongo
        .db()
        .dropDatabase()
        .catch(() => undefined);
      await mongo.close();
      await database.drop();
    },
  };
}

/** Kafka errors are expected in these tests (the fault test stops the broker): keep kafkajs quiet. */
export function quietKafka(brokers: string[], clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 },
  });
}

export async function createTopic(kafka: Kafka, prefix: string, numPartitions: number): Promise<string> {
  const topic = uniqueName(prefix);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

export interface ReadMessage {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Every message on the topic, read from the start with a throw-away group until each partition reaches the
 * high watermark it had when called.
 */
export async function readWholeTopic(kafka: Kafka, topic: string): Promise<ReadMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(ends.filter((p) => Number(p.high) > 0).map((p) => [p.partition, Number(p.high)]));
  const messages: ReadMessage[] = [];
  if (remaining.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: uniqueName('reader'), allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`topic ${topic} not read to its end within 30 s`)), 30_000);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            messages.push({
              partition,
              offset: Number(message.offset),
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: headerStrings(message.headers),
            });
            const end = remaining.get(partition);
            if (end !== undefined && Number(message.offset) + 1 >= end) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timeout);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[v.length - 1] : v)]));
}

/** Appends `perCase` events to each `case-<id>` stream, cases in parallel, each stream in order. */
export async function appendCaseEvents(
  store: EventStore,
  caseIds: string[],
  perCase: number,
  data: (caseId: string, n: number) => Record<string, unknown> = () => ({}),
): Promise<void> {
  await Promise.all(
    caseIds.map(async (caseId) => {
      for (let n = 0; n < perCase; n += 1) {
        await store.appendToStream(`case-${caseId}`, [caseEvent(caseId, n, data(caseId, n))], { expectedRevision: 'any' });
      }
    }),
  );
}

let sequence = 0;
export function caseEvent(caseId: string, n: number, data: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    id: randomUUID(),
    type: n === 0 ? 'CaseRegistered' : 'CaseNoteAdded',
    data: { n, ...data },
    metadata: {
      tenant: 'sofia',
      caseId,
      actor: { id: 'user-1', role: 'registrar' },
      correlationId: `corr-${caseId}`,
      causationId: `cmd-${sequence}`,
      occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, sequence % 60)).toISOString(),
      schemaVersion: 1,
    },
  };
}

/** Every case event in the store, in global order, to compare with what reached Kafka. */
export async function storedCaseEvents(store: EventStore): Promise<RecordedEvent[]> {
  return store.readAll({ from: 'start', filter: { streamNamePrefixes: ['case-'] } });
}

/** Stops or starts the local Kafka (`infra/local/servers.sh`), as the fault test needs. */
export async function localKafka(action: 'up' | 'down'): Promise<void> {
  await promisify(execFile)('bash', ['infra/local/servers.sh', action, 'kafka'], { cwd: WORKSPACE_ROOT, timeout: 120_000 });
}
