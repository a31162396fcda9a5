import { createTestDatabase, testMongoUri, type TestDatabase } from '@civic/testing';
import type { MongoCopy } from '@civic/event-store';
import { MongoClient, type Db } from 'mongodb';
import { Pool, type PoolClient } from 'pg';
import { BookkeepingImportError, IMPORTS_TABLE, importOnce, markImported, type MongoImport } from '../src/bookkeeping/import-once';

const UNREACHABLE = 'mongodb://127.0.0.1:9/x?serverSelectionTimeoutMS=500';

interface Probe {
  _id: string;
  n: number;
}

// A store of the test's own: `probes` in MongoDB, `probes` in PostgreSQL.
const probesFrom = (db: Db, writes: { calls: number } = { calls: 0 }): MongoCopy<Probe> => ({
  documents: () => db.collection<Probe>('probes').find({}),
  write: async (client: PoolClient, batch: Probe[]) => {
    writes.calls += 1;
    await client.query('insert into probes (id, n) select * from unnest($1::text[], $2::int[]) on conflict (id) do nothing', [
      batch.map((probe) => probe._id),
      batch.map((probe) => probe.n),
    ]);
    return batch.length;
  },
});

const silent = { log: () => undefined } as never;

describe('importOnce: a store copied from MongoDB into PostgreSQL on the first start', () => {
  let database: TestDatabase;
  let pool: Pool;
  let mongo: MongoClient;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase('platform_import');
    pool = new Pool({ connectionString: database.url, max: 6 });
    await pool.query('create table probes (id text primary key, n int not null)');
    mongo = new MongoClient(await testMongoUri('platform_import'));
    await mongo.connect();
    db = mongo.db();
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await mongo?.close();
    await pool?.end();
    await database?.drop();
  });

  const marker = async (name: string) =>
    (await pool.query<{ count: string; source: string }>(`select count, source from ${IMPORTS_TABLE} where name = $1`, [name])).rows[0];
  const probes = async () => Number((await pool.query<{ n: string }>('select count(*) as n from probes')).rows[0].n);

  it('copies once when two instances start together, in batches, and records the count; PostgreSQL rows win', async () => {
    await db.collection<Probe>('probes').insertMany(Array.from({ length: 2_500 }, (_, i) => ({ _id: `p-${i}`, n: i })));
    await pool.query(`insert into probes (id, n) values ('p-7', -1)`);
    const writes = { calls: 0 };
    const job: MongoImport<Probe> = { name: 'probes', what: 'the probes from MongoDB', copy: () => probesFrom(db, writes) };
    await Promise.all([importOnce(pool, job, silent), importOnce(pool, job, silent)]);

    expect(writes.calls).toBe(3);
    expect(await probes()).toBe(2_500);
    expect((await pool.query('select n from probes where id = $1', ['p-7'])).rows).toEqual([{ n: -1 }]);
    expect(await marker('probes')).toEqual({ count: '2500', source: 'the probes from MongoDB' });
  });

  it('does nothing once the marker is there, not even ask for MongoDB', async () => {
    const asked = jest.fn(() => {
      throw new Error('MongoDB was asked');
    });
    await importOnce(pool, { name: 'probes', what: 'the probes', copy: asked }, silent);
    expect(asked).not.toHaveBeenCalled();
  });

  it('records an empty or missing collection as imported, with count 0', async () => {
    const none = { ...probesFrom(db), documents: () => db.collection<Probe>('no_such_collection').find({}) };
    await importOnce(pool, { name: 'nothing', what: 'nothing', copy: () => none }, silent);
    expect(await marker('nothing')).toEqual({ count: '0', source: 'nothing' });
  });

  it('fails the start with what could not be imported and why when MongoDB is unreachable, and records nothing', async () => {
    const unreachable = new MongoClient(UNREACHABLE);
    try {
      const job = { name: 'unreachable', what: 'the probes from MongoDB (database x)', copy: () => probesFrom(unreachable.db()) };
      const failed = importOnce(pool, job, silent);
      await expect(failed).rejects.toThrow(BookkeepingImportError);
      await expect(failed).rejects.toThrow(
        /^the first start with the bookkeeping in PostgreSQL copies the probes from MongoDB \(database x\), which is not reachable: /,
      );
      expect(await marker('unreachable')).toBeUndefined();
    } finally {
      await unreachable.close();
    }
  });

  it('leaves nothing behind when a batch cannot be written, so the next start copies again', async () => {
    await pool.query('create table strict_probes (id text primary key, n int not null check (n < 1500))');
    const strict: MongoCopy<Probe> = {
      documents: () => db.collection<Probe>('probes').find({}).sort({ n: 1 }),
      write: async (client, batch) => {
        await client.query('insert into strict_probes select * from unnest($1::text[], $2::int[])', [
          batch.map((probe) => probe._id),
          batch.map((probe) => probe.n),
        ]);
        return batch.length;
      },
    };
    await expect(importOnce(pool, { name: 'strict', what: 'the strict probes', copy: () => strict }, silent)).rejects.toThrow(
      /^copying the strict probes into PostgreSQL failed: .*strict_probes_n_check/,
    );
    expect((await pool.query('select count(*)::int as n from strict_probes')).rows).toEqual([{ n: 0 }]);
    expect(await marker('strict')).toBeUndefined();
  });

  it('logs its progress every 10,000 documents', async () => {
    await pool.query('create table counted (n int primary key)');
    const log = jest.fn();
    const counted: MongoCopy<number> = {
      documents: async function* () {
        for (let n = 0; n < 25_000; n++) yield n;
      },
      write: async (client, batch) => {
        await client.query('insert into counted select unnest($1::int[])', [batch]);
        return batch.length;
      },
    };
    await importOnce(pool, { name: 'counted', what: 'the numbers', copy: () => counted }, { log } as never);
    expect(log.mock.calls.map(([message]) => message)).toEqual([
      'copying the numbers: 10000 so far',
      'copying the numbers: 20000 so far',
      expect.stringMatching(/^copied the numbers into PostgreSQL: 25000 of 25000 in \d+\.\d s$/),
    ]);
  });

  it('takes a database that never had the store in MongoDB as imported', async () => {
    await markImported(pool, 'written-here', 'written straight into PostgreSQL', 12);
    await markImported(pool, 'written-here', 'again', 13);
    expect(await marker('written-here')).toEqual({ count: '12', source: 'written straight into PostgreSQL' });
  });
});
