import { createTestDatabase, testMongoUri, type TestDatabase } from '@civic/testing';
import mongoose, { Schema, type Connection } from 'mongoose';
import { EventStoreConnection } from '../src/event-store-connection';

describe('MongoDB through mongoose (FerretDB here)', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(await testMongoUri('platform'), { serverSelectionTimeoutMS: 5_000 }).asPromise();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('writes a document and reads it back, with an index and a filtered update', async () => {
    const Case = connection.model(
      'CaseSummary',
      new Schema({ caseId: { type: String, unique: true }, tenant: String, status: String, revision: Number }),
    );
    await Case.init();
    await Case.create({ caseId: 'c-1', tenant: 'peshtera', status: 'registered', revision: 0 });
    // The projection pattern of the style guide: update only when the event is newer than what was applied.
    await Case.updateOne({ caseId: 'c-1', revision: { $lt: 1 } }, { status: 'routed', revision: 1 });
    await Case.updateOne({ caseId: 'c-1', revision: { $lt: 1 } }, { status: 'stale', revision: 1 });
    const found = await Case.findOne({ caseId: 'c-1' }).lean();
    expect(found).toMatchObject({ tenant: 'peshtera', status: 'routed', revision: 1 });
    await expect(Case.create({ caseId: 'c-1', tenant: 'x', status: 'y', revision: 0 })).rejects.toThrow(/duplicate key/);
  });
});

describe('PostgreSQL as the event store connection', () => {
  let database: TestDatabase;
  let store: EventStoreConnection;

  beforeAll(async () => {
    database = await createTestDatabase('platform');
    store = new EventStoreConnection(database.url);
  });

  afterAll(async () => {
    await store?.onApplicationShutdown();
    await database?.drop();
  });

  it('answers the health ping and round-trips a row', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    await store.pool.query('create table probe (id int primary key, body jsonb not null)');
    await store.pool.query('insert into probe values ($1, $2)', [1, { kind: 'complaint', text: 'Дупка на пътя' }]);
    const { rows } = await store.pool.query('select body from probe where id = 1');
    expect(rows).toEqual([{ body: { kind: 'complaint', text: 'Дупка на пътя' } }]);
  });
});
