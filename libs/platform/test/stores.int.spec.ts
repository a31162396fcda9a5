import { createTestDatabase, testMongoUri, type TestDatabase } from '@civic/testing';
import mongoose, { Schema, type Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { connectEventStore } from '../src/event-store.provider';

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
    // How every projection writes: update only when the event is newer than what was applied, so a replay is a no-op.
    await Case.updateOne({ caseId: 'c-1', revision: { $lt: 1 } }, { status: 'routed', revision: 1 });
    await Case.updateOne({ caseId: 'c-1', revision: { $lt: 1 } }, { status: 'stale', revision: 1 });
    const found = await Case.findOne({ caseId: 'c-1' }).lean();
    expect(found).toMatchObject({ tenant: 'peshtera', status: 'routed', revision: 1 });
    await expect(Case.create({ caseId: 'c-1', tenant: 'x', status: 'y', revision: 0 })).rejects.toThrow(/duplicate key/);
  });
});

describe('PostgreSQL', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('platform');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('round-trips a row with Cyrillic JSON', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('create table probe (id int primary key, body jsonb not null)');
      await client.query('insert into probe values ($1, $2)', [1, { kind: 'complaint', text: 'Дупка на пътя' }]);
      const { rows } = await client.query('select body from probe where id = 1');
      expect(rows).toEqual([{ body: { kind: 'complaint', text: 'Дупка на пътя' } }]);
    } finally {
      await client.end();
    }
  });

  it('serves as the event store behind EVENT_STORE_URL', async () => {
    const store = await connectEventStore(database.url);
    try {
      const streamName = `case-${randomUUID()}`;
      const event = { id: randomUUID(), type: 'Probe', data: { n: 1 }, metadata: {} };
      await store.appendToStream(streamName, [event], { expectedRevision: 'no-stream' });
      expect((await store.readStream(streamName)).map((e) => e.id)).toEqual([event.id]);
    } finally {
      await store.close();
    }
  });
});
