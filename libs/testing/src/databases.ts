import { Client } from 'pg';
import { uniqueName } from './names';
import { mongoServerUri, postgresServerUrl } from './servers';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL database for one test file, dropped by `drop()`. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const serverUrl = await postgresServerUrl();
  const name = uniqueName(prefix).replace(/-/g, '_');
  await withClient(serverUrl, (c) => c.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withClient(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A MongoDB URI naming a database of this run's own. */
export async function testMongoUri(prefix = 'test'): Promise<string> {
  const url = new URL(await mongoServerUri());
  url.pathname = `/${uniqueName(prefix).replace(/-/g, '_')}`;
  return url.toString();
}
