/**
 * The analytics service (its real Nest module, nothing copied) inside the benchmark's process, pointed at a
 * data set's event store and at a MongoDB database of the run's own, with a development token issuer and a
 * clock file at the data set's "now". Its HTTP server listens on a free loopback port; every request's
 * server time (first byte in to last byte out) is recorded per route.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DevIssuer } from '@civic/auth';
import { loadConfig } from '@civic/platform';
import { freePort, issuerEnvironment, kafkaBrokers, testClock, uniqueName, type TestClock } from '@civic/testing';
import { MongoClient } from 'mongodb';
import { AnalyticsModule } from '../../services/analytics/src/app.module';
import { configSchema } from '../../services/analytics/src/config';
import { configureAnalyticsHttp } from '../../services/analytics/src/http/openapi';

export interface BenchAnalytics {
  app: INestApplication;
  url: string;
  issuer: DevIssuer;
  /** Server times in ms, per label given by `route` (default: the path without its query). */
  serverTimes: Map<string, number[]>;
  stop(): Promise<void>;
}

export interface BenchAnalyticsOptions {
  /** The data set's event store. */
  eventStoreUrl: string;
  /** The MongoDB database of the read models (and the subject keys the audit decrypts with). */
  mongoUri: string;
  /** The tenants' "today" comes from this instant. */
  now: string;
  env?: Record<string, string>;
  route?: (path: string) => string;
}

export async function startBenchAnalytics(options: BenchAnalyticsOptions): Promise<BenchAnalytics> {
  const issuer = await DevIssuer.start();
  const clock: TestClock = testClock('bench-analytics', options.now);
  let app: INestApplication | undefined;
  try {
    const environment = {
      HTTP_PORT: String(await freePort()),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: (await kafkaBrokers()).join(','),
      KAFKA_GROUP_ID: uniqueName('bench-analytics'),
      EVENT_STORE_URL: options.eventStoreUrl,
      MONGODB_URI: options.mongoUri,
      CLOCK_FILE: clock.file,
      ...issuerEnvironment(issuer),
      ...options.env,
    };
    const config = loadConfig(configSchema, environment);
    app = await NestFactory.create(AnalyticsModule.forRoot(config), { logger: ['error', 'warn'], abortOnError: false });
    const serverTimes = new Map<string, number[]>();
    const route = options.route ?? ((path: string) => path.split('?')[0]);
    app.use((req: { url: string }, res: { on(event: 'finish', listener: () => void): void }, next: () => void) => {
      const started = performance.now();
      res.on('finish', () => {
        const label = route(req.url);
        const times = serverTimes.get(label) ?? [];
        times.push(performance.now() - started);
        serverTimes.set(label, times);
      });
      next();
    });
    configureAnalyticsHttp(app);
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const started = app;
    return {
      app: started,
      url,
      issuer,
      serverTimes,
      stop: async () => {
        await started.close().catch(() => undefined);
        await issuer.stop().catch(() => undefined);
        clock.remove();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await issuer.stop().catch(() => undefined);
    clock.remove();
    throw error;
  }
}

/** Drops a MongoDB database the run made. */
export async function dropMongoDatabase(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
    await client.db().dropDatabase();
  } finally {
    await client.close();
  }
}
