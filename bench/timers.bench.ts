/**
 * deadline-watch's tick at scale: the timer store filled in bulk with open timers in its real shape (10,000,
 * then 1,000,000 over 5 tenants), real cases registered whose warnings are due at the benchmark's clock, and
 * the service's own ticker (its module, stores and event store, in this process) timed while it fires them;
 * against the raw baseline in the same run: the bare driver's query for the due timers by the store's index
 * plus one bulk update marking them fired; and against the event store's floor: one read and one chained
 * append per alert, the part of a tick no timer store can save. Run with `bash bench/run.sh timers`.
 * Knobs: BENCH_TIMER_STORE (postgres | mongodb, default postgres), BENCH_OPEN (open timers, ascending, default
 * 10000,1000000), BENCH_DUE (due per tick, default 100,1000), BENCH_TICK_ROUNDS (ticks per case, default 10;
 * a third of that, at least 3, for 1,000 or more due), BENCH_FILL_CHUNK (timers per bulk insert, default
 * 10000; 1000 for mongodb), BENCH_WRITERS (concurrent registrations, default 8).
 */
import { MongoClient } from 'mongodb';
import { Pool } from 'pg';
import { createTestDatabase, testMongoUri } from '@civic/testing';
import { BenchSetupError } from './lib/errors';
import { loadLine, machineLine, postgresLine } from './lib/machine';
import { fixed, ratio } from './lib/report';
import { percentile } from './lib/measure';
import { numberSetting } from './lib/settings';
import { startWatch, type WatchApp } from './timers/app';
import { registerCases, registrationCommands } from './timers/due-cases';
import { fillOpenTimers, type TimerSink } from './timers/fill';
import { batchedAppendWhatIf, eventStoreFloor } from './timers/floor';
import { addRawDueTimers, explainDue, pendingCount, rawDueAndMark } from './timers/raw';
import { TickerProcess } from './timers/ticker-client';

/** The due cases are Peshtera complaints received by post on Monday 1 March 2027. */
const DUE_TENANT = 'peshtera';
const RECEIVED_AT = '2027-03-01T07:15:00.000Z';

class TickMissedError extends Error {
  constructor(expected: number, fired: string) {
    super(`the tick was to record ${expected} alerts, it gave: ${fired}`);
    this.name = 'TickMissedError';
  }
}

interface Row {
  open: number;
  due: number;
  rounds: number;
  tick: number[];
  raw: number[];
  floor: number[];
  batched: number[];
  /** CPU time of the ticker process (user + system) during each tick. */
  cpu: number[];
  rssMb: number;
  steps: string;
}

