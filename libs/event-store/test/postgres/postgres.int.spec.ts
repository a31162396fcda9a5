import { createTestDatabase, type TestDatabase } from '@civic/testing';
import { PostgresEventStore } from '../../src';
import { describeEventStoreContract } from '../contract/contract';

let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

describeEventStoreContract('PostgreSQL', async () => {
  database ??= await createTestDatabase('es_contract');
  return PostgresEventStore.connect({ url: database.url });
});
