import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@civic/event-store';
import {
  EventRelay,
  mongoRelayState,
  postgresRelayState,
  relayCheckpointsFromMongo,
  type MessagingLogger,
  type RelayState,
} from '@civic/messaging';
import type { Kafka } from 'kafkajs';
import type { Bookkeeping } from '../bookkeeping/bookkeeping';
import { importOnce } from '../bookkeeping/import-once';
import { EVENT_STORE } from '../event-store.provider';
import { KAFKA_CLIENT } from '../health/kafka.health';
import { CASE_EVENTS_TOPIC } from '../kafka';

/** The relay's name: its checkpoint and lease in the bookkeeping (PostgreSQL beside a PostgreSQL event store). */
export const CASE_EVENTS_RELAY = 'case-events';

/** The relays' leases and checkpoints, where the service's bookkeeping is. */
export const RELAY_STATE = Symbol('RELAY_STATE');

/** The marker of the relays' checkpoints' import (bookkeeping/import-once.ts). */
export const RELAY_CHECKPOINTS_IMPORT = 'relay-checkpoints';

/**
 * In PostgreSQL, with the checkpoints kept in the service's MongoDB database before copied in on the first
 * start: without them the relay would republish every event from the start.
 */
export async function relayStateOn(bookkeeping: Bookkeeping): Promise<RelayState> {
  if (bookkeeping.kind === 'mongodb') return mongoRelayState(bookkeeping.db);
  const state = await postgresRelayState(bookkeeping.pool);
  await importOnce(bookkeeping.pool, {
    name: RELAY_CHECKPOINTS_IMPORT,
    what: "the relay's checkpoints from MongoDB (the service's database, collection relay_checkpoints)",
    copy: () => relayCheckpointsFromMongo(bookkeeping.mongo()),
  });
  return state;
}

/**
 * Runs the relay from the event store to `case-events` inside a service. Every instance may run one: the
 * lease lets one publish and keeps the others in standby, ready to take over.
 */
@Injectable()
export class RelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay?: EventRelay;
  // Nest's Logger (not the transient PinoLogger) keeps this provider a singleton; it still ends in pino.
  private readonly nestLogger = new Logger('EventRelay');
  private readonly logger: MessagingLogger = {
    info: (context, message) => this.nestLogger.log(context, message),
    warn: (context, message) => this.nestLogger.warn(context, message),
    error: (context, message) => this.nestLogger.error(context, message),
  };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(RELAY_STATE) private readonly state: RelayState,
    private readonly indicators: HealthIndicatorService,
  ) {}

  onApplicationBootstrap(): void {
    // The relay reads the store as stored: personal data stays encrypted on its way to Kafka.
    this.relay = new EventRelay({
      name: CASE_EVENTS_RELAY,
      store: this.store,
      kafka: this.kafka,
      state: this.state,
      topic: CASE_EVENTS_TOPIC,
      logger: this.logger,
    });
    this.relay.start();
  }

  // Before shutdown: the lease is released through the bookkeeping's pool, which closes on shutdown.
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  /** Up while publishing or in standby behind another instance; down while it cannot reach Kafka or its lease. */
  check(key = 'relay') {
    const indicator = this.indicators.check(key);
    const progress = this.relay?.progress();
    if (!progress) return indicator.down({ message: 'not started' });
    // Not `status`: terminus reads that key as the indicator's own up/down.
    const details = { state: progress.status, published: progress.published, lastDelayMs: progress.lastDelayMs };
    return progress.status === 'retrying' ? indicator.down({ ...details, message: progress.lastError }) : indicator.up(details);
  }
}
