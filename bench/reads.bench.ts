/**
 * analytics's reads over HTTP under load from a second process (autocannon): the case list page, a work
 * queue, the KPIs by unit, kind and month, the annual report (CSV and PDF), over the read model of a data
 * set (built first by the service's own rebuild); and the auditor's history and state-as-of of a
 * 100-event case. Server time per request is taken inside the service (first byte in to last byte out);
 * p50/p95 of it, and autocannon's own client-side figures.
 *
 * Raw baselines in the same run: for the model's reads, fetching and decoding the tenant's buckets with the
 * bare driver (what every list/KPI request reads); for the auditor, selecting the case's 100 rows with bare
 * `pg`. The 100-event case is written by the bench through the service's CASE_COMMANDS into a fresh event
 * store of its own (the data set stays as generated; a stream's read does not depend on the store's size).
 *
 * Run with `bash bench/run.sh reads`. Knobs: BENCH_DATASET (small | national | a number of cases; default
 * small), BENCH_SEED (1), BENCH_SECONDS (10 per endpoint), BENCH_CONNECTIONS (4), BENCH_AUDIT_CONNECTIONS (1),
 * BENCH_TENANT (default: the tenant with the most cases), BENCH_SERVICE_NODE_FLAGS (node flags of the service
 * run as its own process).
 */
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import type { CaseCommandBody, Role } from '@civic/domain';
import { CASE_COMMANDS, caseCommand, type CaseCommands } from '@civic/platform';
import { createTestDatabase, testMongoUri, type TestDatabase } from '@civic/testing';
import { DEFAULT_NOW, olderKeys } from './dataset';
import { dropMongoDatabase, startBenchAnalytics, type BenchAnalytics } from './analytics/app';
import { autocannon, serverPercentiles, type LoadResult } from './analytics/load';
import { caughtUpLiveModel, openBenchDataset, rebuild } from './analytics/model';
import { startServiceProcess } from './analytics/process';
import { BenchSetupError } from './lib/errors';
import { loadLine } from './lib/machine';
import { percentile } from './lib/measure';
import { fixed, ratio } from './lib/report';
import { numberSetting } from './lib/settings';
import { bucketFromDocument, type BucketDocument } from '../services/analytics/src/projection/case-rows';
import { RebuildService } from '../services/analytics/src/rebuild/rebuild.service';
import type { MonthsIndex } from '../services/analytics/src/projection/generation-store';

const AUDIT_EVENTS = 100;
const RAW_REPEATS = 30;

interface Row {
  endpoint: string;
  load: LoadResult;
  server: { p50: number; p95: number; count: number };
  raw: { label: string; p50: number; p95: number };
}

function sampleRss(): { stop(): number } {
  let peak = 0;
  const take = () => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20));
  const timer = setInterval(take, 100);
  take();
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

