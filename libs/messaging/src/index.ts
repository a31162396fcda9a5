/**
 * Messaging: how case events travel from the event store to the services.
 *   - the relay (`EventRelay`) publishes every case event to Kafka as a CloudEvent, at least once, one
 *     relay active at a time;
 *   - the consumer toolkit (`EventConsumer`) gives each service idempotent handling by event id, retries with
 *     backoff and a dead-letter topic, usable from Nest `@EventPattern` handlers or plain kafkajs.
 * The wire format is described in WIRE-FORMAT.md beside this file.
 */
export * from './errors';
export * from './logger';
export * from './backoff';
export { sleep } from './abort';
export * from './cloud-events/cloud-event';
export * from './cloud-events/kafka-message';
export * from './cloud-events/kafka-binding';
export * from './cloud-events/case-event';
export * from './relay/event-relay';
export * from './relay/relay-checkpoints';
export * from './relay/relay-lease';
export * from './relay/relay-state';
export * from './relay/mongo-relay-state';
export * from './relay/postgres-relay-state';
export * from './relay/relay-checkpoints-import';
export * from './consumer/received-event';
export * from './consumer/case-envelope';
export * from './consumer/inbox';
export * from './consumer/dead-letters';
export * from './consumer/event-consumer';
export * from './consumer/kafkajs-runner';
