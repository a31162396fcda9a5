/**
 * Staff registration (`POST /tenants/:tenant/cases`, the write path Open311 and the citizen form share)
 * against raw single-event appends with `pg` in the same run. Run with `bash bench/run.sh registration`.
 *
 * intake runs as its own process (compiled by bench/run.sh) on a fresh PostgreSQL database and a MongoDB
 * database of the run's own; the load comes from this process over loopback: closed loops with autocannon
 * (1 and BENCH_WRITERS connections), then an open loop at BENCH_RATE/s. Every request is a distinct valid
 * registration with its own Idempotency-Key, the tenants in turn, with a registrar's token from the run's
 * own issuer checked by intake's real guard. Afterwards every 201 is checked to be one case with a gap-free
 * registry number. Then, with BENCH_ANATOMY, the round trips of single registrations by step on the same
 * databases (anatomy.ts).
 *
 * Knobs: BENCH_SECONDS (15), BENCH_MAX_REGISTRATIONS (5000), BENCH_WARMUP_SECONDS (3), BENCH_WRITERS (8),
 * BENCH_RATE (50), BENCH_OPEN_SECONDS (20), BENCH_DATA_BYTES (400, the raw events), BENCH_MONGODB_URI (the
 * FerretDB to use; default MONGODB_URI), BENCH_LOG_LEVEL (info), BENCH_ANATOMY (1), BENCH_ANATOMY_REGISTRATIONS (60),
 * BENCH_SERVICE_NODE_FLAGS (node flags for the intake process after its own from infra/node-flags.sh, e.g. V8
 * heap limits or --cpu-prof; default none).
 */
import { DevIssuer } from '@civic/auth';
import { createTestDatabase, serviceNodeFlags } from '@civic/testing';
import { loadLine, machineLine, postgresLine } from './lib/machine';
import { fixed, ratio } from './lib/report';
import { startService, type BenchService } from './lib/service-process';
import { registrationAnatomy } from './registration/anatomy';
import { dropRunData, intakeEnvironment, prepareRunDatabase, runMongoUri } from './registration/environment';
import { closedLoop, openLoop, type LoadFigures } from './registration/load';
import { cpuBetween, cpuSnapshot, processesMatching, RssSampler, singleProcess, type ProcessGroup } from './registration/processes';
import { RawAppends, type RawFigures } from './registration/raw-baseline';
import { registrationSettings } from './registration/settings';
import { registrarTokens } from './registration/submissions';
import { checkRegistrations, settled } from './registration/verify';

interface Phase {
  load: LoadFigures;
  cpuMs: Map<string, number>;
  rssMb: number;
}

