/**
 * Appends and reads per second through the PostgreSQL event-store adapter against raw `pg` writing and reading
 * the same rows, in the same run, on a fresh database. Run with `bash bench/run.sh event-store`.
 * Knobs: BENCH_SECONDS (measured time per contender and case, default 4), BENCH_WARMUP_SECONDS (1),
 * BENCH_ROUNDS (4, alternating order), BENCH_WRITERS (8), BENCH_DATA_BYTES (400), BENCH_READ_STREAMS (500),
 * BENCH_READ_PAGE (500), BENCH_APPEND_STREAMS (400), BENCH_ANATOMY (1: also raw + the adapter's steps).
 */
import { PostgresEventStore } from '@civic/event-store';
import { createTestDatabase } from '@civic/testing';
import { appendCases } from './event-store/append-cases';
import type { EventStoreBench } from './event-store/context';
import { RawPgEvents } from './event-store/raw-pg';
import { readCases } from './event-store/read-cases';
import { eventSizes } from './lib/events';
import { loadLine, machineLine, postgresLine } from './lib/machine';
import type { Figures } from './lib/measure';
import { comparisonTable } from './lib/report';
import { flagSetting, numberSetting } from './lib/settings';

async function main(): Promise<void> {
  const database = await createTestDatabase('bench-event-store');
  const adapter = await PostgresEventStore.connect({ url: database.url, schema: 'bench_adapter' }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  let raw: RawPgEvents | undefined;
  try {
    raw = await RawPgEvents.create(database.url, 'bench_raw');
    const rounds = Math.round(numberSetting('BENCH_ROUNDS', 4));
    const bench: EventStoreBench = {
      url: database.url,
      adapter,
      raw,
      timing: {
        warmupMs: numberSetting('BENCH_WARMUP_SECONDS', 1) * 1000,
        measureMs: numberSetting('BENCH_SECONDS', 4) * 1000,
        rounds,
      },
      dataBytes: Math.round(numberSetting('BENCH_DATA_BYTES', 400)),
      writers: Math.round(numberSetting('BENCH_WRITERS', 8)),
      readStreams: Math.round(numberSetting('BENCH_READ_STREAMS', 500)),
      readAllPage: Math.round(numberSetting('BENCH_READ_PAGE', 500)),
      appendStreams: Math.round(numberSetting('BENCH_APPEND_STREAMS', 400)),
      anatomy: flagSetting('BENCH_ANATOMY', true),
    };
    console.log(`# event-store benchmark, ${new Date().toISOString()}`);
    console.log(machineLine());
    console.log(await postgresLine(database.url));
    const sizes = eventSizes(bench.dataBytes);
    console.log(
      `database ${database.name}; ${bench.timing.measureMs / 1000} s measured per contender and case in ${rounds} alternating rounds ` +
        `after ${bench.timing.warmupMs / 1000} s warm-up; per event ${sizes.data} B data + ${sizes.metadata} B metadata (JSON)\n`,
    );
    const started = Date.now();
    const results: Figures[] = [...(await readCases(bench)), ...(await appendCases(bench))];
    console.log(comparisonTable(results));
    console.log(`\nfinished in ${((Date.now() - started) / 1000).toFixed(0)} s; ${loadLine()}`);
  } finally {
    await raw?.close();
    await adapter.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