async function main(): Promise<void> {
  const store = (process.env['BENCH_TIMER_STORE'] ?? 'postgres') as 'postgres' | 'mongodb';
  if (store !== 'postgres' && store !== 'mongodb') throw new BenchSetupError(`BENCH_TIMER_STORE=${String(store)}: postgres or mongodb`);
  const opens = listSetting('BENCH_OPEN', [10_000, 1_000_000]);
  const dues = listSetting('BENCH_DUE', [100, 1_000]);
  const rounds = Math.round(numberSetting('BENCH_TICK_ROUNDS', 10));
  const chunk = Math.round(numberSetting('BENCH_FILL_CHUNK', store === 'postgres' ? 10_000 : 1_000));
  const writers = Math.round(numberSetting('BENCH_WRITERS', 8));

  const database = await createTestDatabase('bench-timers');
  const mongoUri = await testMongoUri('bench_timers');
  const mongo = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 5_000 });
  const pool = new Pool({ connectionString: database.url, max: 2 });
  let started: WatchApp | undefined;
  let ticker: TickerProcess | undefined;
  try {
    await mongo.connect();
    const watch = await startWatch({ eventStoreUrl: database.url, mongoUri, timerStore: store });
    started = watch;
    const sink: TimerSink = store === 'postgres' ? { kind: 'postgres', pool } : { kind: 'mongodb', db: mongo.db() };
    console.log(`# deadline-watch timers benchmark, ${new Date().toISOString()}`);
    console.log(machineLine());
    console.log(await postgresLine(database.url));
    console.log(
      `timer store: ${store}${store === 'mongodb' ? ` (${new URL(mongoUri).host})` : ''}; open timers ${opens.join(', ')}; ` +
        `due per tick ${dues.join(', ')}; TICK_BATCH ${watch.config.TICK_BATCH}, TICK_CONCURRENCY ${watch.config.TICK_CONCURRENCY}\n`,
    );

    // The ticker runs in a process of its own (deadline-watch's module and nothing else); this one sets up.
    ticker = await TickerProcess.start(database.url, mongoUri, store, watch.clock.file);
    const tick = ticker;

    // The instant the due cases' first warning fires; one case fired once warms the ticker's path up.
    const commands = registrationCommands(watch.events);
    const register = (count: number) =>
      registerCases(commands, watch.planner, watch.timers, { count, tenant: DUE_TENANT, receivedAt: RECEIVED_AT, concurrency: writers });
    const [probe] = await register(1);
    const firesAt = (await watch.timers.ofCase(probe))[0].fireAt;
    watch.clock.set(firesAt.toISOString());
    await tick.tick();
    console.log(
      `due cases: ${DUE_TENANT} complaints received ${RECEIVED_AT}; the benchmark's clock: ${firesAt.toISOString()} (their 5-day warning)\n`,
    );

    const rows: Row[] = [];
    let filled = 0;
    for (const open of opens) {
      const toFill = open - (await pendingCount(sink));
      if (toFill > 0) {
        const ms = await fillOpenTimers(sink, toFill, {
          tenants: watch.tenants.list(),
          after: firesAt.toISOString().slice(0, 10),
          chunk,
          label: `filling ${store}`,
          firstCase: filled,
        });
        filled += toFill;
        console.log(
          `filled ${toFill} open timers in ${fixed(ms / 1000, 1)} s (${fixed((toFill * 1000) / ms, 0)} timers/s, bulk inserts of ${chunk})`,
        );
        if (sink.kind === 'postgres') await pool.query('analyze deadline_watch.timers');
      }
      const pending = await pendingCount(sink);
      await addRawDueTimers(sink, 100, firesAt);
      console.log(
        `\nplan of the due query with ${pending} open timers:\n${(await explainDue(sink, firesAt, 100)).map((l) => `    ${l}`).join('\n')}`,
      );
      await rawDueAndMark(sink, firesAt, 100);

      for (const due of dues) {
        const count = due >= 1_000 ? Math.max(3, Math.round(rounds / 3)) : rounds;
        const row: Row = { open: pending, due, rounds: count, tick: [], raw: [], floor: [], batched: [], cpu: [], rssMb: 0, steps: '' };
        await tick.steps(1, 1);
        const runTick = async () => {
          await register(due);
          const { ms, cpuMs, rssMb, outcomes } = await tick.tick();
          row.tick.push(ms);
          row.cpu.push(cpuMs);
          row.rssMb = Math.max(row.rssMb, rssMb);
          const recorded = outcomes.filter((o) => o === 'recorded').length;
          if (recorded !== due || outcomes.length !== due) throw new TickMissedError(due, summary(outcomes));
        };
        const runRaw = async () => {
          await addRawDueTimers(sink, due, firesAt);
          const { ms, found } = await rawDueAndMark(sink, firesAt, due);
          if (found !== due) throw new BenchSetupError(`raw: ${found} due timers found, ${due} expected`);
          row.raw.push(ms);
          row.floor.push(await eventStoreFloor(watch.events, due, watch.config.TICK_CONCURRENCY));
          row.batched.push(await batchedAppendWhatIf(watch.events, database.url, due, watch.config.TICK_CONCURRENCY));
        };
        for (let round = 0; round < count; round += 1) {
          for (const run of round % 2 === 0 ? [runRaw, runTick] : [runTick, runRaw]) await run();
        }
        row.steps = await tick.steps(count, mean(row.tick));
        rows.push(row);
        console.log(
          `\n${pending} open, ${due} due: tick p50 ${fixed(median(row.tick), 1)} ms, raw p50 ${fixed(median(row.raw), 1)} ms, ` +
            `event-store floor p50 ${fixed(median(row.floor), 1)} ms, batched-append what-if p50 ${fixed(median(row.batched), 1)} ms; the ticker process's CPU during a tick p50 ${fixed(median(row.cpu), 1)} ms; ${loadLine()}`,
        );
        console.log(`where a tick's time goes (${count} ticks):\n${row.steps}`);
      }
    }

    console.log(
      '\n| open timers | due | ticks | tick p50 ms | tick p95 ms | raw p50 ms | raw p95 ms | tick / raw (p50) | ' +
        'event-store floor p50 ms | tick / floor (p50) | batched-append what-if p50 ms | ms per alert | CPU ms per tick | RSS MB |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) {
      console.log(
        `| ${row.open} | ${row.due} | ${row.rounds} | ${fixed(median(row.tick), 1)} | ${fixed(p95(row.tick), 1)} | ${fixed(median(row.raw), 1)} | ` +
          `${fixed(p95(row.raw), 1)} | ${ratio(median(row.tick), median(row.raw))} | ${fixed(median(row.floor), 1)} | ` +
          `${ratio(median(row.tick), median(row.floor))} | ${fixed(median(row.batched), 1)} | ${fixed(median(row.tick) / row.due, 2)} | ` +
          `${fixed(median(row.cpu), 1)} | ${fixed(row.rssMb, 0)} |`,
      );
    }
    console.log('');
    for (const due of dues) {
      const atDue = rows.filter((r) => r.due === due);
      const [first, last] = [atDue[0], atDue[atDue.length - 1]];
      if (atDue.length > 1) {
        console.log(
          `${due} due: tick p50 with ${last.open} open / with ${first.open} open = ${ratio(median(last.tick), median(first.tick))}`,
        );
      }
    }
    for (const open of new Set(rows.map((r) => r.open))) {
      const atOpen = rows.filter((r) => r.open === open);
      if (atOpen.length > 1) {
        const [first, last] = [atOpen[0], atOpen[atOpen.length - 1]];
        console.log(
          `${open} open: tick p50 with ${last.due} due / with ${first.due} due = ${ratio(median(last.tick), median(first.tick))}`,
        );
      }
    }
    console.log(`\nRSS of the ticker process (deadline-watch's module only) at the end: ${fixed((await tick.tick()).rssMb, 0)} MB`);
    console.log(loadLine());
  } finally {
    await ticker?.stop().catch((error: unknown) => console.error('could not stop the ticker process', error));
    await started?.close().catch((error: unknown) => console.error('could not stop deadline-watch', error));
    await pool.end();
    await mongo
      .db()
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
    await database.drop();
  }
}

function listSetting(variable: string, fallback: number[]): number[] {
  const text = process.env[variable];
  if (!text) return fallback;
  const values = text.split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new BenchSetupError(`${variable}=${text}: a list of positive whole numbers`);
  return values;
}

function summary(outcomes: string[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts].map(([o, n]) => `${n} ${o}`).join(', ') || 'nothing';
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => percentile(sorted(values), 0.5);
const p95 = (values: number[]) => percentile(sorted(values), 0.95);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
