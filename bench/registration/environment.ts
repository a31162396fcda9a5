import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import type { DevIssuer } from '@civic/auth';
import { SUBJECT_KEYS_COLLECTION, SUBJECT_KEYS_DATABASE } from '@civic/event-store';
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

/** How many subject keys the server holds: every key lookup on FerretDB's SQLite backend that is not by `_id` reads them all. */
export async function subjectKeyCount(mongoUri: string): Promise<number> {
  const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  try {
    return await client.db(SUBJECT_KEYS_DATABASE).collection(SUBJECT_KEYS_COLLECTION).estimatedDocumentCount();
  } finally {
    await client.close();
  }
}

/**
 * Drops the run's MongoDB database and deletes the subject keys its registrations made (they live in the
 * server's shared keys database, which tests use too): the data subjects are read from the run's events.
 */
export async function dropRunData(mongoUri: string, databaseUrl: string): Promise<number> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  let subjects: string[] = [];
  try {
    const { rows } = await pg.query<{ subject: string }>(
      `select distinct metadata->>'dataSubjectId' as subject from event_store.events where metadata ? 'dataSubjectId'`,
    );
    subjects = rows.map((row) => row.subject);
  } catch {
    // no event store schema: nothing was registered
  } finally {
    await pg.end();
  }
  const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  try {
    await client.db().dropDatabase();
    const keys = client.db(SUBJECT_KEYS_DATABASE).collection(SUBJECT_KEYS_COLLECTION);
    for (let i = 0; i < subjects.length; i += 500) await keys.deleteMany({ subjectId: { $in: subjects.slice(i, i + 500) } });
    return subjects.length;
  } finally {
    await client.close();
  }
}
