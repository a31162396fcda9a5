import 'reflect-metadata';
import { DevIssuer, SEEDED_USERS, type StaffRole } from '@civic/auth';
import { loadConfig } from '@civic/platform';
import { createTestDatabase, freePort, issuerEnvironment, startService, type ServiceProcess, type TestDatabase } from '@civic/testing';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PortalModule } from '../src/app.module';
import { configSchema } from '../src/config';
import { wireHttp } from '../src/http/wire-http';

/** A portal in this test process, on a real port, in front of the intake given. */
export interface RunningPortal {
  url: string;
  close(): Promise<void>;
}

/** Set PORTAL_TEST_LOGS=1 to see the portal's own logs while debugging a test. */
const showLogs = process.env.PORTAL_TEST_LOGS === '1';

export async function startPortal(intakeUrl: string, env: Record<string, string> = {}): Promise<RunningPortal> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig(configSchema, {
    HTTP_PORT: String(port),
    PORTAL_PUBLIC_URL: url,
    INTAKE_URL: intakeUrl,
    LOG_LEVEL: showLogs ? 'debug' : 'silent',
    PORTAL_REQUESTS_PER_MINUTE: '1000',
    PORTAL_POSTS_PER_MINUTE: '1000',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(PortalModule.forRoot(config), {
    bodyParser: false,
    logger: showLogs ? undefined : false,
    abortOnError: false,
  });
  wireHttp(app, config);
  await app.listen(port, '127.0.0.1');
  return { url, close: () => app.close() };
}

/**
 * The real intake as a process (built: `npx nx run intake:build`, which the portal's int target depends on) on a
 * database of the test's own, trusting a development token issuer for the staff's side of a case, and trusting
 * the portal on loopback for the citizen's address (C1).
 */
export class IntakeForPortal {
  private constructor(
    readonly process: ServiceProcess,
    private readonly database: TestDatabase,
    private readonly issuer: DevIssuer,
  ) {}

  static async start(): Promise<IntakeForPortal> {
    const issuer = await DevIssuer.start();
    const database = await createTestDatabase('portal');
    try {
      const intake = await startService('intake', database, {
        ...issuerEnvironment(issuer),
        RELAY_ENABLED: 'false',
        TRUST_PROXY: 'loopback',
        PUBLIC_REQUESTS_PER_MINUTE: '1000',
        PUBLIC_SUBMITS_PER_MINUTE: '1000',
      });
      return new IntakeForPortal(intake, database, issuer);
    } catch (error) {
      await database.drop();
      await issuer.stop();
      throw error;
    }
  }

  get url(): string {
    return this.process.url;
  }

  async stop(): Promise<void> {
    await this.process.stop();
    await this.database.drop();
    await this.issuer.stop();
  }

  /** A call to intake as a seeded member of the tenant's staff. */
  async asStaff<T>(
    role: StaffRole,
    tenant: 'peshtera' | 'sopot',
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const token = await this.issuer.sign(SEEDED_USERS[tenant][role]);
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
}
