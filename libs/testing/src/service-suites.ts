import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { z } from 'zod';
import { composeEnvironment } from './compose';
import { createTestDatabase, testMongoUri, type TestDatabase } from './databases';
import { eventually } from './eventually';
import { uniqueName } from './names';
import { freePort, spawnService, TEST_HEALTH_PROBE_SECRET, waitForHealthy, type ServiceProcess } from './processes';
import { kafkaBrokers } from './servers';

/** docker-compose.yml must give the service an environment its config schema accepts. */
export function describeServiceConfig(service: string, schema: z.ZodTypeAny): void {
  describe(`${service} configuration`, () => {
    it('accepts the environment docker-compose.yml gives it', () => {
      const result = schema.safeParse(composeEnvironment(service));
      expect(result.success ? [] : result.error.issues).toEqual([]);
    });

    it('runs it in docker-compose.yml as a development deployment, since the stack holds development values', () => {
      // The image says NODE_ENV=production; without this the service would refuse the development realm and secrets.
      expect(composeEnvironment(service).DEPLOYMENT).toBe('development');
    });

    it('requires the connections to Kafka, the event store and MongoDB', () => {
      const result = schema.safeParse({});
      const missing = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
      expect(missing).toEqual(expect.arrayContaining(['KAFKA_BROKERS', 'EVENT_STORE_URL', 'MONGODB_URI']));
    });
  });
}

/**
 * Where the services' clock stands in a test that does not set one itself: a fixed Monday, so that no test
 * depends on the day it runs (receipt dates, terms, the two-year bar, registry-number years). A test that
 * moves time passes a `testClock` of its own as CLOCK_FILE.
 */
export const TEST_NOW = '2026-11-16T09:00:00.000Z';

let standingClock: TestClock | undefined;
/** One clock file at TEST_NOW per test process, never moved, removed when the process ends. */
export function standingTestClock(): TestClock {
  if (!standingClock) {
    const clock = testClock('standing', TEST_NOW);
    process.once('exit', () => clock.remove());
    standingClock = clock;
  }
  return standingClock;
}

/** The environment a service gets in the e2e tier: the real local servers, names of this run's own, the clock at TEST_NOW. */
export async function serviceTestEnvironment(service: string, database: TestDatabase): Promise<Record<string, string>> {
  return {
    CLOCK_FILE: standingTestClock().file,
    HTTP_PORT: String(await freePort()),
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    KAFKA_BROKERS: (await kafkaBrokers()).join(','),
    KAFKA_GROUP_ID: uniqueName(service),
    EVENT_STORE_URL: database.url,
    MONGODB_URI: await testMongoUri(service),
    // Where MongoDB kept subject keys before they moved to PostgreSQL: a name of this run's own, so a service's
    // first start on the test's fresh database imports nothing rather than every earlier run's keys.
    SUBJECT_KEYS_DATABASE: uniqueName('keys').replace(/-/g, '_'),
    // Tokens are checked only when a request carries one: tests that call protected endpoints start a
    // DevIssuer (@civic/auth) and override these with `issuerEnvironment(issuer)`.
    AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    AUTH_ISSUER: 'http://127.0.0.1:9',
    // What waitForHealthy sends to read /health's details; anyone else gets the overall status alone.
    HEALTH_PROBE_SECRET: TEST_HEALTH_PROBE_SECRET,
  };
}

/** What a service needs to know of a test's token issuer: the fields of DevIssuer (@civic/auth) it checks tokens by. */
export interface TestTokenIssuer {
  jwksUrl: string;
  issuer: string;
  audience: string;
}

/** The settings that make a service (a process or an app in the test) accept the tokens of the test's issuer. */
export function issuerEnvironment(issuer: TestTokenIssuer): Record<string, string> {
  return { AUTH_JWKS_URL: issuer.jwksUrl, AUTH_ISSUER: issuer.issuer, AUTH_AUDIENCE: issuer.audience };
}

/**
 * The service as a process on the test's database (serviceTestEnvironment, with `env` over it), once its
 * /health answers. One that never does is killed before the error is thrown: no process outlives its test.
 */
export async function startService(service: string, database: TestDatabase, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const running = spawnService(service, { ...(await serviceTestEnvironment(service, database)), ...env });
  try {
    await waitForHealthy(running);
  } catch (error) {
    await running.stop('SIGKILL');
    throw error;
  }
  return running;
}

/** The file a service's CLOCK_FILE names (the platform's clock reads it on every call): the test's hand on time. */
export interface TestClock {
  file: string;
  set(instant: string): void;
  /** The instant the file holds now: what the services that read it take as now. */
  now(): Date;
  /** Removes the file and its folder. */
  remove(): void;
}

