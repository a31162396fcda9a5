import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getContainerRuntimeClient } from 'testcontainers';

/**
 * Where the tests find each real server, in this order:
 *   1. the environment variable (KAFKA_BROKERS, POSTGRES_URL, MONGODB_URI, ESDB_CONNECTION_STRING),
 *      or the same variable in `.local/env.sh` written by `infra/local/servers.sh up`;
 *   2. a testcontainers container, when a Docker engine answers;
 *   3. otherwise an error that says how to start the local servers. Never a silent skip.
 */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const START_HINT = 'start the local servers with `bash infra/local/servers.sh up` (the test command `npm test` does it)';

export class MissingServerError extends Error {
  constructor(server: string, variable: string, hint = START_HINT) {
    super(
      `No ${server} for this test: ${variable} is not set and no Docker engine answers for testcontainers. ` +
        `Set ${variable}, or ${hint}.`,
    );
    this.name = 'MissingServerError';
  }
}

/** A server setting from the environment, else from `.local/env.sh` written by `infra/local/servers.sh up`. */
export function fromEnvironment(variable: string): string | undefined {
  const value = process.env[variable];
  if (value) return value;
  const file = join(WORKSPACE_ROOT, '.local', 'env.sh');
  if (!existsSync(file)) return undefined;
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`export ${variable}=`));
  return line?.slice(`export ${variable}=`.length).replace(/^['"]|['"]$/g, '') || undefined;
}

let docker: Promise<boolean> | undefined;
export function dockerAnswers(): Promise<boolean> {
  docker ??= getContainerRuntimeClient().then(
    () => true,
    () => false,
  );
  return docker;
}

const cache = new Map<string, Promise<string>>();
function resolveServer(server: string, variable: string, start: () => Promise<string>, hint = START_HINT): Promise<string> {
  let found = cache.get(variable);
  if (!found) {
    found = (async () => {
      const configured = fromEnvironment(variable);
      if (configured) return configured;
      if (await dockerAnswers()) return start();
      throw new MissingServerError(server, variable, hint);
    })();
    cache.set(variable, found);
  }
  return found;
}

/** Kafka bootstrap servers as a list. */
export async function kafkaBrokers(): Promise<string[]> {
  const value = await resolveServer('Kafka', 'KAFKA_BROKERS', async () => {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const c = await new KafkaContainer('confluentinc/cp-kafka:7.9.1').withKraft().withReuse().start();
    return `${c.getHost()}:${c.getMappedPort(9093)}`;
  });
  return value.split(',');
}

/** The server-level PostgreSQL URL; use `createTestDatabase` for a database of one's own. */
export function postgresServerUrl(): Promise<string> {
  return resolveServer('PostgreSQL', 'POSTGRES_URL', async () => {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const c = await new PostgreSqlContainer('postgres:16-alpine').withReuse().start();
    return c.getConnectionUri();
  });
}

/** The server-level MongoDB URI (FerretDB here); use `testMongoUri` for a database of one's own. */
export function mongoServerUri(): Promise<string> {
  return resolveServer('MongoDB', 'MONGODB_URI', async () => {
    const { MongoDBContainer } = await import('@testcontainers/mongodb');
    const c = await new MongoDBContainer('mongo:7').withReuse().start();
    return `${c.getConnectionString()}?directConnection=true`;
  });
}

/** EventStoreDB has no native build for these machines: env var or a container, else a clear error. */
export function esdbConnectionString(): Promise<string> {
  return resolveServer(
    'EventStoreDB',
    'ESDB_CONNECTION_STRING',
    async () => {
      const { GenericContainer, Wait } = await import('testcontainers');
      const c = await new GenericContainer('eventstore/eventstore:24.10')
        .withEnvironment({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_RUN_PROJECTIONS: 'None' })
        .withExposedPorts(2113)
        .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
        .withReuse()
        .start();
      return `esdb://${c.getHost()}:${c.getMappedPort(2113)}?tls=false`;
    },
    // The local servers script cannot start EventStoreDB: there is no native build for these machines.
    'run where a Docker engine answers (EventStoreDB has no native build here; the local servers do not include it)',
  );
}

/**
 * Sets consumer groups at the end of `topic` before their services start: the topic is shared by every test run on
 * these servers, and a new group would otherwise read (and skip, one by one) every earlier run's events first,
 * which can delay a test's own by minutes. For tests whose services need no event from before they started.
 */
export async function startGroupsAtTheEnd(groups: readonly string[], topic = 'case-events'): Promise<void> {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ clientId: 'tests-admin', brokers: await kafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return;
    for (const groupId of groups) await admin.resetOffsets({ groupId, topic, earliest: false });
  } finally {
    await admin.disconnect();
  }
}
