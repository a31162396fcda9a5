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
    drop: () => dropDatabase(serverUrl, name),
  };
}

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Drops the database, ending the test's own connections (`with (force)`). An autovacuum worker on it belongs to
 * the server's superuser, which the tests' role may not end: the drop is then tried again until the worker is
 * done, and left undone after that (a stray test database harms nothing; a failed cleanup would fail the test).
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withClient(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
      if (attempt >= 40) {
        process.stderr.write(`test database ${name} left in place: ${(error as Error).message}\n`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
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
