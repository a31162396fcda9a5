/**
 * `generateDataset`: fills the five seed tenants with simulated cases straight into the PostgreSQL event
 * store, through the stack the services compose (`withPersonalData(withHashChain(store))`, subject keys in
 * `civic_keys.subject_keys` of the same database), so the auditor's chain check passes, the services'
 * projections read it and a service pointed at the database decrypts it. Registry numbers are drawn as intake draws them (`registry-<tenant>.<year>`,
 * gap-free), so intake's next registration continues each sequence. Repeatable from the seed (the texts, ids,
 * dates and courses; the keys, IVs and the store's own `recordedAt` are not).
 *
 * Written in batches of cases, registered in time order across the tenants: the batch's subject keys in one
 * insert, each registry stream's new numbers in one append, then each case's whole stream in one append
 * (`expectedRevision: 'no-stream'`), several cases at once.
 */
import { routingConfigStreamName } from '@civic/domain';
import {
  caseEventPrivacy,
  PostgresEventStore,
  withHashChain,
  withPersonalData,
  type EventStore,
  type EventToAppend,
  type JsonObject,
} from '@civic/event-store';
import { drop, finishDatabase, GENERATOR_VERSION, markComplete, readMarker, recreate, sameSettings, type DatasetSettings } from './marker';
import { DEFAULT_NOW, DEFAULT_SEED, datasetNames, sizeLabel, sizeOf, type DatasetNames, type DatasetSize, type Place } from './names';
import { Random } from './random';
import { BulkSubjectKeys } from './subject-keys';
import { inThisThread, inWorkers, WORKER_FILE } from './case-source';
import type { GeneratedCase } from './tenant-cases';
import { loadTenants, type DatasetTenant } from './tenants';
import { countCase, emptyTotals, type Totals } from './totals';
import { DAY } from './time';

export interface GenerateOptions extends Place {
  size: DatasetSize;
  seed?: number;
  /** The data set's "now" (ISO-8601): the newest cases are registered just before it. Default DEFAULT_NOW. */
  now?: string;
  /** Rebuild even when a complete data set with these settings exists. */
  fresh?: boolean;
  /** Case appends in flight at once. Default 8. */
  writers?: number;
  /** Cases per batch (one subject-key insert, one registry append per stream). Default 250. */
  batch?: number;
  /**
   * Worker threads simulating (whole tenants each) while this thread writes; 0 simulates in this thread.
   * Default 1 when compiled, 0 under ts (tests). The same cases either way.
   */
  simulators?: number;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  /** Cases whose events are written. */
  cases: number;
  /** Events written (case events and registry numbers). */
  events: number;
  totalCases: number;
}

export interface GenerateResult {
  names: DatasetNames;
  settings: DatasetSettings;
  /** True when a complete data set with these settings was already there: nothing was written. */
  alreadyComplete: boolean;
  totals: Totals;
  /** Wall time of the generation (0 when it was already complete). */
  seconds: number;
  /** pg_database_size of the PostgreSQL database. */
  databaseBytes: number;
  subjectKeys: number;
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = new Date(options.now ?? DEFAULT_NOW).toISOString();
  const { cases, years } = sizeOf(options.size);
  const settings: DatasetSettings = { generator: GENERATOR_VERSION, size: sizeLabel(options.size), seed, cases, years, now };
  const names = await datasetNames(options.size, seed, options);

  const marker = await readMarker(names);
  if (!options.fresh && marker?.completedAt && sameSettings(marker.settings, settings)) {
    const stored = marker.totals as { totals: Totals; databaseBytes: number; subjectKeys: number };
    return {
      names,
      settings,
      alreadyComplete: true,
      totals: stored.totals,
      seconds: 0,
      databaseBytes: stored.databaseBytes,
      subjectKeys: stored.subjectKeys,
    };
  }

  const started = Date.now();
  await recreate(names, settings);
  const loaderUrl = process.env.DATASET_SYNC_COMMIT ? names.pgUrl : asyncCommits(names.pgUrl);
  const store = await PostgresEventStore.connect({ url: loaderUrl });
  const keys = await BulkSubjectKeys.connect(loaderUrl);
  try {
    const totals = await fill({ store, keys, settings, options });
    await keys.markImported();
    const { bytes } = await finishDatabase(names);
    const subjectKeys = keys.count;
    await markComplete(names, { totals, databaseBytes: bytes, subjectKeys, seconds: (Date.now() - started) / 1000 });
    return { names, settings, alreadyComplete: false, totals, seconds: (Date.now() - started) / 1000, databaseBytes: bytes, subjectKeys };
  } finally {
    await store.close();
    await keys.close();
  }
}

/**
 * The loader's own connections commit without waiting for the WAL flush (`synchronous_commit=off`): the rows
 * are the same, and the marker's ordinary commit at the end flushes everything before it, so a data set
 * marked complete is on disk. A crash before that leaves a run without its marker, which is rebuilt.
 */
function asyncCommits(url: string): string {
  const withOptions = new URL(url);
  withOptions.searchParams.set('options', '-c synchronous_commit=off');
  return withOptions.toString();
}

/** Drops a data set's databases. */
export async function dropDataset(size: DatasetSize, seed = DEFAULT_SEED, place: Place = {}): Promise<void> {
  await drop(await datasetNames(size, seed, place));
}

interface Fill {
  store: PostgresEventStore;
  keys: BulkSubjectKeys;
  settings: DatasetSettings;
  options: GenerateOptions;
}

