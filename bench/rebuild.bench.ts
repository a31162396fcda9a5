/**
 * Read-model rebuild from zero: analytics's own RebuildService (the service's runner, projector and
 * stores, in this process) rebuilds the case model over a data set (bench/dataset), against a raw baseline
 * in the same run: read every case event from the store (the adapter's `readAll`, the same filter and
 * page size) plus bulk-insert the very documents the rebuild wrote (`insertMany` of 1,000, unordered).
 * Run with `bash bench/run.sh rebuild`.
 *
 * Knobs: BENCH_DATASET (small | national | a number of cases; default small), BENCH_SEED (1),
 * BENCH_DATASET_PREFIX (the data set's database name prefix; default bench_dataset), BENCH_PAGE (events per
 * page; default the service's ANALYTICS_PAGE_SIZE), BENCH_FOLD (1: also time the fold alone, in memory),
 * BENCH_PROCESS (1: also rebuild in the service run as its own process, for its RSS), BENCH_SERVICE_NODE_FLAGS
 * (node flags of that process).
 */
import { MongoClient, type Document } from 'mongodb';
import { PostgresEventStore, type RecordedEvent } from '@civic/event-store';
import { caseEventFromRecorded, SERVICE_CONFIG, TenantDirectory } from '@civic/platform';
import { testMongoUri } from '@civic/testing';
import { DEFAULT_NOW, olderKeys } from './dataset';
import { caughtUpLiveModel, openBenchDataset, rebuild } from './analytics/model';
import { dropMongoDatabase, startBenchAnalytics } from './analytics/app';
import { OpTimer } from './analytics/op-timer';
import { rebuildOverHttp, startServiceProcess } from './analytics/process';
import { BenchSetupError } from './lib/errors';
import { loadLine } from './lib/machine';
import { fixed, ratio } from './lib/report';
import { flagSetting, numberSetting } from './lib/settings';
import { evolveCaseDocument, type CaseDocument } from '../services/analytics/src/projection/case-document';
import { CASE_STREAMS } from '../services/analytics/src/projection/case-projector';
import type { AnalyticsConfig } from '../services/analytics/src/config';
import { RebuildService } from '../services/analytics/src/rebuild/rebuild.service';
import { TenantContexts } from '../services/analytics/src/projection/tenant-context';

const INSERT_BATCH = 1_000;

interface Sampled {
  peakRssMb: number;
  peakHeapMb: number;
}

