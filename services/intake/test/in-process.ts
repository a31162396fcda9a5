import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DevIssuer } from '@civic/auth';
import { loadConfig, secureHttp } from '@civic/platform';
import {
  createTestDatabase,
  issuerEnvironment,
  serviceTestEnvironment,
  TEST_NOW,
  testClock,
  type TestClock,
  type TestDatabase,
} from '@civic/testing';
import { IntakeModule } from '../src/app.module';
import { configSchema } from '../src/config';
import { configureIntakeHttp } from '../src/http/openapi';

/** intake inside the test process on the real servers, for tests that need the app object itself. */
export interface IntakeInProcess {
  app: INestApplication;
  url: string;
  issuer: DevIssuer;
  /** intake's own clock (its CLOCK_FILE): it stands at TEST_NOW, two weeks after the desk's cases are received, until a test moves it. */
  clock: TestClock;
  close(): Promise<void>;
}

/** Set INTAKE_TEST_LOGS=1 to see the app's own logs while debugging a test. */
const showLogs = process.env.INTAKE_TEST_LOGS === '1';

/** `env`: settings over the test defaults (e.g. a low rate limit, Open311 API keys). */
export async function startIntakeInProcess(env: Record<string, string> = {}): Promise<IntakeInProcess> {
  const issuer = await DevIssuer.start();
  const clock = testClock('intake', TEST_NOW);
  let database: TestDatabase | undefined;
  let app: INestApplication | undefined;
  try {
    database = await createTestDatabase('intake_in_process');
    const config = loadConfig(configSchema, {
      ...(await serviceTestEnvironment('intake', database)),
      LOG_LEVEL: showLogs ? 'debug' : 'silent',
      RELAY_ENABLED: 'false',
      CLOCK_FILE: clock.file,
      ...issuerEnvironment(issuer),
      ...env,
    });
    // As the service starts (runService): the platform's headers, CORS policy and body limits first.
    const created = await NestFactory.create<NestExpressApplication>(IntakeModule.forRoot(config), {
      logger: showLogs ? undefined : false,
      abortOnError: false,
      bodyParser: false,
    });
    app = created;
    secureHttp(created, config);
    configureIntakeHttp(app);
    await app.listen(0, '127.0.0.1');
    const started = app;
    const db = database;
    return {
      app,
      url: await app.getUrl(),
      issuer,
      clock,
      close: async () => {
        await started.close();
        await db.drop();
        await issuer.stop();
        clock.remove();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.drop().catch(() => undefined);
    await issuer.stop();
    clock.remove();
    throw error;
  }
}
