import { KafkaContext } from '@nestjs/microservices';
import { KafkaParser } from '@nestjs/microservices/helpers/kafka-parser';
import type { Consumer, Producer } from 'kafkajs';
import {
  caseEventToCloudEvent,
  DLT_HEADERS,
  EventConsumer,
  PermanentHandlerError,
  toKafkaBinary,
  type DeadLetterSink,
  type Inbox,
  type IncomingKafkaMessage,
  type OutgoingKafkaMessage,
} from '../src';
import { recordedCaseEvent } from './fixtures';

class MemoryInbox implements Inbox {
  readonly ids = new Set<string>();
  async has(eventId: string) {
    return this.ids.has(eventId);
  }
  async record(eventId: string) {
    this.ids.add(eventId);
  }
}

class MemoryDeadLetters implements DeadLetterSink {
  readonly sent: { topic: string; message: OutgoingKafkaMessage }[] = [];
  failing = false;
  async send(topic: string, message: OutgoingKafkaMessage) {
    if (this.failing) throw new Error('Kafka is down');
    this.sent.push({ topic, message });
  }
}

function caseMessage(offset = '10'): IncomingKafkaMessage {
  const cloudEvent = caseEventToCloudEvent(recordedCaseEvent());
  return { ...toKafkaBinary(cloudEvent, cloudEvent.subject ?? null), offset };
}

class ServerDown extends Error {}

/** `custom`: an inbox of the test's own instead of the memory one. */
function setUp(attempts = 4, custom?: Inbox) {
  const inbox = new MemoryInbox();
  const deadLetters = new MemoryDeadLetters();
  const waits: number[] = [];
  const consumer = new EventConsumer({
    group: 'routing',
    inbox: custom ?? inbox,
    deadLetters,
    retry: { attempts, initialDelayMs: 100, factor: 2, maxDelayMs: 10_000, jitter: 0 },
    unavailable: (error) => error instanceof ServerDown,
    sleep: async (ms) => void waits.push(ms),
  });
  return { inbox, deadLetters, waits, consumer };
}

