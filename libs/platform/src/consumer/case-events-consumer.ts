import { unreachableDependency } from '../http/dependency-unavailable';
import { Inject, Injectable, Logger, OnApplicationShutdown, type Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventConsumer, KafkaDeadLetters, MongoInbox, type MessagingLogger } from '@civic/messaging';
import type { PlatformConfig } from '../config';
import { KAFKA_CLIENT } from '../health/kafka.health';
import { SERVICE_CONFIG, SERVICE_NAME } from '../platform.module';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';

/**
 * The consumer core for `case-events` that a service with its own handler provides (routing, deadline-watch,
 * notification): inbox `inbox_<group>` in MongoDB, dead letters to `case-events.<group>.dlt`.
 */
export const CASE_EVENTS_CONSUMER = Symbol('CASE_EVENTS_CONSUMER');
const DEAD_LETTERS = Symbol('CASE_EVENTS_DEAD_LETTERS');

const nestLogger = new Logger('CaseEventsConsumer');
const logger: MessagingLogger = {
  info: (context, message) => nestLogger.log(context, message),
  warn: (context, message) => nestLogger.warn(context, message),
  error: (context, message) => nestLogger.error(context, message),
};

@Injectable()
class DeadLettersLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DEAD_LETTERS) private readonly deadLetters: KafkaDeadLetters) {}

  async onApplicationShutdown(): Promise<void> {
    await this.deadLetters.close();
  }
}

export const caseEventsConsumerProviders: Provider[] = [
  { provide: DEAD_LETTERS, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => new KafkaDeadLetters(kafka) },
  DeadLettersLifecycle,
  {
    provide: CASE_EVENTS_CONSUMER,
    inject: [SERVICE_CONFIG, SERVICE_NAME, getConnectionToken(), DEAD_LETTERS],
    useFactory: (config: PlatformConfig, service: string, connection: Connection, deadLetters: KafkaDeadLetters) => {
      const db = connection.db;
      if (!db) throw new Error('the MongoDB connection has no database');
      // The same group the Nest Kafka transport joins (runService: KAFKA_GROUP_ID, else the service name).
      const group = config.KAFKA_GROUP_ID ?? service;
      // A server that is down (MongoDB, the event store) delays events until it is back; it never dead-letters them.
      const unavailable = (error: unknown) => unreachableDependency(error) !== undefined;
      return new EventConsumer({ group, inbox: new MongoInbox(db, group), deadLetters, logger, unavailable });
    },
  },
];
