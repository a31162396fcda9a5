/**
 * Relay throughput: N case events are appended first, then a relay starts from the beginning and is timed
 * until Kafka acknowledged all N; against a raw kafkajs producer sending the very same N messages (keys,
 * headers, values, batches, producer settings) in the same run. Run with `bash bench/run.sh relay`.
 * Knobs: BENCH_EVENTS (20000), BENCH_PARTITIONS (3), BENCH_BATCH (500, the relay's default maxBatch),
 * BENCH_EVENTS_PER_CASE (20), BENCH_ROUNDS (4, alternating order), BENCH_WRITERS (8), BENCH_DATA_BYTES (400).
 */
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { PostgresEventStore, type EventStore } from '@civic/event-store';
import { createTestDatabase, kafkaBrokers, testMongoUri, uniqueName } from '@civic/testing';
import { BenchSetupError } from './lib/errors';
import { eventSizes } from './lib/events';
import { loadLine, machineLine, postgresLine } from './lib/machine';
import { fixed, ratio } from './lib/report';
import { numberSetting } from './lib/settings';
import { BenchTopics, sendRaw } from './relay/kafka';
import { loadCaseEvents } from './relay/load';
import { encode, timeCheckpoints, timeEncoding, timeSubscription } from './relay/parts';
import { runRelay } from './relay/relay-run';

const RELAY_TIMEOUT_MS = 300_000;

class LostOrDuplicatedMessagesError extends Error {
  constructor(topic: string, expected: number, found: number) {
    super(`topic ${topic} holds ${found} messages, expected exactly ${expected}`);
    this.name = 'LostOrDuplicatedMessagesError';
  }
}

