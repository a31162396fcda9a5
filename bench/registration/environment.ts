import { MongoClient } from 'mongodb';
import { Pool } from 'pg';
import type { DevIssuer } from '@civic/auth';
import { markImported, SUBJECT_KEYS_IMPORT } from '@civic/platform';
import { freePort, issuerEnvironment, kafkaBrokers, mongoServerUri, uniqueName } from '@civic/testing';

/** The MongoDB server the run uses (FerretDB: BENCH_MONGODB_URI, else the local one) with a database of the run's own. */
export async function runMongoUri(serverUri: string | undefined, prefix: string): Promise<string> {
  const url = new URL(serverUri ?? (await mongoServerUri()));
  url.pathname = `/${uniqueName(prefix).replace(/-/g, '_')}`;
  return url.toString();
}

/** intake's settings for a run: the real servers, the run's databases, its issuer's tokens, the system clock, no relay. */
export async function intakeEnvironment(options: {
  databaseUrl: string;
  mongoUri: string;
  issuer: DevIssuer;
  logLevel: string;
}): Promise<Record<string, string>> {
  return {
    HTTP_PORT: String(await freePort()),
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel,
    KAFKA_BROKERS: (await kafkaBrokers()).join(','),
    KAFKA_GROUP_ID: uniqueName('bench-intake'),
    EVENT_STORE_URL: options.databaseUrl,
    MONGODB_URI: options.mongoUri,
    // The relay would publish the run's events to the shared `case-events` topic; bench/relay.bench.ts prices it.
    RELAY_ENABLED: 'false',
    ...issuerEnvironment(options.issuer),
  };
}

/**
 * Readies the run's fresh PostgreSQL database: the services keep their subject keys there (their bookkeeping
 * beside a PostgreSQL event store), and a first start would copy every key of the MongoDB server's shared keys
 * database into it (tests' leftovers): the import is recorded as done instead, so the run starts with none.
 */
export async function prepareRunDatabase(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await markImported(pool, SUBJECT_KEYS_IMPORT, "none: a benchmark run's database of its own", 0);
  } finally {
    await pool.end();
  }
}

/** Drops the run's MongoDB database (its subject keys are in its PostgreSQL database, dropped with it). */
export async function dropRunData(mongoUri: string): Promise<void> {
  const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  try {
    await client.db().dropDatabase();
  } finally {
    await client.close();
  }
}
