import { Kafka, logLevel, Partitioners, type ITopicConfig } from 'kafkajs';
import { KafkaOptions, Transport } from '@nestjs/microservices';

/** All case events, keyed by case id so each case keeps its order. */
export const CASE_EVENTS_TOPIC = 'case-events';

export const PLATFORM_TOPICS: ITopicConfig[] = [{ topic: CASE_EVENTS_TOPIC, numPartitions: 6 }];

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  groupId: string;
}

/** A kafkajs client for admin work and health checks; quiet, and quick to give up so probes stay fast. */
export function createKafkaClient({ brokers, clientId }: Pick<KafkaSettings, 'brokers' | 'clientId'>): Kafka {
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 200 },
  });
}

/** Creates missing topics; existing ones are left as they are, so every service can call it at start. */
export async function ensureTopics(kafka: Kafka, topics: ITopicConfig[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** The options of the Nest Kafka transport (kafkajs underneath) that every service consumes with. */
export function kafkaMicroserviceOptions(settings: KafkaSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      // Without this Nest appends "-server" to the ids; we want the group to be exactly the service's.
      postfixId: '',
      client: { clientId: settings.clientId, brokers: settings.brokers },
      consumer: { groupId: settings.groupId, allowAutoTopicCreation: false },
      // Chosen explicitly (murmur2, as the Java client) rather than left to kafkajs's warning about its default.
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      subscribe: { fromBeginning: true },
    },
  };
}
