import type { EventStore } from '@civic/event-store';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule, authOptionsFromConfig } from '@civic/auth';
import { HealthIndicatorFunction, MongooseHealthIndicator, TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { PlatformConfig } from './config';
import { CaseEventsTrace } from './case-events.trace';
import { EVENT_STORE, eventStoreKind, eventStoreProviders } from './event-store.provider';
import { EVENT_STORE_KIND, EventStoreHealthIndicator } from './health/event-store.health';
import { HEALTH_CHECKS, HealthController } from './health/health.controller';
import { KAFKA_CLIENT, KafkaHealthIndicator } from './health/kafka.health';
import { CaseReader } from './cases/case-reader';
import { CaseAccessPolicy } from './cases/case-access';
import { AuditTrail } from './audit-trail/audit-trail';
import { CASE_COMMANDS, CASE_STORE, caseStoreProviders, SUBJECT_KEYS } from './cases/case-store';
import { createKafkaClient } from './kafka';
import { redactSecrets } from './redact';
import { DEFAULT_TENANTS_DIR, TenantDirectory } from './tenants/tenant-directory';
import { RelayRunner } from './relay/relay.runner';
import { CLOCK, clockFrom } from './clock/clock';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface PlatformOptions {
  service: string;
  config: PlatformConfig;
  /** Run the relay from the event store to `case-events` in this service (leased: one instance publishes). */
  relay?: boolean;
  /**
   * Keep the placeholder subscriber that only logs case events; a service with its own `case-events`
   * handler turns it off (Nest allows one handler per pattern in an app).
   */
  traceCaseEvents?: boolean;
}

/**
 * What every service shares: validated config, JSON logs, the Kafka client, the event store, MongoDB,
 * and a health endpoint that reports each of those dependencies by name.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ service, config, relay = false, traceCaseEvents = true }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service },
            timestamp: stdTimeFunctions.isoTime,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // A citizen's tracking code is a secret that opens the case: it never reaches the logs.
            serializers: { req: (req: { url?: string }) => ({ ...req, url: redactSecrets(req.url) }) },
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        AuthModule.forRoot(authOptionsFromConfig(config)),
        MongooseModule.forRoot(config.MONGODB_URI, { serverSelectionTimeoutMS: 5_000 }),
      ],
      controllers: [HealthController, ...(traceCaseEvents ? [CaseEventsTrace] : [])],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: service },
        { provide: CLOCK, useValue: clockFrom(config.CLOCK_FILE) },
        {
          provide: KAFKA_CLIENT,
          useValue: createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: `${service}-admin` }),
        },
        ...eventStoreProviders(config.EVENT_STORE_URL),
        ...caseStoreProviders(config.MONGODB_URI),
        // Decrypting: what a service reads of a case is the case as recorded, personal data included.
        { provide: CaseReader, inject: [CASE_STORE], useFactory: (store: EventStore) => new CaseReader(store) },
        CaseAccessPolicy,
        AuditTrail,
        { provide: TenantDirectory, useFactory: () => TenantDirectory.load(config.TENANTS_DIR ?? DEFAULT_TENANTS_DIR) },
        { provide: EVENT_STORE_KIND, useValue: eventStoreKind(config.EVENT_STORE_URL) },
        KafkaHealthIndicator,
        EventStoreHealthIndicator,
        MongooseHealthIndicator,
        {
          provide: HEALTH_CHECKS,
          inject: [KafkaHealthIndicator, EventStoreHealthIndicator, MongooseHealthIndicator, { token: RelayRunner, optional: true }],
          useFactory: (
            kafka: KafkaHealthIndicator,
            eventStore: EventStoreHealthIndicator,
            mongo: MongooseHealthIndicator,
            relayRunner?: RelayRunner,
          ): HealthIndicatorFunction[] => [
            () => kafka.check('kafka'),
            () => eventStore.check('event-store'),
            () => mongo.pingCheck('mongodb', { timeout: 3_000 }),
            ...(relayRunner ? [async () => relayRunner.check('relay')] : []),
          ],
        },
        ...(relay ? [RelayRunner] : []),
      ],
      exports: [
        SERVICE_CONFIG,
        SERVICE_NAME,
        CLOCK,
        KAFKA_CLIENT,
        EVENT_STORE,
        CASE_STORE,
        CASE_COMMANDS,
        CaseReader,
        CaseAccessPolicy,
        AuditTrail,
        SUBJECT_KEYS,
        TenantDirectory,
      ],
    };
  }
}
