/**
 * A data set and analytics's read model over it, for the benchmarks: which data set (BENCH_DATASET,
 * BENCH_SEED), the store's end, a live model made caught up at that end before the service starts (so a
 * rebuild is the only reader), and a rebuild through the service's RebuildService, watched to its switch.
 */
import { MongoClient, type Document } from 'mongodb';
import { Client } from 'pg';
import { BenchSetupError } from '../lib/errors';
import { machineLine, postgresLine } from '../lib/machine';
import { datasetProgressBar } from './progress';
import { numberSetting } from '../lib/settings';
import { generateDataset, openDataset, type DatasetSize, type GenerateResult, type Progress } from '../dataset';
import type { RebuildService } from '../../services/analytics/src/rebuild/rebuild.service';
import type { RebuildProgress } from '../../services/analytics/src/rebuild/rebuild-progress';

const REBUILD_TIMEOUT_MS = 3 * 60 * 60 * 1000;
const LIVE_GENERATION = 'benchlive';

/** BENCH_MONGODB_URI: another FerretDB (or MongoDB) than MONGODB_URI's, e.g. one on its PostgreSQL backend. */
export function useBenchMongo(): void {
  if (process.env.BENCH_MONGODB_URI) process.env.MONGODB_URI = process.env.BENCH_MONGODB_URI;
}

/** BENCH_DATASET: small (default), national, or a number of cases. */
export function datasetSetting(): DatasetSize {
  const text = process.env.BENCH_DATASET?.trim() || 'small';
  if (text === 'small' || text === 'national') return text;
  return Math.round(numberSetting('BENCH_DATASET', 10_000));
}

/**
 * The data set (generated when missing; BENCH_DATASET_PREFIX names another one). One whose generation is under
 * way elsewhere (its marker not complete) is left alone: generating it here would start it over.
 */
export async function datasetFor(size: DatasetSize, seed: number, onProgress: (progress: Progress) => void): Promise<GenerateResult> {
  const place = { prefix: process.env.BENCH_DATASET_PREFIX || undefined };
  const opened = await openDataset(size, seed, place);
  if (opened.marker && !opened.complete) {
    throw new BenchSetupError(
      `the data set ${opened.names.database} is not complete: it is being generated (wait), or its generation was interrupted (generate it again with bench/dataset)`,
    );
  }
  return generateDataset({ size, seed, ...place, onProgress });
}

/**
 * How an analytics benchmark begins: its heading and the machine, the data set (BENCH_DATASET, BENCH_SEED;
 * generated with a progress bar when missing), its PostgreSQL and the store's end, which must hold events.
 */
export async function openBenchDataset(title: string): Promise<{ dataset: GenerateResult; end: StoreEnd }> {
  useBenchMongo();
  const size = datasetSetting();
  const seed = Math.round(numberSetting('BENCH_SEED', 1));
  console.log(`# ${title}, ${new Date().toISOString()}`);
  console.log(machineLine());
  const bar = datasetProgressBar();
  const dataset = await datasetFor(size, seed, bar.update);
  bar.stop();
  console.log(await postgresLine(dataset.names.pgUrl));
  const end = await storeEnd(dataset.names.pgUrl);
  if (end.count === 0) throw new BenchSetupError(`the data set ${dataset.names.database} has no case events`);
  return { dataset, end };
}

export interface StoreEnd {
  count: number;
  last: string | null;
}

/** The case events in the store and the position of the last one, straight from its table. */
export async function storeEnd(url: string): Promise<StoreEnd> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const count = await client.query<{ n: string }>(`select count(*) as n from event_store.events where stream_name ^@ 'case-'`);
    const last = await client.query<{ t: string; g: string }>(
      `select transaction_id::text as t, global_position::text as g from event_store.events
       where stream_name ^@ 'case-' order by transaction_id desc, global_position desc limit 1`,
    );
    const row = last.rows[0];
    return { count: Number(count.rows[0].n), last: row ? `${row.t}:${row.g}` : null };
  } finally {
    await client.end();
  }
}

/**
 * The live model is made caught up at the store's end before the service starts (its alias and checkpoint),
 * so the rebuild is the only one reading: a service starting on an empty database would build its first
 * model from zero at the same time.
 */
export async function caughtUpLiveModel(mongoUri: string, end: StoreEnd): Promise<void> {
  const client = new MongoClient(mongoUri);
  await client.connect();
  try {
    const db = client.db();
    const now = new Date().toISOString();
    await db
      .collection<Document>('analytics_read_models')
      .insertOne({ _id: 'cases', generation: LIVE_GENERATION, previous: null, switchedAt: now } as Document);
    await db
      .collection<Document>('analytics_checkpoints')
      .insertOne({ _id: LIVE_GENERATION, position: end.last, applied: end.count } as Document);
  } finally {
    await client.close();
  }
}

/** Starts a rebuild and waits for its switch; the wall time from the request to the switch. */
export async function rebuild(service: RebuildService): Promise<{ progress: RebuildProgress; wallMs: number }> {
  const started = performance.now();
  const { id } = await service.start('bench');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const progress = await service.progress(id);
    if (!progress) throw new BenchSetupError(`rebuild ${id} has no record`);
    if (progress.status === 'switched') return { progress, wallMs: performance.now() - started };
    if (progress.status === 'failed' || progress.status === 'abandoned')
      throw new BenchSetupError(`rebuild ${id} ${progress.status}: ${progress.error}`);
    if (performance.now() - started > REBUILD_TIMEOUT_MS) throw new BenchSetupError(`rebuild ${id} did not finish in time`);
  }
}