async function main(): Promise<void> {
  const total = Math.round(numberSetting('BENCH_EVENTS', 20_000));
  const partitions = Math.round(numberSetting('BENCH_PARTITIONS', 3));
  const batch = Math.round(numberSetting('BENCH_BATCH', 500));
  const perCase = Math.round(numberSetting('BENCH_EVENTS_PER_CASE', 20));
  const rounds = Math.round(numberSetting('BENCH_ROUNDS', 4));
  const writers = Math.round(numberSetting('BENCH_WRITERS', 8));
  const dataBytes = Math.round(numberSetting('BENCH_DATA_BYTES', 400));
  const warmupEvents = Math.max(batch, Math.min(2_000, Math.round(total / 10)));

  const database = await createTestDatabase('bench-relay');
  const mongo = new MongoClient(await testMongoUri('bench-relay'), { serverSelectionTimeoutMS: 5_000 });
  const kafka = new Kafka({ clientId: uniqueName('bench-relay'), brokers: await kafkaBrokers(), logLevel: logLevel.ERROR });
  const topics = new BenchTopics(kafka, partitions);
  const stores: EventStore[] = [];
  try {
    await mongo.connect();
    const db = mongo.db();
    const store = await PostgresEventStore.connect({ url: database.url, schema: 'event_store' });
    stores.push(store);
    const warmStore = await PostgresEventStore.connect({ url: database.url, schema: 'bench_warmup' });
    stores.push(warmStore);

    const sizes = eventSizes(dataBytes);
    console.log(`# relay benchmark, ${new Date().toISOString()}`);
    console.log(machineLine());
    console.log(await postgresLine(database.url));
    console.log(
      `Kafka ${(await kafkaBrokers()).join(',')}, topics of ${partitions} partitions; ${total} events ` +
        `(${perCase} per case, ${sizes.data} B data + ${sizes.metadata} B metadata); batches of ${batch}; ` +
        `${rounds} alternating rounds after a warm-up of ${warmupEvents} events\n`,
    );

    const loadStarted = performance.now();
    await loadCaseEvents(store, { total, perCase, writers, dataBytes });
    const loadMs = performance.now() - loadStarted;
    await loadCaseEvents(warmStore, { total: warmupEvents, perCase, writers, dataBytes });
    const events = await store.readAll({ filter: { streamNamePrefixes: ['case-'] } });
    if (events.length !== total) throw new BenchSetupError(`expected ${total} case events in the store, read ${events.length}`);
    const messages = encode(events);
    const bytes = messages.reduce((sum, m) => sum + messageBytes(m), 0);
    console.log(
      `loaded through the adapter (${writers} writers, appends of 10): ${fixed((total * 1000) / loadMs, 0)} events/s; ` +
        `messages average ${fixed(bytes / total, 0)} B (key + value + headers)\n`,
    );

    // Warm-up: connections, JIT, Kafka's first writes to a new topic; not reported.
    await sendRaw(kafka, await topics.create('bench-warm-raw'), encode(await warmStore.readAll()), batch);
    await runRelay(
      { store: warmStore, kafka, db, topic: await topics.create('bench-warm-relay'), maxBatch: batch },
      warmupEvents,
      RELAY_TIMEOUT_MS,
    );

    const rawMs: number[] = [];
    const relayMs: number[] = [];
    let relayBatches = 0;
    const runRaw = async () => {
      const topic = await topics.create('bench-raw');
      rawMs.push(await sendRaw(kafka, topic, messages, batch));
      await expectMessages(topics, topic, total);
    };
    const runRelayOnce = async () => {
      const topic = await topics.create('bench-relay');
      const run = await runRelay({ store, kafka, db, topic, maxBatch: batch }, total, RELAY_TIMEOUT_MS);
      relayMs.push(run.elapsedMs);
      relayBatches += run.progress.batches;
      await expectMessages(topics, topic, total);
    };
    for (let round = 0; round < rounds; round += 1) {
      for (const run of round % 2 === 0 ? [runRaw, runRelayOnce] : [runRelayOnce, runRaw]) await run();
    }

    const rawMean = mean(rawMs);
    const relayMean = mean(relayMs);
    const batchesPerRun = relayBatches / rounds;
    console.log('| contender | runs (ms) | mean ms | events/s | vs raw |');
    console.log('|---|---|---:|---:|---:|');
    console.log(
      `| raw kafkajs producer | ${rawMs.map((ms) => fixed(ms, 0)).join(', ')} | ${fixed(rawMean, 0)} | ${fixed((total * 1000) / rawMean, 0)} | 1.00× |`,
    );
    console.log(
      `| relay | ${relayMs.map((ms) => fixed(ms, 0)).join(', ')} | ${fixed(relayMean, 0)} | ${fixed((total * 1000) / relayMean, 0)} | ` +
        `${ratio(rawMean, relayMean)} |`,
    );
    console.log(
      `\nrelay: ${fixed(batchesPerRun, 1)} batches per run (${fixed(total / batchesPerRun, 0)} events per batch); every topic held exactly ${total} messages\n`,
    );

    // Where the relay's time goes: its steps run one after the other, so the parts should add up to it.
    const subscriptionMs = await timeSubscription(store, total);
    const encodingMs = timeEncoding(events);
    const checkpointMs = await timeCheckpoints(db, Math.round(batchesPerRun), events[events.length - 1].position);
    const parts: [string, number][] = [
      ['raw kafkajs send (mean above)', rawMean],
      ['subscription: PostgreSQL catch-up reads', subscriptionMs],
      ['CloudEvent encoding', encodingMs],
      [`checkpoint writes (${Math.round(batchesPerRun)} to FerretDB)`, checkpointMs],
    ];
    const sum = parts.reduce((s, [, ms]) => s + ms, 0);
    console.log('| part of the relay, timed alone | ms for all events | share of the relay’s mean |');
    console.log('|---|---:|---:|');
    for (const [label, ms] of parts) console.log(`| ${label} | ${fixed(ms, 0)} | ${fixed((100 * ms) / relayMean, 0)} % |`);
    console.log(`| sum of the parts | ${fixed(sum, 0)} | ${fixed((100 * sum) / relayMean, 0)} % |`);
    console.log(`| relay measured (mean) | ${fixed(relayMean, 0)} | 100 % |`);
    console.log(`\n${loadLine()}`);
  } finally {
    await topics.deleteAll().catch((error: unknown) => console.error('could not delete the bench topics', error));
    for (const store of stores) await store.close();
    await mongo
      .db()
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
    await database.drop();
  }
}

async function expectMessages(topics: BenchTopics, topic: string, expected: number): Promise<void> {
  const found = await topics.messageCount(topic);
  if (found !== expected) throw new LostOrDuplicatedMessagesError(topic, expected, found);
}

function messageBytes(message: { key?: unknown; value: unknown; headers?: Record<string, unknown> }): number {
  const length = (v: unknown) => (typeof v === 'string' ? Buffer.byteLength(v) : Buffer.isBuffer(v) ? v.length : 0);
  const headers = Object.entries(message.headers ?? {}).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + length(v), 0);
  return length(message.key) + length(message.value) + headers;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
