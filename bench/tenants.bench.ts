/**
 * 265 municipalities (as many as Bulgaria has): does intake's or the dashboards' latency grow with the number of
 * tenants? intake and analytics run as processes on the real servers. With the five seeds, then after 260 more
 * were registered through the API (each from Sopot's charter under a slug and registry prefix of its own), the
 * same requests are timed one after another, on a seed and on a new tenant: a staff registration
 * (`POST /tenants/:tenant/cases`), the public page (`GET /public/:tenant`) and the dashboard's KPIs
 * (`GET /tenants/:tenant/kpis?by=unit`). The raw baseline is `GET /health/live` of the same process in the same
 * phase: the HTTP floor with nothing per tenant. Run with `bash bench/run.sh tenants`.
 *
 * Knobs: BENCH_TENANTS (265), BENCH_TENANT_REQUESTS (100 per figure), BENCH_MONGODB_URI (default MONGODB_URI).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DevIssuer } from '@civic/auth';
import type { Role } from '@civic/domain';
import { createTestDatabase, eventually, freePort, issuerEnvironment, kafkaBrokers, uniqueName } from '@civic/testing';
import { loadLine, machineLine, postgresLine } from './lib/machine';
import { percentile } from './lib/measure';
import { fixed, ratio } from './lib/report';
import { startService, type BenchService } from './lib/service-process';
import { dropRunData, prepareRunDatabase, runMongoUri } from './registration/environment';
import { registration } from './registration/submissions';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 265);
const REQUESTS = Number(process.env.BENCH_TENANT_REQUESTS ?? 100);
const SOPOT = JSON.parse(readFileSync(join(__dirname, '..', 'libs', 'domain', 'tenants', 'sopot.json'), 'utf8')) as Record<string, unknown>;

/** The n-th new municipality: `bench-n`, registry prefix Z + three letters (no seed's prefix starts with Z). */
function charterOf(n: number): Record<string, unknown> {
  const letters = [Math.floor(n / 676) % 26, Math.floor(n / 26) % 26, n % 26].map((i) => String.fromCharCode(65 + i)).join('');
  return { ...SOPOT, slug: `bench-${n}`, registryPrefix: `Z${letters}`, name: { bg: `Община Бенч ${n}`, en: `Bench ${n} Municipality` } };
}

interface Figure {
  what: string;
  p50: number;
  p95: number;
}

