/**
 * An analytics app inside the test process on the real servers, on ground of its own: a development token
 * issuer, a PostgreSQL database, a clock file, and the service's test environment pointing at them. The
 * harness (the whole service) and the audit app (the audit module alone) both start this way.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { DevIssuer } from '@civic/auth';
import {
  createTestDatabase,
  issuerEnvironment,
  serviceTestEnvironment,
  testClock,
  type TestClock,
  type TestDatabase,
} from '@civic/testing';

export interface TestGround {
  issuer: DevIssuer;
  database: TestDatabase;
  clock: TestClock;
  /** The service's test environment with the issuer, the clock file and the log level. */
  environment: Record<string, string>;
}

export interface InProcessApp {
  app: INestApplication;
  url: string;
  ground: TestGround;
  /** Closes the app, runs `cleanUp` (what the app kept besides the database), then takes the ground away. */
  stop(cleanUp?: () => Promise<void>): Promise<void>;
}

export interface InProcessOptions {
  /** The database's name prefix. */
  database: string;
  /** The name the environment is made for (consumer group, MongoDB database). */
  service: string;
  /** The clock's first instant. */
  now: string;
  showLogs: boolean;
}

/** `create` makes the app on the ground; it is configured, listens on a free port, and is closed again if any of that fails. */
export async function startInProcess(
  options: InProcessOptions,
  create: (ground: TestGround) => Promise<INestApplication>,
  configure: (app: INestApplication) => void = () => undefined,
): Promise<InProcessApp> {
  const issuer = await DevIssuer.start();
  const clock = testClock(options.service, options.now);
  let database: TestDatabase | undefined;
  let app: INestApplication | undefined;
  const stop = async (cleanUp?: () => Promise<void>) => {
    await app?.close().catch(() => undefined);
    await cleanUp?.();
    await database?.drop().catch(() => undefined);
    await issuer.stop().catch(() => undefined);
    clock.remove();
  };
  try {
    database = await createTestDatabase(options.database);
    const environment = {
      ...(await serviceTestEnvironment(options.service, database)),
      LOG_LEVEL: options.showLogs ? 'debug' : 'silent',
      ...issuerEnvironment(issuer),
      CLOCK_FILE: clock.file,
    };
    const ground = { issuer, database, clock, environment };
    app = await create(ground);
    configure(app);
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return { app, url, ground, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
