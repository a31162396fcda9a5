import type { EventStore } from '@civic/event-store';
import {
  DynamicModule,
  Global,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationShutdown,
  RequestMethod,
} from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { RelayState } from '@civic/messaging';
import type { Connection } from 'mongoose';
import { AuthModule, authOptionsFromConfig } from '@civic/auth';
import { MongooseHealthIndicator, TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { PlatformConfig } from './config';
import { CaseEventsTrace } from './case-events.trace';
import { EVENT_STORE, eventStoreKind, eventStoreProviders } from './event-store.provider';
import { EVENT_STORE_KIND, EventStoreHealthIndicator } from './health/event-store.health';
import { HEALTH_CHECKS, HealthController, type DependencyCheck } from './health/health.controller';
import { KAFKA_CLIENT, KafkaHealthIndicator } from './health/kafka.health';
import { HEALTH_PROBE_SECRET, HealthDetailsAccess } from './health/health-access';
import { CaseReader } from './cases/case-reader';
import { CaseAccessPolicy } from './cases/case-access';
import { AuditTrail } from './audit-trail/audit-trail';
import { CASE_COMMANDS, CASE_STORE, caseStoreProviders, SUBJECT_KEYS } from './cases/case-store';
import { createKafkaClient } from './kafka';
import { requestForLog } from './redact';
import { TenantDirectory } from './tenants/tenant-directory';
import { TENANT_SEEDS_DIR, TenantFollower } from './tenants/tenant-follower';
import { TenantRegistry } from './tenants/tenant-registry';
import { CASE_EVENTS_RELAY, RELAY_STATE, RelayRunner, relayStateOn } from './relay/relay.runner';
import { BOOKKEEPING, BookkeepingLifecycle, bookkeepingOn, type Bookkeeping } from './bookkeeping/bookkeeping';
import { CASE_EVENTS_TOPIC } from './kafka';
import { PlatformMetrics } from './metrics/platform-metrics';
import { httpMetricsMiddleware } from './metrics/http-metrics';
import { KafkaFigures } from './metrics/kafka-figures';
import { registerRelayFigures } from './metrics/relay-figures';
import { MetricsController } from './metrics/metrics.controller';
import { CLOCK, clockFrom, type Clock } from './clock/clock';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
const KAFKA_FIGURES = Symbol('KAFKA_FIGURES');
const RELAY_FIGURES = Symbol('RELAY_FIGURES');

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
  /**
   * The dependencies the service keeps working without (each request that needs one answers 503 with
   * Retry-After meanwhile): they do not take it out of readiness. Intake registers with MongoDB or Kafka down.
   */
  degradesWithout?: readonly ('mongodb' | 'kafka')[];
}

