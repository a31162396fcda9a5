// Readiness probe for the local Kafka broker: a real round trip through a
// throwaway topic (create, produce, consume with a group, delete).
// Usage: node infra/local/probe-kafka.mjs [brokers]   (default 127.0.0.1:9092)
// Env: PROBE_TIMEOUT_MS (default 60000). Exit 0 = broker works.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Resolve packages from the repo's node_modules, wherever this is run from.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repoRoot, 'package.json'));

function load(name) {
  try {
    return require(name);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    console.error(`probe-kafka: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

const { Kafka, logLevel, Partitioners } = load('kafkajs');

const brokers = (process.argv[2] ?? '127.0.0.1:9092').split(',');
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 60000);
const deadline = Date.now() + timeoutMs;
const id = `${Date.now()}-${process.pid}`;
const topic = `civic-probe-${id}`;
const payload = `probe ${id}`;

// Quiet client: during startup kafkajs logs every retry; we report the final error only.
const kafka = new Kafka({
  clientId: 'civic-local-probe',
  brokers,
  logLevel: logLevel.NOTHING,
  retry: { initialRetryTime: 200, retries: 8 },
});

async function roundTrip() {
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `civic-probe-${id}` });
  try {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });

    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'probe', value: payload }] });

    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            if (message.value?.toString() === payload) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.deleteGroups([`civic-probe-${id}`]).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

const timer = setTimeout(() => {
  console.error(`probe-kafka: no round trip through ${brokers.join(',')} within ${timeoutMs} ms`);
  process.exit(1);
}, Math.max(deadline - Date.now(), 1000));

// Retry whole attempts: right after start the broker may refuse metadata calls.
let lastError;
while (Date.now() < deadline) {
  try {
    await roundTrip();
    clearTimeout(timer);
    console.error(`probe-kafka: produced and consumed a message on ${brokers.join(',')}`);
    process.exit(0);
  } catch (err) {
    lastError = err;
    await new Promise((r) => setTimeout(r, 500));
  }
}
console.error(`probe-kafka: failed: ${lastError?.message ?? 'timeout'}`);
process.exit(1);
