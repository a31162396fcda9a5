import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import { rawHeaders, rawValue, type IncomingKafkaMessage, type OutgoingKafkaMessage } from '../cloud-events/kafka-message';

/**
 * Dead letters: a message that could not be handled goes to `<topic>.<group>.dlt` with its original key, value
 * and headers, plus `dlt-*` headers saying why, after how many attempts, and where it came from. Its offset is
 * then committed like any other, so one bad message never holds up the partition.
 */
export const DLT_HEADERS = {
  reason: 'dlt-reason',
  error: 'dlt-error',
  attempts: 'dlt-attempts',
  group: 'dlt-group',
  topic: 'dlt-original-topic',
  partition: 'dlt-original-partition',
  offset: 'dlt-original-offset',
  failedAt: 'dlt-failed-at',
} as const;

/** Long enough for a stack-less explanation, short enough for a header. */
const MAX_REASON_LENGTH = 1_000;

export function deadLetterTopic(topic: string, group: string): string {
  return `${topic}.${group}.dlt`;
}

export interface DeadLetterReason {
  group: string;
  topic: string;
  partition: number;
  /** The error's name (`MalformedMessageError`, or the handler's). */
  error: string;
  reason: string;
  attempts: number;
  failedAt: Date;
}

export function deadLetterMessage(message: IncomingKafkaMessage, why: DeadLetterReason): OutgoingKafkaMessage {
  return {
    key: message.key ?? null,
    value: rawValue(message.value),
    headers: {
      ...rawHeaders(message.headers),
      [DLT_HEADERS.reason]: why.reason.slice(0, MAX_REASON_LENGTH),
      [DLT_HEADERS.error]: why.error,
      [DLT_HEADERS.attempts]: String(why.attempts),
      [DLT_HEADERS.group]: why.group,
      [DLT_HEADERS.topic]: why.topic,
      [DLT_HEADERS.partition]: String(why.partition),
      [DLT_HEADERS.offset]: message.offset,
      [DLT_HEADERS.failedAt]: why.failedAt.toISOString(),
    },
  };
}

/** Where dead letters are sent; a port so the consumer core is tested without Kafka. */
export interface DeadLetterSink {
  send(topic: string, message: OutgoingKafkaMessage): Promise<void>;
}

/**
 * Sends dead letters with an idempotent producer, creating each dead-letter topic on first use (brokers may
 * not auto-create topics). A failed send throws: the caller must then NOT commit the offset, so the message is
 * redelivered rather than lost.
 */
export class KafkaDeadLetters implements DeadLetterSink {
  private producer?: Promise<Producer>;
  private readonly topics = new Map<string, Promise<void>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly numPartitions = 1,
  ) {}

  async send(topic: string, message: OutgoingKafkaMessage): Promise<void> {
    await this.ensureTopic(topic);
    const producer = await this.connectedProducer();
    await producer.send({ topic, acks: -1, messages: [message] });
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer.catch(() => undefined))?.disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }

  private ensureTopic(topic: string): Promise<void> {
    let ensured = this.topics.get(topic);
    if (!ensured) {
      ensured = createTopic(this.kafka.admin(), topic, this.numPartitions);
      this.topics.set(topic, ensured);
      ensured.catch(() => this.topics.delete(topic));
    }
    return ensured;
  }
}

async function createTopic(admin: Admin, topic: string, numPartitions: number): Promise<void> {
  await admin.connect();
  try {
    // false when it already exists: that is fine.
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