/** `count` requests one after another; each latency in ms. */
async function timed(count: number, request: () => Promise<Response>, expected: number): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const response = await request();
    await response.arrayBuffer();
    samples.push(performance.now() - start);
    if (response.status !== expected) throw new Error(`${response.url} answered ${response.status}, not ${expected}`);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_tenants');
  const issuer = await DevIssuer.start();
  const services: BenchService[] = [];
  const mongoUris: string[] = [];
  try {
    console.log(`# tenants benchmark: 5 → ${TENANTS} municipalities, ${new Date().toISOString()}`);
    console.log(machineLine());
    console.log(await postgresLine(database.url));
    console.log(loadLine());
    await prepareRunDatabase(database.url);
    const brokers = (await kafkaBrokers()).join(',');
    const start = async (name: string, extra: Record<string, string> = {}) => {
      const mongoUri = await runMongoUri(process.env.BENCH_MONGODB_URI || undefined, `bench-tenants-${name}`);
      mongoUris.push(mongoUri);
      const service = await startService(name, {
        HTTP_PORT: String(await freePort()),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: brokers,
        KAFKA_GROUP_ID: uniqueName(`bench-tenants-${name}`),
        EVENT_STORE_URL: database.url,
        MONGODB_URI: mongoUri,
        ...issuerEnvironment(issuer),
        ...extra,
      });
      services.push(service);
      return service;
    };
    const intake = await start('intake', { RELAY_ENABLED: 'false', PUBLIC_REQUESTS_PER_MINUTE: '100000' });
    const analytics = await start('analytics');
    const token = (tenant: string, role: Role) => issuer.sign({ sub: `${tenant}:${role}`, tenant, roles: [role] }, 4 * 3600);
    const operator = await issuer.sign({ sub: 'platform:operator', tenant: 'platform', roles: ['platform-operator'] }, 4 * 3600);

    const measure = async (tenant: string): Promise<Figure[]> => {
      const registrar = await token(tenant, 'registrar');
      const manager = await token(tenant, 'secretary');
      const register = () =>
        fetch(`${intake.url}/tenants/${tenant}/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${registrar}`, 'idempotency-key': randomUUID() },
          body: JSON.stringify(registration()),
        });
      return [
        { what: `raw: intake GET /health/live`, ...(await timed(REQUESTS, () => fetch(`${intake.url}/health/live`), 200)) },
        { what: `registration (${tenant})`, ...(await timed(REQUESTS, register, 201)) },
        { what: `public page (${tenant})`, ...(await timed(REQUESTS, () => fetch(`${intake.url}/public/${tenant}`), 200)) },
        { what: `raw: analytics GET /health/live`, ...(await timed(REQUESTS, () => fetch(`${analytics.url}/health/live`), 200)) },
        {
          what: `dashboard KPIs (${tenant})`,
          ...(await timed(
            REQUESTS,
            () => fetch(`${analytics.url}/tenants/${tenant}/kpis?by=unit`, { headers: { authorization: `Bearer ${manager}` } }),
            200,
          )),
        },
      ];
    };

    const held = async (service: BenchService) =>
      Object.keys(
        (
          (await (await fetch(`${service.url}/health`, { headers: { authorization: `Bearer ${operator}` } })).json()) as {
            details?: { tenants?: { held?: object } };
          }
        ).details?.tenants?.held ?? {},
      ).length;

    const few = await measure('sopot');

    const creating = performance.now();
    const created: number[] = [];
    for (let n = 0; n < TENANTS - 5; n += 1) {
      const began = performance.now();
      const response = await fetch(`${intake.url}/platform/tenants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
        body: JSON.stringify({ charter: charterOf(n), reason: 'benchmark' }),
      });
      if (response.status !== 201) throw new Error(`registering bench-${n} answered ${response.status}: ${await response.text()}`);
      created.push(performance.now() - began);
    }
    const createdMs = performance.now() - creating;
    await eventually(
      () => held(analytics),
      (count) => count >= TENANTS,
      { what: `analytics holding ${TENANTS} tenants`, timeoutMs: 60_000 },
    );
    const everywhereMs = performance.now() - creating;
    created.sort((a, b) => a - b);
    console.log(
      `registered ${TENANTS - 5} municipalities through the API in ${fixed(createdMs / 1000, 1)} s ` +
        `(p50 ${fixed(percentile(created, 0.5), 1)} ms, p95 ${fixed(percentile(created, 0.95), 1)} ms each); ` +
        `analytics held all ${TENANTS} after ${fixed(everywhereMs / 1000, 1)} s\n`,
    );

    const many = await measure('sopot');
    const newest = await measure(`bench-${TENANTS - 6}`);

    console.log(
      `| request (${REQUESTS} one after another) | p50 / p95 with 5 tenants, ms | with ${TENANTS}, ms | ratio p50 ${TENANTS} / 5 | a new tenant's, ms |`,
    );
    console.log('|---|---|---|---|---|');
    few.forEach((figure, i) => {
      const after = many[i];
      const fresh = newest[i];
      console.log(
        `| ${figure.what.replace('(sopot)', '')} | ${fixed(figure.p50, 2)} / ${fixed(figure.p95, 2)} | ${fixed(after.p50, 2)} / ${fixed(after.p95, 2)} | ${ratio(after.p50, figure.p50)} | ${fixed(fresh.p50, 2)} / ${fixed(fresh.p95, 2)} |`,
      );
    });
    console.log(`\n${loadLine()}`);
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
    for (const uri of mongoUris) await dropRunData(uri).catch(() => undefined);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
