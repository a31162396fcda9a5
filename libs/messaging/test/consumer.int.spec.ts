import { Partitioners } from 'kafkajs';
import { eventually, uniqueName } from '@civic/testing';
import {
  caseEventToCloudEvent,
  deadLetterTopic,
  DLT_HEADERS,
  EventConsumer,
  inboxCollectionName,
  KafkaDeadLetters,
  MongoInbox,
  runEventConsumer,
  toKafkaBinary,
  type HandleOutcome,
  type OutgoingKafkaMessage,
  type RunningEventConsumer,
} from '../src';
import { recordedCaseEvent } from './fixtures';
import { createTopic, openWorld, readWholeTopic, type World } from './int-helpers';

describe('the consumer toolkit on real Kafka and MongoDB', () => {
  let world: World;
  let running: RunningEventConsumer | undefined;
  let deadLetters: KafkaDeadLetters | undefined;

  beforeAll(async () => {
    world = await openWorld('consumer');
  });

  afterAll(async () => {
    await running?.stop();
    await deadLetters?.close();
    await world?.close();
  });

  function caseMessage(id: string): OutgoingKafkaMessage {
    const cloudEvent = caseEventToCloudEvent(recordedCaseEvent({ id }));
    return toKafkaBinary(cloudEvent, cloudEvent.subject ?? null);
  }

  it('handles a duplicate once, retries then dead-letters a failing event, dead-letters a malformed one at once, and moves on', async () => {
    const topic = await createTopic(world.kafka, 'consumer-events', 1);
    const group = uniqueName('group');
    const producer = world.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const malformed = { key: 'c-1', value: '{"half": ', headers: { 'x-origin': 'a broken producer' } };
    // One partition, in this order: A, A again, B (always fails), a malformed message, C.
    await producer.send({
      topic,
      messages: [caseMessage('event-a'), caseMessage('event-a'), caseMessage('event-b'), malformed, caseMessage('event-c')],
    });
    await producer.disconnect();

    deadLetters = new KafkaDeadLetters(world.kafka);
    const consumer = new EventConsumer({
      group,
      inbox: new MongoInbox(world.db, group),
      deadLetters,
      retry: { attempts: 3, initialDelayMs: 100, factor: 2, maxDelayMs: 1_000, jitter: 0 },
    });
    const calls: { id: string; at: number }[] = [];
    const outcomes: HandleOutcome[] = [];
    running = await runEventConsumer({
      kafka: world.kafka,
      topic,
      consumer,
      // A short fetch wait so stopping the consumer at the end is quick.
      config: { maxWaitTimeInMs: 200 },
      onOutcome: (outcome) => outcomes.push(outcome),
      handler: async (event) => {
        calls.push({ id: event.id, at: Date.now() });
        if (event.id === 'event-b') throw new Error('no routing rule for this category');
      },
    });
    await eventually(
      async () => outcomes.length,
      (n) => n === 5,
      { what: 'all 5 messages to be dealt with' },
    );

    expect(outcomes.map((o) => o.outcome)).toEqual(['handled', 'duplicate', 'dead-lettered', 'dead-lettered', 'handled']);
    expect(calls.map((c) => c.id)).toEqual(['event-a', 'event-b', 'event-b', 'event-b', 'event-c']);
    // Backoff between attempts: 100 ms, then 200 ms (timers may fire a little early).
    const attemptsAt = calls.filter((c) => c.id === 'event-b').map((c) => c.at);
    expect(attemptsAt[1] - attemptsAt[0]).toBeGreaterThanOrEqual(90);
    expect(attemptsAt[2] - attemptsAt[1]).toBeGreaterThanOrEqual(190);

    const dlt = await readWholeTopic(world.kafka, deadLetterTopic(topic, group));
    expect(dlt).toHaveLength(2);
    const [failed, broken] = dlt;
    expect(failed.headers).toMatchObject({
      ce_id: 'event-b',
      [DLT_HEADERS.reason]: 'no routing rule for this category',
      [DLT_HEADERS.attempts]: '3',
      [DLT_HEADERS.group]: group,
      [DLT_HEADERS.topic]: topic,
      [DLT_HEADERS.partition]: '0',
      [DLT_HEADERS.offset]: '2',
    });
    expect(failed.value).toBe(caseMessage('event-b').value);
    expect(failed.key).toBe(caseMessage('event-b').key);
    expect(broken).toMatchObject({ key: 'c-1', value: malformed.value });
    expect(broken.headers).toMatchObject({
      'x-origin': 'a broken producer',
      [DLT_HEADERS.error]: 'MalformedMessageError',
      [DLT_HEADERS.attempts]: '0',
      [DLT_HEADERS.offset]: '3',
    });

    const inbox = await world.db.collection(inboxCollectionName(group)).find().toArray();
    expect(inbox.map((entry) => entry._id).sort()).toEqual(['event-a', 'event-c']);

    // Every offset is committed, dead-lettered ones included: nothing holds up the partition.
    const admin = world.kafka.admin();
    await admin.connect();
    try {
      await eventually(
        () => admin.fetchOffsets({ groupId: group, topics: [topic] }),
        ([{ partitions }]) => partitions[0].offset === '5',
        { what: 'the group to commit offset 5' },
      );
    } finally {
      await admin.disconnect();
    }
  });

  it('remembers handled events across consumer restarts: events sent again (a relay re-send) run no handler twice', async () => {
    const topic = await createTopic(world.kafka, 'consumer-replay', 1);
    const group = uniqueName('group');
    const producer = world.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const handled: string[] = [];

    /** A fresh consumer instance of the same group, as after a service restart. */
    async function consumeTwo(): Promise<HandleOutcome[]> {
      const outcomes: HandleOutcome[] = [];
      const consumer = new EventConsumer({ group, inbox: new MongoInbox(world.db, group), deadLetters: new KafkaDeadLetters(world.kafka) });
      const instance = await runEventConsumer({
        kafka: world.kafka,
        topic,
        consumer,
        config: { maxWaitTimeInMs: 200 },
        onOutcome: (outcome) => outcomes.push(outcome),
        handler: async (event) => void handled.push(event.id),
      });
      try {
        await eventually(
          async () => outcomes.length,
          (n) => n === 2,
          { what: 'both messages to be dealt with' },
        );
      } finally {
        await instance.stop();
      }
      return outcomes;
    }

    try {
      await producer.send({ topic, messages: [caseMessage('event-x'), caseMessage('event-y')] });
      expect((await consumeTwo()).map((o) => o.outcome)).toEqual(['handled', 'handled']);
      await producer.send({ topic, messages: [caseMessage('event-x'), caseMessage('event-y')] });
      expect((await consumeTwo()).map((o) => o.outcome)).toEqual(['duplicate', 'duplicate']);
      expect(handled).toEqual(['event-x', 'event-y']);
    } finally {
      await producer.disconnect();
    }
  });
});
