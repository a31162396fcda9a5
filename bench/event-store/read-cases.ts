import { BenchSetupError } from '../lib/errors';
import { caseEvents, caseStream, forEachConcurrently, newCaseId } from '../lib/events';
import { compare, type Figures } from '../lib/measure';
import type { EventStoreBench } from './context';
import { PLAIN_INSERT } from './raw-pg';

export const EVENTS_PER_READ_STREAM = 20;

/**
 * Loads the same streams of 20 events into both contenders (nothing else is in either table yet, so both hold
 * exactly the same rows), then measures `readStream` of one whole stream and `readAll` pages from the start.
 */
export async function readCases(bench: EventStoreBench): Promise<Figures[]> {
  const { adapter, raw } = bench;
  const caseIds = Array.from({ length: bench.readStreams }, () => newCaseId());
  await forEachConcurrently(caseIds, bench.writers, async (caseId) => {
    const events = caseEvents(caseId, 0, EVENTS_PER_READ_STREAM, bench.dataBytes);
    await adapter.appendToStream(caseStream(caseId), events, { expectedRevision: 'no-stream' });
    await raw.append(caseStream(caseId), events, 0, PLAIN_INSERT);
  });
  const total = caseIds.length * EVENTS_PER_READ_STREAM;
  await checkLoaded(bench, caseStream(caseIds[0]), total);
  await raw.analyze();
  await raw.analyze(adapter.tables.schema);

  const randomStream = () => caseStream(caseIds[Math.floor(Math.random() * caseIds.length)]);
  const readStream = await compare(
    { name: `readStream (${EVENTS_PER_READ_STREAM} events)`, eventsPerOp: EVENTS_PER_READ_STREAM, concurrency: 1 },
    [
      { label: 'raw pg', op: async () => void (await raw.readStream(randomStream())) },
      { label: 'adapter', op: async () => void (await adapter.readStream(randomStream())) },
    ],
    bench.timing,
  );

  // Whole pages only: after the last full page both start again from the beginning.
  const page = bench.readAllPage;
  const pagesPerScan = Math.floor(total / page);
  if (pagesPerScan < 1) throw new BenchSetupError(`BENCH_READ_STREAMS × ${EVENTS_PER_READ_STREAM} must reach one page of ${page}`);
  let rawPage = 0;
  let rawAfter = '0';
  let adapterPage = 0;
  let adapterFrom = 'start';
  const readAll = await compare(
    { name: `readAll page (${page} events)`, eventsPerOp: page, concurrency: 1 },
    [
      {
        label: 'raw pg',
        op: async () => {
          const rows = await raw.readPage(rawAfter, page);
          rawPage = (rawPage + 1) % pagesPerScan;
          rawAfter = rawPage === 0 ? '0' : rows[rows.length - 1].global_position;
        },
      },
      {
        label: 'adapter',
        op: async () => {
          const events = await adapter.readAll({ from: adapterFrom, maxCount: page });
          adapterPage = (adapterPage + 1) % pagesPerScan;
          adapterFrom = adapterPage === 0 ? 'start' : events[events.length - 1].position;
        },
      },
    ],
    bench.timing,
  );
  return [...readStream, ...readAll];
}

/** Both contenders must hold the same rows, or the comparison means nothing. */
async function checkLoaded(bench: EventStoreBench, streamName: string, total: number): Promise<void> {
  const [fromAdapter, fromRaw] = [await bench.adapter.readStream(streamName), await bench.raw.readStream(streamName)];
  if (fromAdapter.length !== EVENTS_PER_READ_STREAM || fromRaw.length !== EVENTS_PER_READ_STREAM) {
    throw new BenchSetupError(
      `expected ${EVENTS_PER_READ_STREAM} events in ${streamName}: adapter ${fromAdapter.length}, raw ${fromRaw.length}`,
    );
  }
  const all = await bench.adapter.readAll();
  if (all.length !== total) throw new BenchSetupError(`expected ${total} events in the adapter's store, read ${all.length}`);
}
