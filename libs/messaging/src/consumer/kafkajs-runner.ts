import type { Consumer, ConsumerConfig, Kafka } from 'kafkajs';
import type { EventConsumer, EventHandler, HandleOutcome } from './event-consumer';

/**
 * The consumer core on a plain kafkajs consumer, for tests, scripts and workers without Nest. Offsets are
 * committed by kafkajs after each message returns, dead-lettered ones included.
 */
export interface EventConsumerRunnerOptions<D> {
  kafka: Kafka;
  topic: string;
  consumer: EventConsumer;
  handler: EventHandler<D>;
  /** Default true: a new group reads the topic from its start. */
  fromBeginning?: boolean;
  /** Passed to kafkajs (the group id is the consumer's). */
  config?: Omit<ConsumerConfig, 'groupId'>;
  /** Told about each message once it is done with (tests count outcomes). */
  onOutcome?: (outcome: HandleOutcome) => void;
}

export interface RunningEventConsumer {
  readonly kafkaConsumer: Consumer;
  stop(): Promise<void>;
}

export async function runEventConsumer<D = unknown>(options: EventConsumerRunnerOptions<D>): Promise<RunningEventConsumer> {
  const kafkaConsumer = options.kafka.consumer({ ...options.config, groupId: options.consumer.group, allowAutoTopicCreation: false });
  await kafkaConsumer.connect();
  try {
    await kafkaConsumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning ?? true });
    await kafkaConsumer.run({
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const outcome = await options.consumer.handle(message, topic, partition, options.handler, { heartbeat });
        options.onOutcome?.(outcome);
      },
    });
  } catch (error) {
    await kafkaConsumer.disconnect();
    throw error;
  }
  return { kafkaConsumer, stop: () => kafkaConsumer.disconnect() };
}