async function main(): Promise<void> {
  const settings = registrationSettings();
  const database = await createTestDatabase('bench_registration');
  const mongoUri = await runMongoUri(settings.mongoServerUri, 'bench-registration');
  const mongoPort = new URL(mongoUri).port || '27017';
  const issuer = await DevIssuer.start();
  let intake: BenchService | undefined;
  let raw: RawAppends | undefined;
  try {
    console.log(`# registration benchmark, ${new Date().toISOString()}`);
    console.log(machineLine());
    console.log(await postgresLine(database.url));
    console.log(`MongoDB: ${new URL(mongoUri).host} (${await ferretBackend(mongoPort)}); the subject keys in PostgreSQL`);
    await prepareRunDatabase(database.url);
    const tokens = await registrarTokens(issuer);
    intake = await startService(
      'intake',
      await intakeEnvironment({ databaseUrl: database.url, mongoUri, issuer, logLevel: settings.logLevel }),
    );
    const groups: ProcessGroup[] = [
      singleProcess('intake', intake.pid),
      processesMatching('FerretDB', (argv) => /ferretdb$/.test(argv[0] ?? '') && argv.some((a) => a.endsWith(`:${mongoPort}`))),
      processesMatching('PostgreSQL', (argv) => /^postgres(:|$)/.test(argv[0] ?? '') || /bin\/postgres$/.test(argv[0] ?? '')),
    ];
    const rss = new RssSampler(intake.pid);
    raw = await RawAppends.create(database.url);
    console.log(
      `intake as a process (pid ${intake.pid}, LOG_LEVEL=${settings.logLevel}, node flags ${[...serviceNodeFlags('intake'), process.env.BENCH_SERVICE_NODE_FLAGS ?? ''].join(' ').trim()}, relay off); load from this process; ` +
        `closed loops of ${settings.seconds} s or ${settings.maxRegistrations} registrations, open loop ${settings.rate}/s for ${settings.openSeconds} s\n`,
    );

    const rawBefore = [
      await raw.measure(1, settings.seconds / 3, settings.dataBytes),
      await raw.measure(settings.writers, settings.seconds / 3, settings.dataBytes),
    ];

    const answered = new Map<string, number>();
    const unanswered = new Map<string, number>();
    const phase = async (run: () => Promise<LoadFigures>): Promise<Phase> => {
      rss.takePeak();
      const before = cpuSnapshot(groups);
      const load = await run();
      const cpuMs = cpuBetween(before, cpuSnapshot(groups));
      for (const [tenant, n] of load.registeredByTenant) answered.set(tenant, (answered.get(tenant) ?? 0) + n);
      // A request with no answer, or one that failed, may have drawn its number before it stopped.
      for (const [tenant, n] of [...load.unansweredByTenant, ...load.failedByTenant])
        unanswered.set(tenant, (unanswered.get(tenant) ?? 0) + n);
      if (load.saturatedAt) {
        console.log(
          `  ${load.phase}: stopped offering after ${fixed(load.saturatedAt.seconds, 1)} s, ${load.saturatedAt.outstanding} requests waiting (intake does not keep up)`,
        );
      }
      if (load.failed > 0) console.log(`  ${load.phase}: ${load.failed} not 201: ${JSON.stringify(load.statusCounts)}`);
      return { load, cpuMs, rssMb: rss.takePeak() };
    };
    const url = intake.url;
    await phase(() =>
      closedLoop({
        url,
        tokens,
        connections: 4,
        seconds: settings.warmupSeconds,
        maxRequests: settings.maxRegistrations,
        phase: 'warm-up',
      }),
    );
    const one = await phase(() =>
      closedLoop({ url, tokens, connections: 1, seconds: settings.seconds, maxRequests: settings.maxRegistrations, phase: 'closed loop' }),
    );
    const many = await phase(() =>
      closedLoop({
        url,
        tokens,
        connections: settings.writers,
        seconds: settings.seconds,
        maxRequests: settings.maxRegistrations,
        phase: 'closed loop',
      }),
    );
    const open = await phase(() =>
      // Stops offering once 5 s worth of requests wait for an answer: intake does not keep up, and the run stays bounded.
      openLoop({
        url,
        tokens,
        rate: settings.rate,
        seconds: settings.openSeconds,
        phase: `open loop ${settings.rate}/s`,
        maxOutstanding: settings.rate * 5,
      }),
    );
    const rawAfter = [
      await raw.measure(1, settings.seconds / 3, settings.dataBytes),
      await raw.measure(settings.writers, settings.seconds / 3, settings.dataBytes),
    ];
    rss.stop();

    const rawOne = meanRaw(rawBefore[0], rawAfter[0]);
    const rawMany = meanRaw(rawBefore[1], rawAfter[1]);
    console.log(report([one, many, open], [rawOne, rawMany]));
    console.log(`${loadLine()} (end of the load)`);
    // Stopped once it stopped writing (or after 45 s): the check then sees everything it registered.
    const waited = await settled(database.url);
    if (waited > 3_000) console.log(`(intake went on writing for ${fixed(waited / 1000, 0)} s after the load)`);
    const errors = intake.errorLines();
    if (errors.length > 0) console.log(`intake logged ${errors.length} errors; the first:\n${errors.slice(0, 3).join('\n')}`);
    await intake.stop();
    intake = undefined;
    let checkFailure: unknown;
    try {
      console.log(`\n${await checkRegistrations(database.url, answered, unanswered)}`);
    } catch (error) {
      checkFailure = error;
      console.log(`\n${(error as Error).message}`);
    }
    if ([...unanswered.values()].some((n) => n > 0)) {
      // FerretDB may still be working on what intake left (its SQLite backend retries a locked database for
      // 10 s); dropping a database under a running query has crashed its SQLite backend (SIGBUS).
      await new Promise((resolve) => setTimeout(resolve, 12_000));
    }

    if (settings.anatomy) {
      console.log(`\n## Where the time goes\n`);
      console.log(await registrationAnatomy({ registrations: settings.anatomyRegistrations, databaseUrl: database.url, mongoUri }));
      console.log(`\n${loadLine()} (end)`);
    }
    if (checkFailure) throw checkFailure;
  } finally {
    await intake?.stop().catch(() => undefined);
    await raw?.close().catch(() => undefined);
    await dropRunData(mongoUri).catch((error: Error) => console.error(`could not drop the run's MongoDB data: ${error.message}`));
    await database.drop();
    await issuer.stop();
  }
}