async function timeRepeated(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < RAW_REPEATS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/** A case of exactly 100 events: registered, handled, then 48 requests for information and replies. */
function hundredEventCase(tenant: string, caseId: string, subject: string, registryNumber: string) {
  const steps: { command: CaseCommandBody; role: Role }[] = [
    {
      role: 'registrar',
      command: {
        type: 'RegisterCase',
        data: {
          kind: 'complaint',
          channel: 'web-form',
          receivedAt: '2026-01-05T08:00:00.000Z',
          registryNumber,
          category: 'roads-lighting',
          submitter: { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg' },
          text: 'Уличното осветление на ул. „Лилия“ не работи.',
          attachments: [],
          healthSafetyThreat: false,
          language: 'bg',
        },
      } as CaseCommandBody,
    },
    { role: 'registrar', command: { type: 'ScreenCase', data: { outcome: 'accept' } } as CaseCommandBody },
    {
      role: 'system',
      command: { type: 'RouteCase', data: { unit: 'public-works', ruleId: 'bench', ruleVersion: 1, urgent: false } } as CaseCommandBody,
    },
    { role: 'system', command: { type: 'AssignCase', data: { officerId: 'public-works-1' } } as CaseCommandBody },
  ];
  while (steps.length < AUDIT_EVENTS) {
    steps.push({
      role: 'officer',
      command: { type: 'RequestInformation', data: { missing: 'адрес на обекта', pausesClock: true } } as CaseCommandBody,
    });
    steps.push({
      role: 'citizen',
      command: { type: 'ProvideInformation', data: { text: 'ул. „Лилия“ 5', attachments: [] } } as CaseCommandBody,
    });
  }
  const start = Date.parse('2026-01-05T08:00:00.000Z');
  return steps.map((step, i) =>
    caseCommand(step.command, {
      tenant,
      caseId,
      actor: { id: `${tenant}:${step.role}`, role: step.role },
      commandId: randomUUID(),
      correlationId: `bench-${caseId}`,
      now: new Date(start + i * 3_600_000).toISOString(),
      dataSubjectId: subject,
    }),
  );
}

async function measure(
  analytics: BenchAnalytics,
  endpoint: string,
  token: string,
  raw: Row['raw'],
  settings: { seconds: number; connections: number },
): Promise<Row> {
  const label = endpoint.split('?')[0];
  const check = await fetch(`${analytics.url}${endpoint}`, { headers: { authorization: `Bearer ${token}` } });
  if (check.status !== 200) throw new BenchSetupError(`GET ${endpoint}: ${check.status} ${await check.text()}`);
  await check.arrayBuffer();
  analytics.serverTimes.clear();
  const load = await autocannon({ url: `${analytics.url}${endpoint}`, token, ...settings });
  const times = [...analytics.serverTimes.entries()].filter(([path]) => path === label).flatMap(([, t]) => t);
  return { endpoint, load, server: serverPercentiles(times), raw };
}

async function main(): Promise<void> {
  const settings = {
    seconds: Math.round(numberSetting('BENCH_SECONDS', 10)),
    connections: Math.round(numberSetting('BENCH_CONNECTIONS', 4)),
  };
  const { dataset, end } = await openBenchDataset('reads benchmark');
  const { names } = dataset;

  const mongoUri = await testMongoUri('bench-reads');
  const auditMongoUri = await testMongoUri('bench-reads-audit');
  let auditDatabase: TestDatabase | undefined;
  let analytics: BenchAnalytics | undefined;
  let auditApp: BenchAnalytics | undefined;
  const mongo = new MongoClient(mongoUri);
  try {
    await mongo.connect();
    await caughtUpLiveModel(mongoUri, end);
    analytics = await startBenchAnalytics({ eventStoreUrl: names.pgUrl, mongoUri, now: DEFAULT_NOW, env: olderKeys(names) });
    const built = await rebuild(analytics.app.get(RebuildService));
    console.log(
      `data set ${names.database}: ${end.count} case events; read model built by a rebuild in ${fixed(built.wallMs / 1000, 1)} s ` +
        `(${fixed((end.count * 1000) / built.wallMs, 0)} events/s)`,
    );

    // The tenant with the most cases, and the last whole year of the data set.
    const buckets = mongo.db().collection<BucketDocument>(`analytics_rows_${built.progress.generation}`);
    const counts = new Map<string, number>();
    for (const doc of await buckets.find({}, { projection: { tenant: 1, count: 1 } }).toArray()) {
      counts.set(doc.tenant, (counts.get(doc.tenant) ?? 0) + doc.count);
    }
    const tenant = process.env.BENCH_TENANT ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!tenant) throw new BenchSetupError('the read model has no tenant');
    const year = Number(DEFAULT_NOW.slice(0, 4)) - 1;
    console.log(
      `tenant ${tenant}: ${counts.get(tenant)} cases (all tenants: ${[...counts].map(([t, n]) => `${t} ${n}`).join(', ')}); report year ${year}`,
    );

    // Raw: the tenant's buckets by id with the bare driver, decoded (what a list or KPI request reads).
    const index = await mongo.db().collection<MonthsIndex>(`analytics_months_${built.progress.generation}`).findOne({ _id: tenant });
    const months = Object.keys(index?.versions ?? {}).sort();
    const readBuckets = (wanted: string[]) =>
      Promise.all(wanted.map((month) => buckets.findOne({ _id: `${tenant}|${month}` }))).then((docs) =>
        docs.flatMap((doc) => (doc ? [...bucketFromDocument(doc).rows.values()] : [])),
      );
    const rawAll = { label: `${months.length} buckets by id + decode`, ...(await timeRepeated(() => readBuckets(months))) };
    const yearMonths = months.filter((month) => month.startsWith(`${year}-`));
    const rawYear = { label: `${yearMonths.length} buckets by id + decode`, ...(await timeRepeated(() => readBuckets(yearMonths))) };
    // What the live projector pays per case: one case document by id, in a collection of every case.
    const cases = mongo.db().collection<{ _id: string }>(`analytics_cases_${built.progress.generation}`);
    const someCase = (await cases.findOne({}, { projection: { _id: 1 } }))?._id;
    const byId = await timeRepeated(() => cases.findOne({ _id: someCase ?? '' }));
    console.log(
      `one case document by _id (the one query FerretDB pushes down), in ${counts.size} tenants' ` +
        `${[...counts.values()].reduce((a, b) => a + b, 0)} cases: p50 ${fixed(byId.p50, 1)} ms, p95 ${fixed(byId.p95, 1)} ms`,
    );

    const reader = await analytics.issuer.sign({ sub: `${tenant}:mayor`, tenant, roles: ['mayor'] });
    const endpoints: [string, Row['raw']][] = [
      [`/tenants/${tenant}/cases`, rawAll],
      [`/tenants/${tenant}/cases?status=Assigned,Routed&sort=dueDate&pageSize=50`, rawAll],
      [`/tenants/${tenant}/kpis?by=unit`, rawAll],
      [`/tenants/${tenant}/kpis?by=kind`, rawAll],
      [`/tenants/${tenant}/kpis?by=month`, rawAll],
      [`/tenants/${tenant}/kpis?by=month&from=${year}-01-01&to=${year}-12-31`, rawYear],
      [`/tenants/${tenant}/reports/${year}.csv`, rawYear],
      [`/tenants/${tenant}/reports/${year}.pdf`, rawYear],
    ];
    console.log(loadLine());
    console.log('');
    console.log(
      `| endpoint | requests | req/s | server p50 ms | server p95 ms | client p50 ms | client p97.5 ms | non-2xx | raw baseline | raw p50 ms | server p50 vs raw |`,
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|');
    const print = (row: Row, caseId = '') =>
      console.log(
        `| ${row.endpoint.replace(caseId || '\u0000', ':id').replace(tenant, ':t')} | ${row.load.requests} | ${fixed(row.load.requestsPerSecond, 1)} | ` +
          `${fixed(row.server.p50, 1)} | ${fixed(row.server.p95, 1)} | ${fixed(row.load.p50, 0)} | ${fixed(row.load.p97_5, 0)} | ` +
          `${row.load.non2xx + row.load.errors} | ${row.raw.label} | ${fixed(row.raw.p50, 1)} | ${ratio(row.server.p50, row.raw.p50)} |`,
      );
    const rss = sampleRss();
    for (const [endpoint, raw] of endpoints) {
      // A PDF takes its time: fewer at once, and fewer.
      const pdf = endpoint.endsWith('.pdf');
      const load = pdf ? { ...settings, connections: 1 } : settings;
      print(await measure(analytics, endpoint, reader, raw, load));
    }

    // The auditor: a 100-event case in a fresh store of its own.
    auditDatabase = await createTestDatabase('bench-reads-audit');
    auditApp = await startBenchAnalytics({
      eventStoreUrl: auditDatabase.url,
      mongoUri: auditMongoUri,
      now: DEFAULT_NOW,
    });
    const caseId = randomUUID();
    const commands = auditApp.app.get<CaseCommands>(CASE_COMMANDS);
    for (const command of hundredEventCase(tenant, caseId, randomUUID(), 'BENCH-2026-000001')) {
      const outcome = await commands.handle(command);
      if (!outcome.ok) throw new BenchSetupError(`${command.type}: ${outcome.rejection.type}`);
    }
    const pg = new Client({ connectionString: auditDatabase.url });
    await pg.connect();
    const rawStream = await timeRepeated(() =>
      pg.query(`select * from event_store.events where stream_name = $1 order by stream_revision`, [`case-${caseId}`]).then((result) => {
        if (result.rowCount !== AUDIT_EVENTS) throw new BenchSetupError(`the case has ${result.rowCount} events, not ${AUDIT_EVENTS}`);
      }),
    );
    await pg.end();
    const auditor = await auditApp.issuer.sign({ sub: `${tenant}:auditor`, tenant, roles: ['auditor'] });
    const rawAudit = { label: `select of the ${AUDIT_EVENTS} rows (pg)`, ...rawStream };
    // One auditor at a time (BENCH_AUDIT_CONNECTIONS): the goal is a request's own server time, not a queue's.
    const auditLoad = { ...settings, connections: Math.round(numberSetting('BENCH_AUDIT_CONNECTIONS', 1)) };
    print(await measure(auditApp, `/tenants/${tenant}/audit/cases/${caseId}/history`, auditor, rawAudit, auditLoad), caseId);
    print(await measure(auditApp, `/tenants/${tenant}/audit/cases/${caseId}/state?revision=50`, auditor, rawAudit, auditLoad), caseId);
    const peakRss = rss.stop();

    // The service as its own process (as `npm start` runs it) on the same model, the same load: its own memory.
    await analytics.stop();
    await auditApp.stop();
    analytics = undefined;
    auditApp = undefined;
    const service = await startServiceProcess({ eventStoreUrl: names.pgUrl, mongoUri, now: DEFAULT_NOW, env: olderKeys(names) });
    let serviceRss = { idle: Number.NaN, peak: Number.NaN, requests: 0 };
    try {
      const token = await service.issuer.sign({ sub: `${tenant}:mayor`, tenant, roles: ['mayor'] });
      const idle = service.rssMb();
      const sampled = service.sampleRss();
      let requests = 0;
      for (const [endpoint] of endpoints.filter(([endpoint]) => !endpoint.endsWith('.pdf'))) {
        requests += (await autocannon({ url: `${service.url}${endpoint}`, token, ...settings })).requests;
      }
      serviceRss = { idle, peak: sampled.stop(), requests };
    } finally {
      await service.stop();
    }

    console.log('');
    console.log(
      `load: ${settings.connections} connections (1 for the PDF and the auditor), ${settings.seconds} s per endpoint; ` +
        `peak RSS of this process (both analytics instances in it; autocannon is a child process): ${fixed(peakRss, 0)} MB; ` +
        `the service as its own process under the same load (list, KPIs, CSV; ${serviceRss.requests} requests): RSS ${fixed(serviceRss.idle, 0)} MB idle, peak ${fixed(serviceRss.peak, 0)} MB`,
    );
    console.log(loadLine());
  } finally {
    await analytics?.stop();
    await auditApp?.stop();
    await mongo.close();
    await dropMongoDatabase(mongoUri).catch(() => undefined);
    await dropMongoDatabase(auditMongoUri).catch(() => undefined);
    await auditDatabase?.drop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
