/**
 * Submission → routed and → acknowledgement sent, across the real services as processes (intake with its
 * relay, routing, notification) on the real servers (PostgreSQL, Kafka, FerretDB, the mail server), against
 * the same hops made with the bare clients in the same run (bench/latency/raw-chain.ts). Run with
 * `bash bench/run.sh latency`.
 *
 * Staff registrations (`POST /tenants/:tenant/cases`, the write path Open311 and the citizen form share; a
 * complaint about waste with the submitter's e-mail, the tenants in turn) are offered in an open loop at
 * BENCH_LATENCY_RATE/s. Each is timed from the moment it was sent to the event store's recorded_at of its
 * CaseRouted and of its acknowledgement's NotificationSent (recorded once the mail server accepted the
 * message). The services' peak RSS during the run is read from /proc.
 *
 * Knobs: BENCH_LATENCY_RATE (5), BENCH_LATENCY_SECONDS (30), BENCH_LATENCY_WARMUP (10 submissions),
 * BENCH_LATENCY_SETTLE_SECONDS (60), BENCH_MONGODB_URI (the FerretDB to use; default MONGODB_URI).
 */
import { DevIssuer } from '@civic/auth';
import { createTestDatabase, kafkaBrokers, mailServer } from '@civic/testing';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { BenchSetupError } from './lib/errors';
import { loadLine, machineLine, postgresLine } from './lib/machine';
import { percentile } from './lib/measure';
import { fixed, ratio } from './lib/report';
import { offer, settle, type Offered } from './latency/offer';
import { startLatencyPlatform, type LatencyPlatform } from './latency/platform';
import { RawChain } from './latency/raw-chain';
import { latencySettings } from './latency/settings';
import { caseTimeline, type CaseTimes } from './latency/timeline';
import { prepareRunDatabase } from './registration/environment';
import { RssSampler } from './registration/processes';
import { nthRequest, registrarTokens } from './registration/submissions';

interface Row {
  what: string;
  samples: number[];
  missing: number;
}

