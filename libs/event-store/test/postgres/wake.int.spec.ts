import { createTestDatabase, eventually, type TestDatabase } from '@civic/testing';
import { Pool } from 'pg';
import { PostgresEventStore } from '../../src';
import { anEvent, collect, newCategory, newStream, sleep } from '../contract/helpers';
import { isReading, subscriptionBackend } from './backend';

describe('PostgreSQL subscription: woken by NOTIFY, silent while idle', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('es_wake');
    store = await PostgresEventStore.connect({ url: database.url });
    pool = new Pool({ connectionString: database.url });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  it('issues no query while nothing is appended, and delivers a new event within 500 ms of its commit', async () => {
    const category = newCategory();
    const stream = newStream(category);
    const sub = collect(store.subscribeToAll({ from: 'start', filter: { streamNamePrefixes: [category] } }));
    try {
      await eventually(() => subscriptionBackend(pool), isReading, { timeoutMs: 5_000, intervalMs: 20, what: 'subscription started' });

      // Settled first: right after start the subscription may re-check once or twice while another
      // transaction on the server holds the horizon back. A poller would never settle.
      let settled = await subscriptionBackend(pool);
      await eventually(
        async () => {
          const previous = settled;
          await sleep(300);
          settled = await subscriptionBackend(pool);
          return previous?.query_start?.getTime() === settled?.query_start?.getTime();
        },
        Boolean,
        { timeoutMs: 5_000, intervalMs: 0, what: 'subscription settled' },
      );

      // Idle: the subscription's connection runs no statement for a whole second.
      const idleFrom = await subscriptionBackend(pool);
      await sleep(1_000);
      const idleTo = await subscriptionBackend(pool);
      expect(idleTo?.state).toBe('idle');
      expect(idleTo?.query_start).toEqual(idleFrom?.query_start);

      const latencies: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        await store.appendToStream(stream, [anEvent()], { expectedRevision: 'any' });
        await sub.until((e) => e.length >= i + 1, `event ${i}`, 5_000);
        latencies.push(Date.now() - started);
      }
      latencies.sort((x, y) => x - y);
      // The median, so one foreign long transaction on the shared server (it holds the horizon) cannot fail it.
      expect(latencies[2]).toBeLessThan(500);
      console.info(`append → delivered, ms (sorted): ${latencies.join(', ')}`);
    } finally {
      await sub.close();
    }
  });
});
