import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { HealthIndicatorFunction, MongooseHealthIndicator, TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { PlatformConfig } from './config';
import { CaseEventsTrace } from './case-events.trace';
import { EventStoreConnection } from './event-store-connection';
import { EventStoreHealthIndicator } from './health/event-store.health';
import { HEALTH_CHECKS, HealthController } from './health/health.controller';
import { KAFKA_CLIENT, KafkaHealthIndicator } from './health/kafka.health';
import { createKafkaClient } from './kafka';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface PlatformOptions {
  service: string;
  config: PlatformConfig;
}

/**
 * What every service shares: validated config, JSON logs, the Kafka client, the event store, MongoDB,
 * and a health endpoint that reports each of those dependencies by name.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ service, config }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service },
            timestamp: stdTimeFunctions.isoTime,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        MongooseModule.forRoot(config.MONGODB_URI, { serverSelectionTimeoutMS: 5_000 }),
      ],
      controllers: [HealthController, CaseEventsTrace],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: service },
        {
          provide: KAFKA_CLIENT,
          useValue: createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: `${service}-admin` }),
        },
        { provide: EventStoreConnection, useFactory: () => new EventStoreConnection(config.EVENT_STORE_URL) },
        KafkaHealthIndicator,
        EventStoreHealthIndicator,
        MongooseHealthIndicator,
        {
          provide: HEALTH_CHECKS,
          inject: [KafkaHealthIndicator, EventStoreHealthIndicator, MongooseHealthIndicator],
          useFactory: (
            kafka: KafkaHealthIndicator,
            eventStore: EventStoreHealthIndicator,
            mongo: MongooseHealthIndicator,
          ): HealthIndicatorFunction[] => [
            () => kafka.check('kafka'),
            () => eventStore.check('event-store'),
            () => mongo.pingCheck('mongodb', { timeout: 3_000 }),
          ],
        },
      ],
      exports: [SERVICE_CONFIG, SERVICE_NAME, KAFKA_CLIENT, EventStoreConnection],
    };
  }
}
