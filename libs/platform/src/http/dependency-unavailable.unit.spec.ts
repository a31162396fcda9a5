import { KafkaJSConnectionError } from 'kafkajs';
import { MongoNetworkError, MongoServerSelectionError, MongoServerError } from 'mongodb';
import { errorResponse } from './error-response';
import { unreachableDependency } from './dependency-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a request that needs a server which is down', () => {
  it.each([
    [
      'MongoDB: no server selected',
      new MongoServerSelectionError('connection refused', { type: 'Unknown', servers: new Map() } as never),
      'mongodb',
    ],
    ['MongoDB: the connection broke', new MongoNetworkError('socket hang up'), 'mongodb'],
    ['Mongoose: buffering timed out', new Error('Operation `x.find()` buffering timed out after 10000ms'), 'mongodb'],
    ['PostgreSQL: refused', withCode('connect ECONNREFUSED 127.0.0.1:5433', 'ECONNREFUSED'), 'event-store'],
    ['PostgreSQL: shutting down', withCode('terminating connection due to administrator command', '57P01'), 'event-store'],
    ['PostgreSQL: starting up', withCode('the database system is starting up', '57P03'), 'event-store'],
    ['PostgreSQL: terminated', new Error('Connection terminated unexpectedly'), 'event-store'],
    ['Kafka: no broker', new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'), 'kafka'],
  ])('%s → that server', (_what, error, dependency) => {
    expect(unreachableDependency(error)).toBe(dependency);
  });

  it.each([
    ['a refused MongoDB operation', new MongoServerError({ message: 'E11000 duplicate key', code: 11000 })],
    ['a PostgreSQL constraint', withCode('duplicate key value violates unique constraint', '23505')],
    ['any other fault', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
  ])('%s → none (a 500, or what the error means)', (_what, error) => {
    expect(unreachableDependency(error)).toBeUndefined();
  });

  it('is answered 503 with Retry-After, naming the server', () => {
    expect(errorResponse(new MongoNetworkError('socket hang up'))).toEqual({
      status: 503,
      body: { statusCode: 503, errors: [{ field: 'request', reason: 'mongodb is unavailable; try again in 5 s' }], dependency: 'mongodb' },
      headers: { 'Retry-After': '5' },
    });
  });
});
