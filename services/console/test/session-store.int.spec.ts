import { createHash } from 'node:crypto';
import { testMongoUri } from '@civic/testing';
import { MongoClient } from 'mongodb';
import { SessionStore } from '../src/session/session-store';

// Sessions on the real MongoDB-compatible server (FerretDB here), on a clock the test moves.
describe('the session store', () => {
  let client: MongoClient;
  let now: number;
  let store: SessionStore;

  beforeAll(async () => {
    client = await new MongoClient(await testMongoUri('console_sessions')).connect();
  });
  beforeEach(async () => {
    now = Date.parse('2026-11-16T09:00:00Z');
    store = new SessionStore(client.db(), { idleMs: 30 * 60_000, maxMs: 10 * 3_600_000 }, () => now);
    await store.init();
  });
  afterAll(async () => {
    await client.db().dropDatabase();
    await client.close();
  });

  it('keeps only the hash of the id, and finds the session by the id itself', async () => {
    const created = await store.create({ user: { sub: 'peshtera:officer', tenant: 'peshtera', roles: ['officer'] } });
    const stored = await client
      .db()
      .collection('console_sessions')
      .findOne({ _id: createHash('sha256').update(created.id).digest('base64url') as never });
    expect(stored).toMatchObject({ csrfToken: created.csrfToken, user: { sub: 'peshtera:officer' } });
    expect(JSON.stringify(stored)).not.toContain(created.id);
    expect(await store.touch(created.id)).toMatchObject({ id: created.id, csrfToken: created.csrfToken, user: { tenant: 'peshtera' } });
  });

  it('slides on use, ends after the idle limit and never outlives the absolute limit', async () => {
    const created = await store.create({});
    now += 29 * 60_000;
    expect(await store.touch(created.id)).toBeDefined();
    now += 29 * 60_000;
    expect(await store.touch(created.id)).toBeDefined();
    now += 31 * 60_000;
    expect(await store.touch(created.id)).toBeUndefined();

    const busy = await store.create({});
    for (let minutes = 0; minutes < 10 * 60 - 20; minutes += 20) {
      now += 20 * 60_000;
      expect(await store.touch(busy.id)).toBeDefined();
    }
    now += 21 * 60_000;
    expect(await store.touch(busy.id)).toBeUndefined();
  });

  it('forgets a destroyed session and an unknown id', async () => {
    const created = await store.create({});
    await store.destroy(created.id);
    expect(await store.touch(created.id)).toBeUndefined();
    expect(await store.touch('made-up')).toBeUndefined();
  });
});