describe('the consumer core', () => {
  it('runs the handler once for an event delivered twice, and records it in the inbox after success', async () => {
    const { consumer, inbox } = setUp();
    const handled: string[] = [];
    const handler = async (event: { id: string }) => void handled.push(event.id);
    expect(await consumer.handle(caseMessage('10'), 'case-events', 0, handler)).toMatchObject({ outcome: 'handled', attempts: 1 });
    expect(await consumer.handle(caseMessage('11'), 'case-events', 0, handler)).toMatchObject({ outcome: 'duplicate' });
    expect(handled).toEqual([recordedCaseEvent().id]);
    expect([...inbox.ids]).toEqual([recordedCaseEvent().id]);
  });

  it('retries a failing handler with growing delays, then dead-letters the original message with the reason', async () => {
    const { consumer, deadLetters, waits, inbox } = setUp(4);
    let calls = 0;
    const outcome = await consumer.handle(caseMessage('42'), 'case-events', 3, async () => {
      calls += 1;
      throw new Error(`routing rules unavailable (${calls})`);
    });
    expect(calls).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
    expect(outcome).toMatchObject({ outcome: 'dead-lettered', attempts: 4, deadLetterTopic: 'case-events.routing.dlt' });
    expect(inbox.ids.size).toBe(0);
    const [{ topic, message }] = deadLetters.sent;
    const original = caseMessage('42');
    expect(topic).toBe('case-events.routing.dlt');
    expect(message.key).toBe(original.key);
    expect(message.value).toBe(original.value);
    expect(message.headers).toMatchObject({
      ...original.headers,
      [DLT_HEADERS.reason]: 'routing rules unavailable (4)',
      [DLT_HEADERS.error]: 'Error',
      [DLT_HEADERS.attempts]: '4',
      [DLT_HEADERS.group]: 'routing',
      [DLT_HEADERS.topic]: 'case-events',
      [DLT_HEADERS.partition]: '3',
      [DLT_HEADERS.offset]: '42',
    });
  });

  it('succeeds on a later attempt without dead-lettering', async () => {
    const { consumer, deadLetters, waits } = setUp(4);
    let calls = 0;
    const outcome = await consumer.handle(caseMessage(), 'case-events', 0, async () => {
      calls += 1;
      if (calls < 3) throw new Error('flaky');
    });
    expect(outcome).toMatchObject({ outcome: 'handled', attempts: 3 });
    expect(waits).toEqual([100, 200]);
    expect(deadLetters.sent).toHaveLength(0);
  });

  it('waits out a server that is down, however long, without counting it against the attempts or dead-lettering', async () => {
    const { consumer, deadLetters, waits } = setUp(2);
    let calls = 0;
    const handler = async () => {
      calls += 1;
      if (calls <= 6) throw new ServerDown('MongoDB is unreachable');
      if (calls === 7) throw new Error('a fault of the handler');
    };
    expect(await consumer.handle(caseMessage(), 'case-events', 0, handler)).toMatchObject({ outcome: 'handled', attempts: 2 });
    expect(deadLetters.sent).toEqual([]);
    expect(waits).toEqual([100, 200, 400, 800, 1_600, 3_200, 100]);
  });

  it('waits out an inbox whose server is down, before and after the handler, and still runs the handler once', async () => {
    const inbox = new MemoryInbox();
    let hasFailures = 2;
    let recordFailures = 1;
    const flaky: Inbox = {
      has: async (id) => (hasFailures-- > 0 ? Promise.reject(new ServerDown('down')) : inbox.has(id)),
      record: async (id) => (recordFailures-- > 0 ? Promise.reject(new ServerDown('down')) : inbox.record(id)),
    };
    const { consumer, waits } = setUp(4, flaky);
    let calls = 0;
    expect(await consumer.handle(caseMessage(), 'case-events', 0, async () => void (calls += 1))).toMatchObject({ outcome: 'handled' });
    expect(calls).toBe(1);
    expect(inbox.ids.size).toBe(1);
    expect(waits).toEqual([100, 200, 100]);
  });

  it('dead-letters at once when the handler says retrying cannot help', async () => {
    const { consumer, deadLetters, waits } = setUp(4);
    const outcome = await consumer.handle(caseMessage(), 'case-events', 0, async () => {
      throw new PermanentHandlerError('unknown tenant');
    });
    expect(outcome).toMatchObject({ outcome: 'dead-lettered', attempts: 1, reason: 'unknown tenant' });
    expect(waits).toEqual([]);
    expect(deadLetters.sent[0].message.headers[DLT_HEADERS.error]).toBe('PermanentHandlerError');
  });

  it('dead-letters a malformed message at once without calling the handler', async () => {
    const { consumer, deadLetters } = setUp();
    const handler = jest.fn();
    const outcome = await consumer.handle({ key: null, value: Buffer.from('hello'), headers: {}, offset: '3' }, 'case-events', 1, handler);
    expect(handler).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ outcome: 'dead-lettered', attempts: 0 });
    expect(deadLetters.sent[0].message).toMatchObject({
      value: Buffer.from('hello'),
      headers: { [DLT_HEADERS.error]: 'MalformedMessageError', [DLT_HEADERS.attempts]: '0', [DLT_HEADERS.offset]: '3' },
    });
  });

  it('throws when the dead letter cannot be sent, so the offset is not committed and nothing is dropped', async () => {
    const { consumer, deadLetters } = setUp(1);
    deadLetters.failing = true;
    await expect(
      consumer.handle(caseMessage(), 'case-events', 0, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('Kafka is down');
  });

  it('takes its message, topic, partition and heartbeat from a Nest KafkaContext', async () => {
    const { consumer } = setUp(2);
    const heartbeat = jest.fn(async () => undefined);
    let calls = 0;
    // What Nest builds for an @EventPattern handler: the parsed message, partition, topic, consumer, heartbeat, producer.
    const parsed = new KafkaParser().parse({ ...caseMessage('9'), timestamp: '0', attributes: 0, size: 0 });
    const context = new KafkaContext([parsed, 4, 'case-events', {} as Consumer, heartbeat, {} as Producer]);
    const seen: unknown[] = [];
    await consumer.handleContext(context, async (event) => {
      calls += 1;
      seen.push(event.kafka);
      if (calls === 1) throw new Error('once');
    });
    const where = { topic: 'case-events', partition: 4, offset: '9', key: recordedCaseEvent().metadata['caseId'] };
    expect(seen).toEqual([where, where]);
    expect(heartbeat).toHaveBeenCalledTimes(1);
  });
});
