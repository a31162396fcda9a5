import { randomUUID } from 'node:crypto';
import { createTestDatabase, kafkaBrokers, testMongoUri, uniqueName, type TestDatabase } from '@civic/testing';
import { deadLetterTopic, MongoRelayCheckpoints } from '@civic/messaging';
import type { EventStore } from '@civic/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { connectEventStore } from '../src/event-store.provider';
import { KafkaFigures } from '../src/metrics/kafka-figures';
import { PlatformMetrics } from '../src/metrics/platform-metrics';
import { parsePrometheusText, sumOf } from '../src/metrics/prometheus-text';
import { registerRelayFigures } from '../src/metrics/relay-figures';

describe("the platform's figures on the real servers", () => {
  it("reads a group's lag per partition and its dead letters from Kafka", async () => {
    const kafka = new Kafka({ brokers: await kafkaBrokers(), clientId: 'metrics-int', logLevel: logLevel.NOTHING });
    const topic = uniqueName('metrics-events');
    const group = uniqueName('metrics-group');
    const dlt = deadLetterTopic(topic, group);
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer();
    await producer.connect();
    const figures = new KafkaFigures(kafka, { group, topic, deadLetters: true });
    const later = new KafkaFigures(kafka, { group, topic, deadLetters: true });
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
      await producer.send({ topic, messages: [0, 0, 0, 1].map((partition, i) => ({ partition, value: `m${i}` })) });
      // The group handled one message of partition 0 and nothing of partition 1.
      await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '1' }] });

      const metrics = new PlatformMetrics('routing');
      figures.register(metrics);
      const before = parsePrometheusText(await eventuallyWith(metrics, 'civic_kafka_consumer_lag_messages{'));
      expect(before.samples.filter((s) => s.name === 'civic_kafka_consumer_lag_messages')).toEqual([
        { name: 'civic_kafka_consumer_lag_messages', labels: { group, topic, partition: '0', service: 'routing' }, value: 2 },
        { name: 'civic_kafka_consumer_lag_messages', labels: { group, topic, partition: '1', service: 'routing' }, value: 1 },
      ]);
      // No dead-letter topic yet: none.
      expect(sumOf(before, 'civic_dead_letter_messages', { topic: dlt })).toBe(0);

      await admin.createTopics({ topics: [{ topic: dlt, numPartitions: 1 }], waitForLeaders: true });
      await producer.send({ topic: dlt, messages: [{ value: 'a' }, { value: 'b' }] });
      const fresh = new PlatformMetrics('routing');
      later.register(fresh);
      const after = parsePrometheusText(await eventuallyWith(fresh, `civic_dead_letter_messages{topic="${dlt}",service="routing"} 2`));
      expect(sumOf(after, 'civic_dead_letter_messages', { topic: dlt })).toBe(2);
    } finally {
      await figures.close();
      await later.close();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic, dlt] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  describe('the relay lag', () => {
    let database: TestDatabase;
    let store: EventStore;
    let mongo: MongoClient;

    beforeAll(async () => {
      database = await createTestDatabase('platform_metrics');
      store = await connectEventStore(database.url);
      mongo = await new MongoClient(await testMongoUri('platform_metrics')).connect();
    });

    afterAll(async () => {
      await store?.close();
      await mongo
        ?.db()
        .dropDatabase()
        .catch(() => undefined);
      await mongo?.close();
      await database?.drop();
    });

    it('counts the case events after the checkpoint and the age of the oldest; other streams do not count', async () => {
      const relay = uniqueName('relay');
      const event = () => ({ id: randomUUID(), type: 'Probe', data: {}, metadata: {} });
      const firstStream = `case-${randomUUID()}`;
      const first = await store.appendToStream(firstStream, [event(), event()], { expectedRevision: 'no-stream' });
      await store.appendToStream(`routingconfig-${randomUUID()}`, [event()], { expectedRevision: 'no-stream' });
      await store.appendToStream(`case-${randomUUID()}`, [event()], { expectedRevision: 'no-stream' });

      // The store dated the events by its own clock: the figures are read 7 s after the oldest, whatever day it is.
      const [oldest] = await store.readStream(firstStream);
      const at = () => Date.parse(oldest?.recordedAt ?? '') + 7_000;
      const read = async () => {
        const metrics = new PlatformMetrics('intake');
        registerRelayFigures(metrics, relay, store, new MongoRelayCheckpoints(mongo.db()), at);
        return parsePrometheusText(await metrics.text());
      };
      const unpublished = await read();
      expect(sumOf(unpublished, 'civic_relay_unpublished_events', { relay })).toBe(3);
      expect(sumOf(unpublished, 'civic_relay_oldest_unpublished_seconds', { relay })).toBe(7);

      // Kafka acknowledged the first stream's two events: one case event waits.
      await new MongoRelayCheckpoints(mongo.db()).save(relay, first.position, 'test');
      expect(sumOf(await read(), 'civic_relay_unpublished_events', { relay })).toBe(1);
    });
  });
});

async function eventuallyWith(metrics: PlatformMetrics, expected: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const text = await metrics.text();
    if (text.includes(expected)) return text;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no "${expected}" in the metrics within 10 s`);
}
