import { createTestDatabase, type TestDatabase } from '@civic/testing';
import { Pool } from 'pg';
import { InvalidSchemaNameError, PostgresEventStore, StreamNotFoundError } from '../../src';
import { anEvent, newStream } from '../contract/helpers';

describe('PostgreSQL event-store schema', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('es_schema');
    pool = new Pool({ connectionString: database.url });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('is created once when several processes connect at the same moment, with the agreed tables and columns', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => PostgresEventStore.connect({ url: database.url })));
    await Promise.all(stores.map((s) => s.close()));
    const { rows } = await pool.query<{ table_name: string; column_name: string; data_type: string }>(
      `select table_name, column_name, data_type from information_schema.columns
       where table_schema = 'event_store' order by table_name, ordinal_position`,
    );
    expect(rows.map((r) => `${r.table_name}.${r.column_name}:${r.data_type}`)).toEqual([
      'events.global_position:bigint',
      'events.transaction_id:xid8',
      'events.event_id:uuid',
      'events.stream_name:text',
      'events.stream_revision:bigint',
      'events.event_type:text',
      'events.data:jsonb',
      'events.metadata:jsonb',
      'events.recorded_at:timestamp with time zone',
      'streams.stream_name:text',
      'streams.revision:bigint',
      'streams.metadata:jsonb',
    ]);
    const { rows: indexes } = await pool.query(`select indexdef from pg_indexes where schemaname = 'event_store'`);
    expect(indexes.map((i) => i.indexdef)).toContainEqual(expect.stringContaining('(transaction_id, global_position)'));
  });

  it('two schemas in one database are two separate stores', async () => {
    const [left, right] = await Promise.all([
      PostgresEventStore.connect({ url: database.url, schema: 'left_store' }),
      PostgresEventStore.connect({ url: database.url, schema: 'right_store' }),
    ]);
    try {
      const stream = newStream();
      await left.appendToStream(stream, [anEvent()], { expectedRevision: 'no-stream' });
      await expect(right.readStream(stream)).rejects.toThrow(StreamNotFoundError);
      await right.appendToStream(stream, [anEvent()], { expectedRevision: 'no-stream' });
    } finally {
      await Promise.all([left.close(), right.close()]);
    }
  });

  it('refuses a schema name it could not safely put into SQL', async () => {
    await expect(PostgresEventStore.connect({ url: database.url, schema: 'x"; drop table y; --' })).rejects.toThrow(InvalidSchemaNameError);
  });
});