function meanRaw(a: RawFigures, b: RawFigures): RawFigures {
  return {
    writers: a.writers,
    appends: a.appends + b.appends,
    perSecond: (a.perSecond + b.perSecond) / 2,
    p50Ms: (a.p50Ms + b.p50Ms) / 2,
    p95Ms: (a.p95Ms + b.p95Ms) / 2,
  };
}

function report(phases: Phase[], raws: RawFigures[]): string {
  const [one, many] = phases;
  const lines = [
    '| case | connections | registered | not 201 | per s | p50 ms | p95 ms | p99 ms | vs raw appends | intake CPU ms/reg | FerretDB CPU ms/reg | PostgreSQL CPU ms/reg | intake peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const raw of raws) {
    lines.push(
      `| raw pg single-event appends | ${raw.writers} | ${raw.appends} | 0 | ${fixed(raw.perSecond, 0)} | ${fixed(raw.p50Ms, 2)} | ${fixed(raw.p95Ms, 2)} | | 1.00× | | | | |`,
    );
  }
  for (const p of phases) {
    const raw = p === one ? raws[0] : p === many ? raws[1] : undefined;
    const per = (label: string) => fixed((p.cpuMs.get(label) ?? 0) / Math.max(1, p.load.registered), 1);
    lines.push(
      `| registration, ${p.load.phase} | ${p.load.connections} | ${p.load.registered} | ${p.load.failed} | ${fixed(p.load.perSecond, 1)} | ` +
        `${fixed(p.load.p50Ms, 1)} | ${fixed(p.load.p95Ms, 1)} | ${fixed(p.load.p99Ms, 1)} | ${raw ? ratio(p.load.perSecond, raw.perSecond) : ''} | ` +
        `${per('intake')} | ${per('FerretDB')} | ${per('PostgreSQL')} | ${fixed(p.rssMb, 0)} |`,
    );
  }
  const ratioMany = raws[1] ? (100 * many.load.perSecond) / raws[1].perSecond : Number.NaN;
  lines.push(
    '',
    `Raw: mean of a measurement before and one after the registrations. Goal (issue 16): ${many.load.connections} writers ≥ 5 % of raw ` +
      `(now ${fixed(ratioMany, 2)} %); p95 ≤ 100 ms at 50/s offered (now ${fixed(phases[2].load.p95Ms, 1)} ms at ` +
      `${fixed(phases[2].load.perSecond, 1)}/s achieved); intake ≤ 250 MB RSS (peak ${fixed(Math.max(...phases.map((p) => p.rssMb)), 0)} MB).`,
  );
  return lines.join('\n');
}

/** Which FerretDB backend answers on the port, from its command line (`--handler=`). */
async function ferretBackend(port: string): Promise<string> {
  const [pid] = processesMatching('FerretDB', (argv) => /ferretdb$/.test(argv[0] ?? '') && argv.some((a) => a.endsWith(`:${port}`))).pids();
  if (pid === undefined) return 'not a local FerretDB';
  const { readFileSync } = await import('node:fs');
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  return `FerretDB, ${argv.find((a) => a.startsWith('--handler='))?.slice('--handler='.length) ?? '?'} backend`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