async function main(): Promise<void> {
  const settings = latencySettings();
  const count = Math.round(settings.rate * settings.seconds);
  const database = await createTestDatabase('bench_latency');
  const issuer = await DevIssuer.start();
  const store = new Client({ connectionString: database.url });
  await store.connect();
  let platform: LatencyPlatform | undefined;
  let raw: RawChain | undefined;
  try {
    console.log(`# latency benchmark: submission → routed, → acknowledgement sent, ${new Date().toISOString()}`);
    console.log(machineLine());
    console.log(await postgresLine(database.url));
    const mail = await mailServer();
    await prepareRunDatabase(database.url);
    platform = await startLatencyPlatform({
      databaseUrl: database.url,
      mongoServerUri: process.env.BENCH_MONGODB_URI || undefined,
      issuer,
    });
    raw = await RawChain.create({ databaseUrl: database.url, brokers: await kafkaBrokers(), smtpUrl: mail.smtpUrl });
    console.log(
      `intake (relay on), routing and notification as processes; mail to ${mail.smtpUrl}; ` +
        `${count} submissions at ${settings.rate}/s (open loop) to each, after ${settings.warmup} not counted\n`,
    );

    const tokens = await registrarTokens(issuer);
    const intakeUrl = platform.intake.url;
    const register = async (n: number): Promise<string> => {
      const next = nthRequest(n, tokens);
      const response = await fetch(`${intakeUrl}${next.path}`, { method: 'POST', headers: next.headers, body: next.body });
      const body = (await response.json()) as { caseId?: string };
      if (response.status !== 201 || !body.caseId) throw new Error(`registration answered ${response.status}: ${JSON.stringify(body)}`);
      return body.caseId;
    };
    const chain = raw;
    const settleMs = settings.settleSeconds * 1000;
    const platformRun = async (n: number) => {
      const offered = await offer(settings.rate, n, register);
      const ids = offered.flatMap((o) => (o.id ? [o.id] : []));
      const times = await settle(
        () => caseTimeline(store, ids),
        (seen) => ids.every((id) => seen.get(id)?.routed !== undefined && seen.get(id)?.acknowledged !== undefined),
        settleMs,
      );
      return { offered, times };
    };
    const rawRun = async (n: number) => {
      const offered = await offer(settings.rate, n, () => chain.submit());
      const keys = offered.flatMap((o) => (o.id ? [o.id] : []));
      const times = await settle(
        () => chain.timeline(keys),
        (seen) => keys.every((key) => seen.get(key)?.mailed !== undefined),
        settleMs,
      );
      return { offered, times };
    };

    // Warm-up of both: the consumers' first fetches, connections, JIT.
    const warm = await platformRun(settings.warmup);
    if (warm.offered.some((o) => o.error)) throw new BenchSetupError(`the warm-up failed: ${warm.offered.find((o) => o.error)?.error}`);
    await rawRun(settings.warmup);

    console.log(`raw chain: ${loadLine()}`);
    const rawResult = await rawRun(count);
    const rawRows: Row[] = [
      row('routed (insert → Kafka → consumer → insert)', rawResult.offered, (o) => rawResult.times.get(o.id ?? '')?.routed),
      row('acknowledged (… → SMTP → insert)', rawResult.offered, (o) => rawResult.times.get(o.id ?? '')?.mailed),
    ];

    console.log(`platform: ${loadLine()}`);
    const services = [platform.intake, platform.routing, platform.notification];
    const samplers = services.map((service) => new RssSampler(service.pid, 100));
    samplers.forEach((sampler) => sampler.takePeak());
    const result = await platformRun(count);
    const peaks = samplers.map((sampler) => sampler.takePeak());
    samplers.forEach((sampler) => sampler.stop());
    const at = (o: Offered): CaseTimes | undefined => result.times.get(o.id ?? '');
    const failed = result.offered.filter((o) => o.error);
    const rows: Row[] = [
      row('registration answered (HTTP 201)', result.offered, (o) => o.answeredAt),
      row('registered (CaseRegistered recorded)', result.offered, (o) => at(o)?.registered),
      row('routed (CaseRouted recorded)', result.offered, (o) => at(o)?.routed),
      row('acknowledgement sent (NotificationSent recorded)', result.offered, (o) => at(o)?.acknowledged),
    ];
    const hops: Row[] = [
      hop('registered → routed (relay, Kafka, routing)', result.offered, at, 'routed'),
      hop('registered → acknowledgement sent (relay, Kafka, notification, SMTP)', result.offered, at, 'acknowledged'),
    ];

    console.log(
      `\nafter: ${loadLine()}; ${failed.length} of ${count} registrations failed${failed[0] ? ` (first: ${failed[0].error})` : ''}\n`,
    );
    console.log('| measured from the submission | n | missing | p50 ms | p95 ms | max ms |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of [...rows, ...hops]) console.log(line(r));
    console.log('\nraw baseline, same run, same rate:\n');
    console.log('| measured from the insert | n | missing | p50 ms | p95 ms | max ms |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of rawRows) console.log(line(r));

    const routed = stats(rows[2]);
    const acknowledged = stats(rows[3]);
    console.log('\n| goal | platform p95 ms | raw p95 ms | platform vs raw (p95) | goal | met |');
    console.log('|---|---:|---:|---:|---:|---|');
    console.log(goalLine('submission → routed', routed.p95, stats(rawRows[0]).p95, 300, rows[2].missing));
    console.log(goalLine('submission → acknowledgement sent', acknowledged.p95, stats(rawRows[1]).p95, 1000, rows[3].missing));

    console.log('\n| service (own process) | peak RSS during the run, MB | goal | met |');
    console.log('|---|---:|---:|---|');
    services.forEach((service, i) => console.log(`| ${service.name} | ${fixed(peaks[i], 0)} | 250 | ${peaks[i] <= 250 ? 'yes' : 'no'} |`));

    for (const service of services) {
      const errors = service.errorLines();
      if (errors.length > 0) console.log(`\n${service.name} logged ${errors.length} errors; the first:\n${errors[0]}`);
    }
  } finally {
    await raw?.close().catch(() => undefined);
    await platform?.stop();
    // The services' MongoDB databases (the subject keys are in the run's PostgreSQL database, dropped below).
    for (const uri of platform?.mongoUris ?? []) await dropDatabase(uri);
    await store.end();
    await issuer.stop();
    await database.drop();
  }
}

function row(what: string, offered: Offered[], until: (o: Offered) => number | undefined): Row {
  const samples: number[] = [];
  let missing = 0;
  for (const o of offered) {
    const end = until(o);
    if (end === undefined) missing += 1;
    else samples.push(end - o.sentAt);
  }
  return { what, samples: samples.sort((a, b) => a - b), missing };
}

function hop(what: string, offered: Offered[], at: (o: Offered) => CaseTimes | undefined, to: 'routed' | 'acknowledged'): Row {
  const samples: number[] = [];
  let missing = 0;
  for (const o of offered) {
    const times = at(o);
    if (times?.registered === undefined || times[to] === undefined) missing += 1;
    else samples.push((times[to] as number) - times.registered);
  }
  return { what, samples: samples.sort((a, b) => a - b), missing };
}

function stats(r: Row) {
  return { p50: percentile(r.samples, 0.5), p95: percentile(r.samples, 0.95), max: r.samples.at(-1) ?? Number.NaN };
}

function line(r: Row): string {
  const s = stats(r);
  return `| ${r.what} | ${r.samples.length} | ${r.missing} | ${fixed(s.p50, 1)} | ${fixed(s.p95, 1)} | ${fixed(s.max, 1)} |`;
}

function goalLine(what: string, p95: number, rawP95: number, goalMs: number, missing: number): string {
  const met = missing === 0 && p95 <= goalMs;
  return `| ${what} | ${fixed(p95, 1)} | ${fixed(rawP95, 1)} | ${ratio(p95, rawP95)} | ≤ ${goalMs} ms | ${met ? 'yes' : `no${missing ? ` (${missing} never arrived)` : ''}`} |`;
}

async function dropDatabase(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
    await client.db().dropDatabase();
  } catch {
    // already gone, or the server went: nothing of the run's to keep anyway
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