async function fill({ store, keys, settings, options }: Fill): Promise<Totals> {
  const nowMs = Date.parse(settings.now);
  const from = nowMs - settings.years * 365.25 * DAY;
  const setupRng = new Random(`dataset:${settings.seed}:setup`);
  const setupAt = new Date(from - DAY).toISOString();
  const eventIds = new Map<string, string>();
  const tenants = loadTenants((slug) => {
    eventIds.set(slug, setupRng.uuid());
    return { commandId: setupRng.uuid(), correlationId: setupRng.uuid(), eventId: eventIds.get(slug) as string, now: setupAt };
  });
  const totals = emptyTotals();
  // The tenants' administrators set their officers before the first case (routing's store: no chain, nothing personal).
  for (const tenant of tenants) {
    const event = tenant.officersChanged;
    const toAppend: EventToAppend = {
      id: eventIds.get(tenant.charter.slug) as string,
      type: event.type,
      data: event.data as unknown as JsonObject,
      metadata: event.metadata as unknown as JsonObject,
    };
    await store.appendToStream(routingConfigStreamName(tenant.charter.slug), [toAppend], { expectedRevision: 'no-stream' });
    totals.events += 1;
  }

  const shares = splitCases(tenants, settings.cases);
  const simulation = { seed: settings.seed, now: nowMs, years: settings.years };
  const simulators = options.simulators ?? (WORKER_FILE ? 1 : 0);
  const source = simulators > 0 && WORKER_FILE ? inWorkers(shares, simulation, simulators, WORKER_FILE) : inThisThread(shares, simulation);
  const caseStore = withPersonalData(withHashChain(store), { keys, ...caseEventPrivacy });
  const writer = new BatchWriter(store, caseStore, keys, options.writers ?? 8, (cases, events) =>
    options.onProgress?.({ cases, events, totalCases: settings.cases }),
  );
  const batchSize = options.batch ?? 250;
  let batch: GeneratedCase[] = [];
  try {
    for (;;) {
      // The next case registered anywhere: the store fills roughly in time order across the tenants.
      const simulating = performance.now();
      const generated = await source.next();
      writer.timings.simulate += performance.now() - simulating;
      if (!generated) break;
      countCase(totals, generated.outcome, settings.now);
      keys.create(generated.outcome.dataSubjectId, new Date(generated.registeredAt));
      batch.push(generated);
      if (batch.length >= batchSize) {
        await writer.write(batch);
        batch = [];
      }
    }
  } finally {
    await source.close();
  }
  await writer.write(batch);
  await writer.finish();
  if (process.env.DATASET_TIMINGS) console.log('timings (ms)', writer.timings);
  return totals;
}

/** Each tenant's cases by its share of the population, the rounding given to the largest remainders. */
export function splitCases(tenants: DatasetTenant[], cases: number): { tenant: DatasetTenant; count: number }[] {
  const exact = tenants.map((tenant) => tenant.share * cases);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = cases - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k % order.length].i] += 1;
  return tenants.map((tenant, i) => ({ tenant, count: counts[i] }));
}

/**
 * Writes batches: the keys first (one insert, in the background of the appends), each registry stream's new
 * numbers in order (one append per stream and batch, at the exact revision), then the cases, `writers` at a time.
 */
class BatchWriter {
  private readonly revisions = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private keysWritten: Promise<void> = Promise.resolve();
  private failure: unknown;
  private cases = 0;
  private events = 0;
  /** Where the main loop's time went (DATASET_TIMINGS=1 prints it): simulating, or waiting for which store. */
  readonly timings = { simulate: 0, keysWait: 0, registry: 0, writerWait: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly caseStore: EventStore,
    private readonly keys: BulkSubjectKeys,
    private readonly writers: number,
    private readonly progress: (cases: number, events: number) => void,
  ) {}

  async write(batch: GeneratedCase[]): Promise<void> {
    if (batch.length === 0) return;
    let since = performance.now();
    await this.keysWritten;
    this.timings.keysWait += performance.now() - since;
    this.keysWritten = this.keys.flush();
    since = performance.now();
    await this.appendRegistry(batch);
    this.timings.registry += performance.now() - since;
    for (const generated of batch) {
      since = performance.now();
      while (this.inFlight.size >= this.writers) await Promise.race(this.inFlight);
      this.timings.writerWait += performance.now() - since;
      if (this.failure) throw this.failure;
      const { outcome } = generated;
      const task = this.caseStore
        .appendToStream(`case-${outcome.caseId}`, outcome.events, { expectedRevision: 'no-stream' })
        .then(
          () => {
            this.keys.forget([outcome.dataSubjectId]);
            this.cases += 1;
            this.events += outcome.events.length + 1;
            this.progress(this.cases, this.events);
          },
          (error: unknown) => {
            this.failure ??= error;
          },
        )
        .finally(() => this.inFlight.delete(task));
      this.inFlight.add(task);
    }
  }

  async finish(): Promise<void> {
    await Promise.all(this.inFlight);
    await this.keysWritten;
    await this.keys.flush();
    if (this.failure) throw this.failure;
  }

  private async appendRegistry(batch: GeneratedCase[]): Promise<void> {
    const streams = new Map<string, EventToAppend[]>();
    for (const { registry } of batch) {
      const events = streams.get(registry.streamName) ?? [];
      events.push(registry.event);
      streams.set(registry.streamName, events);
    }
    for (const [streamName, events] of streams) {
      const revision = this.revisions.get(streamName);
      const result = await this.store.appendToStream(streamName, events, { expectedRevision: revision ?? 'no-stream' });
      this.revisions.set(streamName, result.nextExpectedRevision);
    }
  }
}
