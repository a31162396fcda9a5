import { MongoClient, type Db } from 'mongodb';
import { testMongoUri, uniqueName } from '@civic/testing';
import { RelayLease } from '../src';

/** The lease alone, on FerretDB: conditional single-document writes are all it relies on. */
describe('the relay lease in MongoDB', () => {
  let mongo: MongoClient;
  let db: Db;

  beforeAll(async () => {
    mongo = new MongoClient(await testMongoUri('lease'), { serverSelectionTimeoutMS: 5_000 });
    await mongo.connect();
    db = mongo.db();
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await mongo?.close();
  });

  it('goes to exactly one of several owners acquiring at once', async () => {
    const name = uniqueName('relay');
    const leases = Array.from({ length: 8 }, (_, i) => new RelayLease(db, name, `owner-${i}`, 5_000));
    const acquired = await Promise.all(leases.map((lease) => lease.tryAcquire()));
    expect(acquired.filter(Boolean)).toHaveLength(1);
    const winner = leases[acquired.indexOf(true)];
    expect(await winner.holder()).toMatchObject({ owner: winner.owner });
    expect(await winner.tryAcquire()).toBe(true);
  });

  it('can be renewed only by its holder, and passes on once expired or released', async () => {
    let now = 1_000_000;
    const clock = () => now;
    const name = uniqueName('relay');
    const a = new RelayLease(db, name, 'a', 3_000, clock);
    const b = new RelayLease(db, name, 'b', 3_000, clock);
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    expect(await b.renew()).toBe(false);

    now += 2_000;
    expect(await a.renew()).toBe(true);
    now += 2_000; // 4 s after acquiring, 2 s after renewing: still a's
    expect(await b.tryAcquire()).toBe(false);
    expect(a.isHeld()).toBe(true);

    now += 1_500; // expired
    expect(a.isHeld()).toBe(false);
    expect(await b.tryAcquire()).toBe(true);
    expect(await a.renew()).toBe(false);

    await b.release();
    expect(await a.tryAcquire()).toBe(true);
  });
});
