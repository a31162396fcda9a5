import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DevIssuer } from '@civic/auth';
import { CASE_EVENTS_TOPIC, PLATFORM_TOPICS } from '@civic/platform';
import { freePort, issuerEnvironment, kafkaBrokers, uniqueName } from '@civic/testing';
import { Kafka, logLevel } from 'kafkajs';
import { runMongoUri } from '../registration/environment';
import { startService, type BenchService } from '../lib/service-process';

/** The services a submission passes through before it is routed and acknowledged, each as its own process. */
export interface LatencyPlatform {
  intake: BenchService;
  routing: BenchService;
  notification: BenchService;
  /** Every MongoDB database the run made, to drop afterwards. */
  mongoUris: string[];
  stop(): Promise<void>;
}

const PIPELINE = ['intake', 'routing', 'notification'] as const;

/**
 * intake with its relay to `case-events` (as `npm start` runs it), routing and notification consuming it, on
 * the run's own event store and MongoDB databases and the local Kafka, mail and SMPP servers. The consumers'
 * groups are new, and `case-events` is shared with every test and earlier run: their offsets are set to the
 * topic's end first, so they do not start by working through its history (`fromBeginning`), which would
 * measure the backlog instead of the pipeline.
 */
export async function startLatencyPlatform(options: {
  databaseUrl: string;
  mongoServerUri: string | undefined;
  issuer: DevIssuer;
}): Promise<LatencyPlatform> {
  const brokers = await kafkaBrokers();
  const journal = mkdtempSync(join(tmpdir(), 'bench-latency-journal-'));
  const started: BenchService[] = [];
  const mongoUris: string[] = [];
  try {
    const groups = Object.fromEntries(PIPELINE.map((service) => [service, uniqueName(`bench-latency-${service}`)]));
    await skipHistory(brokers, [groups.routing, groups.notification]);
    for (const service of PIPELINE) {
      const mongoUri = await runMongoUri(options.mongoServerUri, `bench-latency-${service}`);
      mongoUris.push(mongoUri);
      const env: Record<string, string> = {
        HTTP_PORT: String(await freePort()),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_GROUP_ID: groups[service],
        EVENT_STORE_URL: options.databaseUrl,
        MONGODB_URI: mongoUri,
        NOTIFICATION_JOURNAL_DIR: journal,
        ...passThrough(['SMTP_URL', 'SMPP_URL']),
        ...issuerEnvironment(options.issuer),
      };
      started.push(await startService(service, env));
    }
  } catch (error) {
    await Promise.all(started.map((service) => service.stop()));
    rmSync(journal, { recursive: true, force: true });
    throw error;
  }
  const [intake, routing, notification] = started;
  return {
    intake,
    routing,
    notification,
    mongoUris,
    stop: async () => {
      await Promise.all(started.map((service) => service.stop()));
      rmSync(journal, { recursive: true, force: true });
    },
  };
}

/** The local servers' settings from the environment (bench/run.sh sources .local/env.sh). */
function passThrough(names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])));
}

/** Commits each group's offsets at the topic's current end (the topic made first, as the services would). */
async function skipHistory(brokers: string[], groupIds: string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-latency', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = PLATFORM_TOPICS.filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
    const ends = await admin.fetchTopicOffsets(CASE_EVENTS_TOPIC);
    for (const groupId of groupIds) {
      await admin.setOffsets({
        groupId,
        topic: CASE_EVENTS_TOPIC,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
