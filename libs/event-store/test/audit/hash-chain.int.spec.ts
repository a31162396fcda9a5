import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@civic/testing';
import { verifyStreamInStore, withHashChain } from '../../src/audit';
import { WrongExpectedRevisionError } from '../../src/errors';
import type { EventStore, EventToAppend } from '../../src/port';
import { PostgresEventStore } from '../../src/postgres';

/**
 * Tamper evidence on the real PostgreSQL adapter: the chain written through the decorator verifies, and
 * an edit or a removal made directly in the table (as someone with database access could) is named.
 */
describe('hash chain on PostgreSQL', () => {
  let database: TestDatabase;
  let pg: PostgresEventStore;
  let sql: Client;
  let store: EventStore;

  beforeAll(async () => {
    database = await createTestDatabase('hash_chain');
    pg = await PostgresEventStore.connect({ url: database.url, schema: 'event_store' });
    store = withHashChain(pg);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await pg?.close();
    await database?.drop();
  });

  function event(n: number): EventToAppend {
    return {
      id: randomUUID(),
      type: 'CaseNoted',
      // Cyrillic, nested objects, floats and nulls: what jsonb reorders and re-renders must still hash alike.
      data: { n, note: `бележка ${n}`, weight: n / 3, detail: { zeta: null, alpha: [1, 'две', { b: true, a: 0.1 }] } },
      metadata: { tenant: 'peshtera', actor: { role: 'officer', id: 'user-1' }, occurredAt: '2026-03-02T09:00:00.000Z' },
    };
  }

  async function chainedStream(count: number): Promise<string> {
    const streamName = `case-${randomUUID()}`;
    await store.appendToStream(streamName, [event(0), event(1)], { expectedRevision: 'no-stream' });
    for (let n = 2; n < count; n++) {
      await store.appendToStream(streamName, [event(n)], { expectedRevision: n % 2 === 0 ? 'any' : n - 1 });
    }
    return streamName;
  }

  it('a stream appended through the decorator verifies, after its JSON went through jsonb', async () => {
    const streamName = await chainedStream(6);
    expect(await verifyStreamInStore(pg, streamName)).toEqual({ ok: true, count: 6 });
  });

  it("concurrent writers appending with 'any' cannot fork the chain: the losers are rejected", async () => {
    const streamName = await chainedStream(2);
    const writers = Array.from({ length: 8 }, (_, i) => store.appendToStream(streamName, [event(100 + i)], { expectedRevision: 'any' }));
    const results = await Promise.allSettled(writers);
    const won = results.filter((r) => r.status === 'fulfilled').length;
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');

    expect(won).toBeGreaterThanOrEqual(1);
    lost.forEach((r) => expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError));
    expect(await verifyStreamInStore(pg, streamName)).toEqual({ ok: true, count: 2 + won });
  });

  it('a data field edited with SQL: the verifier names that revision (hash-mismatch)', async () => {
    const streamName = await chainedStream(5);
    await sql.query(
      `update event_store.events set data = jsonb_set(data, '{note}', '"подправено"') where stream_name = $1 and stream_revision = 2`,
      [streamName],
    );
    const [edited] = (await pg.readStream(streamName, { fromRevision: 2, maxCount: 1 })).map((e) => e.id);
    expect(await verifyStreamInStore(pg, streamName)).toMatchObject({
      ok: false,
      reason: 'hash-mismatch',
      brokenAt: { revision: 2, eventId: edited },
    });
  });

  it('a metadata field edited with SQL (who did it): named too', async () => {
    const streamName = await chainedStream(4);
    await sql.query(
      `update event_store.events set metadata = jsonb_set(metadata, '{actor,id}', '"user-2"') where stream_name = $1 and stream_revision = 1`,
      [streamName],
    );
    expect(await verifyStreamInStore(pg, streamName)).toMatchObject({ ok: false, reason: 'hash-mismatch', brokenAt: { revision: 1 } });
  });

  it('a middle row deleted with SQL: the verifier names the gap (missing-event at the next revision)', async () => {
    const streamName = await chainedStream(5);
    const { rows } = await sql.query<{ event_id: string }>(
      `select event_id from event_store.events where stream_name = $1 and stream_revision = 3`,
      [streamName],
    );
    await sql.query(`delete from event_store.events where stream_name = $1 and stream_revision = 2`, [streamName]);
    const result = await verifyStreamInStore(pg, streamName);
    expect(result).toMatchObject({ ok: false, reason: 'missing-event', brokenAt: { revision: 3, eventId: rows[0].event_id } });
    expect(result.ok === false && result.detail).toBe('expected revision 2 next, found revision 3');
  });

  it('a middle row deleted and the later ones renumbered to hide the gap: named (previous-hash-mismatch)', async () => {
    const streamName = await chainedStream(5);
    await sql.query(`delete from event_store.events where stream_name = $1 and stream_revision = 1`, [streamName]);
    // One row at a time, in order, so the (stream_name, stream_revision) key never collides.
    for (const revision of [2, 3, 4]) {
      await sql.query(`update event_store.events set stream_revision = $2 - 1 where stream_name = $1 and stream_revision = $2`, [
        streamName,
        revision,
      ]);
    }
    expect(await verifyStreamInStore(pg, streamName)).toMatchObject({
      ok: false,
      reason: 'previous-hash-mismatch',
      brokenAt: { revision: 1 },
    });
  });
});