function sampleMemory(): { stop(): Sampled } {
  const peak: Sampled = { peakRssMb: 0, peakHeapMb: 0 };
  const take = () => {
    const usage = process.memoryUsage();
    peak.peakRssMb = Math.max(peak.peakRssMb, usage.rss / 2 ** 20);
    peak.peakHeapMb = Math.max(peak.peakHeapMb, usage.heapUsed / 2 ** 20);
  };
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

/** Every case event, page by page, as the runner reads them. */
async function readEverything(store: PostgresEventStore, pageSize: number, onPage?: (page: RecordedEvent[]) => void): Promise<number> {
  let from: string | 'start' = 'start';
  let count = 0;
  for (;;) {
    const page = await store.readAll({ from, maxCount: pageSize, filter: CASE_STREAMS });
    count += page.length;
    onPage?.(page);
    const last = page.at(-1);
    if (!last || page.length < pageSize) return count;
    from = last.position;
  }
}

async function main(): Promise<void> {
  const timeFold = flagSetting('BENCH_FOLD', true);
  const { dataset, end } = await openBenchDataset('rebuild benchmark');
  const { names } = dataset;

  const mongoUri = await testMongoUri('bench-rebuild');
  await caughtUpLiveModel(mongoUri, end);
  const pageEnv: Record<string, string> = process.env.BENCH_PAGE
    ? { ANALYTICS_PAGE_SIZE: String(Math.round(numberSetting('BENCH_PAGE', 500))) }
    : {};
  const analytics = await startBenchAnalytics({
    eventStoreUrl: names.pgUrl,
    mongoUri,
    now: DEFAULT_NOW,
    env: { ...pageEnv, ...olderKeys(names) },
  });
  const timer = new OpTimer().install();
  const store = await PostgresEventStore.connect({ url: names.pgUrl });
  const mongo = new MongoClient(mongoUri);
  try {
    await mongo.connect();
    const pageSize = analytics.app.get<AnalyticsConfig>(SERVICE_CONFIG).ANALYTICS_PAGE_SIZE;
    console.log(
      `data set ${names.database}: ${dataset.totals.cases ?? '?'} cases, ${end.count} case events` +
        `${dataset.alreadyComplete ? ' (already generated)' : `, generated in ${fixed(dataset.seconds, 0)} s`}; page ${pageSize} events`,
    );
    console.log(loadLine());

    // 1. The service's rebuild, from zero.
    global.gc?.();
    const idleRssMb = process.memoryUsage().rss / 2 ** 20;
    const memory = sampleMemory();
    timer.enabled = true;
    const { progress, wallMs } = await rebuild(analytics.app.get(RebuildService));
    timer.enabled = false;
    const peak = memory.stop();
    global.gc?.();
    const afterRssMb = process.memoryUsage().rss / 2 ** 20;
    const afterHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
    if (progress.applied !== end.count)
      throw new BenchSetupError(`the rebuild applied ${progress.applied} events, the store holds ${end.count}`);
    const ops = timer.table();
    console.log(
      `rebuild: ${progress.applied} events in ${fixed(wallMs / 1000, 2)} s = ${fixed((progress.applied * 1000) / wallMs, 0)} events/s ` +
        `(peak RSS ${fixed(peak.peakRssMb, 0)} MB); the raw baseline next`,
    );

    // The documents it wrote, collection by collection (read back, not timed).
    const db = mongo.db();
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((name) => name.endsWith(`_${progress.generation}`));
    const written = new Map<string, Document[]>();
    for (const name of collections) written.set(name, await db.collection(name).find({}).toArray());
    const documents = [...written.values()].reduce((sum, docs) => sum + docs.length, 0);

    // 2. Raw: read every case event, then insert the same documents in bulk.
    console.log(loadLine());
    let started = performance.now();
    const read = await readEverything(store, pageSize);
    const readMs = performance.now() - started;
    if (read !== end.count) throw new BenchSetupError(`read ${read} events, the store holds ${end.count}`);
    started = performance.now();
    for (const [name, docs] of written) {
      const target = db.collection(`raw_${name}`);
      for (let i = 0; i < docs.length; i += INSERT_BATCH) await target.insertMany(docs.slice(i, i + INSERT_BATCH), { ordered: false });
    }
    const insertMs = performance.now() - started;
    const rawMs = readMs + insertMs;

    // 3. The fold alone (decode + evolve every event in memory; the events read beforehand, not timed).
    let foldMs = Number.NaN;
    if (timeFold) {
      const contexts = new TenantContexts((tenant) => analytics.app.get(TenantDirectory).get(tenant));
      const docs = new Map<string, CaseDocument | null>();
      foldMs = 0;
      // Page by page: the read is not timed, the decode and the fold are.
      await readEverything(store, pageSize, (page) => {
        const pageStarted = performance.now();
        for (const recorded of page) {
          const event = caseEventFromRecorded(recorded);
          const id = event.metadata.caseId;
          docs.set(
            id,
            evolveCaseDocument(docs.get(id) ?? null, { revision: recorded.revision, event }, contexts.of(event.metadata.tenant)),
          );
        }
        foldMs += performance.now() - pageStarted;
      });
    }

    const perSecond = (ms: number) => (end.count * 1000) / ms;
    console.log('');
    console.log('| contender | events | documents | seconds | events/s | vs raw |');
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(
      `| raw: readAll + insertMany | ${end.count} | ${documents} | ${fixed(rawMs / 1000, 2)} | ${fixed(perSecond(rawMs), 0)} | 1.00× |`,
    );
    console.log(
      `| rebuild (POST /admin/read-models/rebuild → switched) | ${progress.applied} | ${documents} | ${fixed(wallMs / 1000, 2)} | ` +
        `${fixed(perSecond(wallMs), 0)} | ${ratio(perSecond(wallMs), perSecond(rawMs))} |`,
    );
    console.log('');
    console.log(
      `raw parts: readAll ${fixed(readMs / 1000, 2)} s (${fixed(perSecond(readMs), 0)} events/s), insertMany ${fixed(insertMs / 1000, 2)} s ` +
        `(${fixed((documents * 1000) / insertMs, 0)} documents/s: ${[...written].map(([name, docs]) => `${docs.length} ${name.replace(progress.generation, '*')}`).join(', ')})`,
    );
    if (Number.isFinite(foldMs))
      console.log(
        `fold alone (decode + evolveCaseDocument, in memory): ${fixed(foldMs / 1000, 2)} s (${fixed(perSecond(foldMs), 0)} events/s)`,
      );
    console.log(`rebuild's own figures: elapsedMs ${progress.elapsedMs}, ratePerSecond ${progress.ratePerSecond}`);
    console.log(
      `memory of this process (the service in it): RSS ${fixed(idleRssMb, 0)} MB before the rebuild, peak RSS ${fixed(peak.peakRssMb, 0)} MB ` +
        `and peak heap ${fixed(peak.peakHeapMb, 0)} MB during it, RSS ${fixed(afterRssMb, 0)} MB / heap ${fixed(afterHeapMb, 0)} MB after it` +
        `${global.gc ? ' (after a full GC)' : ''}; node flags: ${process.execArgv.join(' ') || 'none'}`,
    );
    console.log('');
    console.log('Store and MongoDB calls during the rebuild (overlapping calls add up to more than the wall time):');
    console.log('');
    console.log('| operation | calls | total ms | ms per call | share of the rebuild |');
    console.log('|---|---:|---:|---:|---:|');
    for (const op of ops) {
      console.log(
        `| ${op.op} | ${op.calls} | ${fixed(op.ms, 0)} | ${fixed(op.ms / op.calls, 2)} | ${fixed((op.ms / wallMs) * 100, 1)} % |`,
      );
    }
    console.log('');

    // 4. The same rebuild in the service as its own process (as `npm start` runs it): its own memory.
    timer.uninstall();
    await analytics.stop();
    if (!flagSetting('BENCH_PROCESS', true)) return;
    const service = await startServiceProcess({ eventStoreUrl: names.pgUrl, mongoUri, now: DEFAULT_NOW, env: olderKeys(names) });
    try {
      const idleMb = service.rssMb();
      const sampled = service.sampleRss();
      const again = await rebuildOverHttp(service);
      const peakMb = sampled.stop();
      console.log(
        `the service as its own process: RSS ${fixed(idleMb, 0)} MB idle, peak ${fixed(peakMb, 0)} MB during a rebuild over HTTP ` +
          `(${again.applied} events in ${fixed(again.wallMs / 1000, 2)} s = ${fixed((again.applied * 1000) / again.wallMs, 0)} events/s)`,
      );
    } finally {
      await service.stop();
    }
    console.log(loadLine());
  } finally {
    timer.uninstall();
    await analytics.stop();
    await store.close();
    await mongo.close();
    await dropMongoDatabase(mongoUri).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
