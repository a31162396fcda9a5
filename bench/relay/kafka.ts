import { Partitioners, type Kafka, type Message } from 'kafkajs';
import { uniqueName } from '@civic/testing';

/** Topics this run created, deleted at the end: names are unique to the run, never shared ones. */
export class BenchTopics {
  private readonly created: string[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly partitions: number,
  ) {}

  async create(prefix: string): Promise<string> {
    const topic = uniqueName(prefix);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: this.partitions }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
    this.created.push(topic);
    return topic;
  }

  /** Messages on the topic (sum of high watermarks): more than sent would mean duplicates. */
  async messageCount(topic: string): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async deleteAll(): Promise<void> {
    if (this.created.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: this.created.splice(0) });
    } finally {
      await admin.disconnect();
    }
  }
}

/**
 * The raw baseline: a kafkajs producer configured as the relay's (idempotent, one request in flight, murmur2
 * partitioner, acks from all replicas) sending the given messages in batches of `batchSize`, one request after
 * the other. Returns the milliseconds from creating the producer to the last acknowledgement.
 */
export async function sendRaw(kafka: Kafka, topic: string, messages: Message[], batchSize: number): Promise<number> {
  const started = performance.now();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += batchSize) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + batchSize) });
    }
    return performance.now() - started;
  } finally {
    await producer.disconnect();
  }
}
