import { HttpStatus } from '@nestjs/common';
import { errorBody, type ErrorResponse } from './error-body';

/** A server the platform depends on, by the name /health gives it. */
export type Dependency = 'mongodb' | 'event-store' | 'kafka';

/** How long a client is asked to wait before trying again: the servers' own restarts take seconds. */
export const RETRY_AFTER_SECONDS = 5;

// The MongoDB driver's and Mongoose's errors for a server that cannot be reached (not a refused operation).
const MONGO_UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);
// node-postgres: the socket's errors and PostgreSQL's own "shutting down / cannot connect now" (SQLSTATE class 08, 57P0x).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const POSTGRES_UNAVAILABLE = /^(08\d\d\d|57P0[1-3])$/;
const POSTGRES_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;
const KAFKA_UNREACHABLE = new Set([
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSRequestTimeoutError',
]);

/** The dependency an error says is unreachable; undefined for any other error. */
export function unreachableDependency(error: unknown): Dependency | undefined {
  if (!(error instanceof Error)) return undefined;
  if (MONGO_UNREACHABLE.has(error.name) || /buffering timed out after/.test(error.message)) return 'mongodb';
  if (KAFKA_UNREACHABLE.has(error.name)) return 'kafka';
  // EventStoreDB's client: its cluster cannot be reached.
  if (error.constructor.name === 'UnavailableError') return 'event-store';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (POSTGRES_UNAVAILABLE.test(code) || SOCKET_CODES.has(code))) return 'event-store';
  if (POSTGRES_MESSAGES.test(error.message)) return 'event-store';
  return undefined;
}

/**
 * A request that needs a server which is down: 503 with `Retry-After`, naming the server, never a 500. Only
 * the requests that need it get this; what the service can do without it goes on (intake registers with
 * the read models' MongoDB down: its bookkeeping is in the event store's PostgreSQL).
 */
export function dependencyUnavailable(dependency: Dependency): ErrorResponse {
  const status = HttpStatus.SERVICE_UNAVAILABLE;
  return {
    status,
    body: errorBody(status, [{ field: 'request', reason: `${dependency} is unavailable; try again in ${RETRY_AFTER_SECONDS} s` }], {
      dependency,
    }),
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  };
}