/**
 * What every service shares: validated config, JSON logs, the Kafka client, the event store, MongoDB,
 * a health endpoint that reports each of those dependencies by name, and `/metrics` for Prometheus.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule, OnApplicationShutdown {
  constructor(
    private readonly metrics: PlatformMetrics,
    @Inject(KAFKA_FIGURES) private readonly kafkaFigures: KafkaFigures,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(httpMetricsMiddleware(this.metrics)).forRoutes({ path: '*', method: RequestMethod.ALL });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.kafkaFigures.close();
  }

  static forRoot({ service, config, relay = false, traceCaseEvents = true, degradesWithout = [] }: PlatformOptions): DynamicModule {
    const required = (dependency: 'mongodb' | 'kafka') => !degradesWithout.includes(dependency);
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service },
            timestamp: stdTimeFunctions.isoTime,
            // A citizen's tracking code, a token or a key opens someone's case: none reaches the logs (redact.ts).
            serializers: { req: requestForLog },
            autoLogging: { ignore: (req) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? '') },
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        AuthModule.forRoot(authOptionsFromConfig(config)),
        // A request that needs MongoDB while it is down fails within a second (503, Retry-After), rather than waiting.
        MongooseModule.forRoot(config.MONGODB_URI, { serverSelectionTimeoutMS: 1_000 }),
      ],
      controllers: [HealthController, MetricsController, ...(traceCaseEvents ? [CaseEventsTrace] : [])],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: service },
        { provide: CLOCK, useValue: clockFrom(config.CLOCK_FILE) },
        {
          provide: KAFKA_CLIENT,
          useValue: createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: `${service}-admin` }),
        },
        ...eventStoreProviders(config.EVENT_STORE_URL),
        {
          provide: BOOKKEEPING,
          inject: [getConnectionToken()],
          useFactory: (connection: Connection): Bookkeeping =>
            bookkeepingOn(config.EVENT_STORE_URL, service, () => {
              if (!connection.db) throw new Error('the MongoDB connection has no database');
              return connection.db;
            }),
        },
        BookkeepingLifecycle,
        ...caseStoreProviders(config),
        // Decrypting: what a service reads of a case is the case as recorded, personal data included.
        { provide: CaseReader, inject: [CASE_STORE], useFactory: (store: EventStore) => new CaseReader(store) },
        CaseAccessPolicy,
        AuditTrail,
        // Filled from the tenants' streams by the follower before the service starts, and kept live after.
        { provide: TenantDirectory, inject: [CLOCK], useFactory: (clock: Clock) => new TenantDirectory([], () => clock.now()) },
        { provide: TENANT_SEEDS_DIR, useValue: config.TENANTS_DIR },
        TenantRegistry,
        TenantFollower,
        { provide: EVENT_STORE_KIND, useValue: eventStoreKind(config.EVENT_STORE_URL) },
        KafkaHealthIndicator,
        EventStoreHealthIndicator,
        MongooseHealthIndicator,
        { provide: HEALTH_PROBE_SECRET, useValue: config.HEALTH_PROBE_SECRET },
        HealthDetailsAccess,
        {
          provide: HEALTH_CHECKS,
          inject: [
            KafkaHealthIndicator,
            EventStoreHealthIndicator,
            MongooseHealthIndicator,
            TenantFollower,
            { token: RelayRunner, optional: true },
          ],
          useFactory: (
            kafka: KafkaHealthIndicator,
            eventStore: EventStoreHealthIndicator,
            mongo: MongooseHealthIndicator,
            tenants: TenantFollower,
            relayRunner?: RelayRunner,
          ): DependencyCheck[] => [
            { check: () => kafka.check('kafka'), required: required('kafka') },
            { check: () => eventStore.check('event-store'), required: true },
            { check: () => mongo.pingCheck('mongodb', { timeout: 3_000 }), required: required('mongodb') },
            // The tenants held stay served while their streams cannot be followed: a change waits, nothing stops.
            { check: async () => tenants.check('tenants'), required: false },
            // The relay publishes to Kafka: it catches up once Kafka is back, so it is required only with Kafka.
            ...(relayRunner ? [{ check: async () => relayRunner.check('relay'), required: required('kafka') }] : []),
          ],
        },
        ...(relay ? [{ provide: RELAY_STATE, inject: [BOOKKEEPING], useFactory: relayStateOn }, RelayRunner] : []),
        { provide: PlatformMetrics, useFactory: () => new PlatformMetrics(service) },
        {
          provide: KAFKA_FIGURES,
          inject: [KAFKA_CLIENT, PlatformMetrics],
          useFactory: (kafka: Kafka, metrics: PlatformMetrics) => {
            // The group the Nest Kafka transport joins (runService); a service without its own handler keeps
            // the logging subscriber and has no consumer core, hence no dead letters.
            const group = config.KAFKA_GROUP_ID ?? service;
            const figures = new KafkaFigures(kafka, { group, topic: CASE_EVENTS_TOPIC, deadLetters: !traceCaseEvents });
            figures.register(metrics);
            return figures;
          },
        },
        ...(relay
          ? [
              {
                provide: RELAY_FIGURES,
                inject: [PlatformMetrics, EVENT_STORE, RELAY_STATE],
                useFactory: (metrics: PlatformMetrics, store: EventStore, state: RelayState) => {
                  registerRelayFigures(metrics, CASE_EVENTS_RELAY, store, state.checkpoints);
                  return true;
                },
              },
            ]
          : []),
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
        BOOKKEEPING,
        TenantDirectory,
        TenantRegistry,
        PlatformMetrics,
      ],
    };
  }
}
