import { createTestDatabase, eventually, type TestDatabase } from '@civic/testing';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '../../src';
import { appendEvents } from '../../src/postgres/append';
import { parsePosition } from '../../src/postgres/position';
import { anEvent, collect, ids, newCategory, newStream, sleep } from '../contract/helpers';
import { isReading, subscriptionBackend } from './backend';

/**
 * The hazard: transaction A takes global_position n and commits late; transaction B takes n+1 and
 * commits first. A reader ordered by global_position alone delivers B, moves its checkpoint past n,
 * and never delivers A. These tests hold A open on a connection of their own to make it happen.
 */
describe('PostgreSQL global order: a transaction that commits late is never skipped', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let holder: Client;

  beforeAll(async () => {
    database = await createTestDatabase('es_noskip');
    store = await PostgresEventStore.connect({ url: database.url });
    pool = new Pool({ connectionString: database.url });
  });
  beforeEach(async () => {
    holder = new Client({ connectionString: database.url });
    await holder.connect();
  });
  afterEach(async () => {
    await holder.query('rollback').catch(() => undefined);
    await holder.end();
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  /** Transaction A: appended with the adapter's own SQL, left open. */
  async function openTransactionA(stream: string) {
    const event = anEvent('A');
    await holder.query('begin');
    const result = await appendEvents(holder, store.tables, stream, [event], 'no-stream');
    return { event, position: parsePosition(result.position), commit: () => holder.query('commit') };
  }

  it('B, numbered after A but committed first, waits for A; then A and B arrive in that order', async () => {
    const category = newCategory();
    const filter = { streamNamePrefixes: [category] };
    const sub = collect(store.subscribeToAll({ from: 'start', filter }));
    try {
      const a = await openTransactionA(newStream(category));
      const b = anEvent('B');
      const bResult = await store.appendToStream(newStream(category), [b], { expectedRevision: 'no-stream' });
      expect(parsePosition(bResult.position).globalPosition).toBeGreaterThan(a.position.globalPosition);

      // B is committed and its NOTIFY has woken the subscriber, but A may still commit before it.
      const { rows } = await pool.query(`select 1 from event_store.events where event_id = $1`, [b.id]);
      expect(rows).toHaveLength(1);
      // A finite read started now waits too: B's place in the order is not final while A may commit.
      const readDuringHold = store.readAll({ filter });
      await sleep(400);
      expect(sub.events).toEqual([]);

      await a.commit();
      await sub.until((e) => e.length >= 2, 'A and B after A commits');
      await sleep(100);
      expect(ids(sub.events)).toEqual([a.event.id, b.id]);
      expect(ids(await readDuringHold)).toEqual([a.event.id, b.id]);
    } finally {
      await sub.close();
    }
  });

  it('a rolled-back A releases B', async () => {
    const category = newCategory();
    const sub = collect(store.subscribeToAll({ from: 'start', filter: { streamNamePrefixes: [category] } }));
    try {
      await openTransactionA(newStream(category));
      const b = anEvent('B');
      await store.appendToStream(newStream(category), [b], { expectedRevision: 'no-stream' });
      await sleep(200);
      expect(sub.events).toEqual([]);
      await holder.query('rollback');
      await sub.until((e) => e.length >= 1, 'B after A rolls back');
      expect(ids(sub.events)).toEqual([b.id]);
    } finally {
      await sub.close();
    }
  });

  it("from 'end': an event committed before subscribing is not new even while it waits behind A; A, committed later, is", async () => {
    const category = newCategory();
    const a = await openTransactionA(newStream(category));
    const before = anEvent('CommittedBeforeSubscribing');
    await store.appendToStream(newStream(category), [before], { expectedRevision: 'no-stream' });

    const sub = collect(store.subscribeToAll({ from: 'end', filter: { streamNamePrefixes: [category] } }));
    try {
      await eventually(() => subscriptionBackend(pool), isReading, { timeoutMs: 5_000, intervalMs: 20, what: 'subscription started' });
      await a.commit();
      const after = anEvent('AppendedAfterSubscribing');
      await store.appendToStream(newStream(category), [after], { expectedRevision: 'no-stream' });
      await sub.until((e) => e.length >= 2, 'A and the later event');
      await sleep(100);
      expect(ids(sub.events)).toEqual([a.event.id, after.id]);
    } finally {
      await sub.close();
    }
  });
});
