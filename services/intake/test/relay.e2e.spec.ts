import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@civic/event-store';
import {
  createTestDatabase,
  eventually,
  serviceTestEnvironment,
  spawnService,
  waitForHealthy,
  type ServiceProcess,
  type TestDatabase,
} from '@civic/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';

// intake runs the relay: an event appended to a case stream reaches `case-events` as a CloudEvent.
describe('intake relays case events to Kafka', () => {
  let database: TestDatabase;
  let intake: ServiceProcess;
  let store: PostgresEventStore;
  let consumer: Consumer;
  const received: KafkaMessage[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('intake_relay');
    const env = await serviceTestEnvironment('intake', database);
    intake = spawnService('intake', env);
    const health = await waitForHealthy(intake);
    expect(health.details).toMatchObject({ relay: { status: 'up' } });
    store = await PostgresEventStore.connect({ url: database.url });

    const kafka = new Kafka({ brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `${env.KAFKA_GROUP_ID}-probe` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'case-events', fromBeginning: false });
    let assigned = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (assigned = true));
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    await eventually(async () => assigned, Boolean, { what: 'probe consumer joined' });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await store?.close();
    await intake?.stop();
    await database?.drop();
  });

  it('publishes the event keyed by case id, with its CloudEvent attributes', async () => {
    const caseId = randomUUID();
    const eventId = randomUUID();
    await store.appendToStream(
      `case-${caseId}`,
      [
        {
          id: eventId,
          type: 'CaseClosed',
          data: { reason: 'test' },
          metadata: { tenant: 'peshtera', caseId, correlationId: 'c-1', causationId: 'k-1', occurredAt: '2026-03-02T09:00:00.000Z' },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    const message = await eventually(async () => received.find((m) => m.headers?.ce_id?.toString() === eventId), Boolean, {
      what: `event ${eventId} on case-events`,
    });
    expect(message?.key?.toString()).toBe(caseId);
    expect(message?.headers?.ce_subject?.toString()).toBe(caseId);
    expect(message?.headers?.ce_tenant?.toString()).toBe('peshtera');
    expect(JSON.parse(message?.value?.toString() ?? '{}')).toEqual({ reason: 'test' });
  });
});