export function testClock(prefix: string, now: string): TestClock {
  const folder = mkdtempSync(join(tmpdir(), `${prefix}-clock-`));
  const file = join(folder, 'now');
  const set = (instant: string) => writeFileSync(file, `${instant}\n`);
  set(now);
  return {
    file,
    set,
    now: () => new Date(readFileSync(file, 'utf8').trim()),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * The service as a process on the real servers: it starts, its consumer group joins Kafka, its health
 * reports each dependency up, it logs JSON, and SIGTERM stops it cleanly; bad config stops it at once.
 */
export function describeServiceProcess(service: string): void {
  describe(`${service} as a process`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    let running: ServiceProcess;

    beforeAll(async () => {
      database = await createTestDatabase(service.replace(/-/g, '_'));
      env = await serviceTestEnvironment(service, database);
      running = spawnService(service, env);
    });

    afterAll(async () => {
      await running?.stop('SIGKILL');
      await database?.drop();
    });

    it('reports healthy with Kafka, the event store and MongoDB connected', async () => {
      const health = await waitForHealthy(running);
      expect(health.status).toBe('ok');
      expect(health.details).toMatchObject({
        kafka: { status: 'up' },
        'event-store': { status: 'up', kind: 'postgres' },
        mongodb: { status: 'up' },
      });
      // Without credentials: the overall status alone (issue 21, item 11).
      expect(await (await fetch(`${running.url}/health`)).json()).toEqual({ status: 'ok' });
    });

    it('has its Kafka consumer group subscribed to case-events', async () => {
      const kafka = new Kafka({ brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      try {
        const state = await eventually(
          async () => (await admin.describeGroups([env.KAFKA_GROUP_ID])).groups[0]?.state,
          (s) => s === 'Stable',
          { what: `consumer group ${env.KAFKA_GROUP_ID} stable` },
        );
        expect(state).toBe('Stable');
      } finally {
        await admin.disconnect();
      }
    });

    it('exposes Prometheus metrics at /metrics: HTTP by route template, its consumer lag, Node figures, all labelled with the service', async () => {
      await fetch(`${running.url}/no-such-route/4b0c2f0e-8f1e-4c53-9d3c-6f0f1f6c2a11`);
      const answer = await fetch(`${running.url}/metrics`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      // Kafka's figures are read at scrape time without holding the scrape: the first may come before them.
      const text = await eventually(
        async () => (await fetch(`${running.url}/metrics`)).text(),
        (body) => body.includes('civic_kafka_consumer_lag_messages{'),
        { what: 'the consumer lag in /metrics' },
      );
      expect(text).toContain('# TYPE civic_http_requests_total counter');
      expect(text).toContain('# TYPE civic_http_request_duration_seconds histogram');
      expect(text).toMatch(new RegExp(`^civic_process_cpu_seconds_total\\{service="${service}"\\} \\d`, 'm'));
      // A route template, never the URL: the id of the request above appears nowhere.
      expect(text).toContain(`civic_http_requests_total{route="unmatched",method="GET",status_class="4xx",service="${service}"} 1`);
      expect(text).not.toContain('4b0c2f0e');
      // Probes and scrapes are not counted as traffic.
      expect(text).not.toMatch(/route="\/(health|metrics)/);
      const lag = [
        ...text.matchAll(
          /^civic_kafka_consumer_lag_messages\{group="([^"]+)",topic="case-events",partition="(\d+)",service="([^"]+)"\} (\d+)$/gm,
        ),
      ];
      expect(lag.map((m) => [m[1], m[3]])).toEqual(lag.map(() => [env.KAFKA_GROUP_ID, service]));
      expect(lag.map((m) => Number(m[2])).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('logs structured JSON naming the service and where it listens', () => {
      const listening = running.logs().find((line) => String(line.msg).includes('listening on'));
      expect(listening).toMatchObject({ service, url: running.url });
    });

    it("hardens its HTTP answers (libs/platform's secureHttp): security headers, no CORS, 413 in the platform error body", async () => {
      const health = await fetch(`${running.url}/health`, { headers: { origin: 'https://evil.example' } });
      expect(health.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${running.url}/health`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(403);
      // Over every service's HTTP_BODY_LIMIT_BYTES: refused before any route or guard.
      const oversized = await fetch(`${running.url}/tenants/peshtera/anything`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(300_000) }),
      });
      expect(oversized.status).toBe(413);
      expect(oversized.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(await oversized.json()).toEqual({
        statusCode: 413,
        errors: [{ field: 'body', reason: expect.stringMatching(/^is larger than \d+ bytes$/) }],
      });
    });

    it('stops cleanly on SIGTERM', async () => {
      expect(await running.stop('SIGTERM')).toBe(0);
      expect(running.logs().map((line) => line.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
    });

    it('refuses to start without a required setting, naming it', async () => {
      const { KAFKA_BROKERS: _omitted, ...incomplete } = env;
      const broken = spawnService(service, { ...incomplete, HTTP_PORT: 'not-a-port' });
      expect(await broken.exited).toBe(78);
      expect(broken.output()).toMatch(/KAFKA_BROKERS: is required/);
      expect(broken.output()).toMatch(/HTTP_PORT: must be a port number/);
    });

    it('refuses to start in production on a development value, naming it', async () => {
      // The test's development issuer, on this machine, is a development value (libs/platform/src/deployment.ts).
      const production = spawnService(service, { ...env, DEPLOYMENT: 'production' });
      expect(await production.exited).toBe(78);
      expect(production.output()).toMatch(/AUTH_JWKS_URL: names an issuer on this machine .*production must trust/);
    });
  });
}
