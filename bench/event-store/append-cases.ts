import { PostgresEventStore, type EventToAppend } from '@civic/event-store';
import { caseEvent, caseEvents, caseStream, forEachConcurrently, newCaseId } from '../lib/events';
import { compare, type Contender, type Figures } from '../lib/measure';
import { AdapterSqlByHand } from './adapter-sql-by-hand';
import type { EventStoreBench } from './context';
import { PLAIN_INSERT, type RawSteps } from './raw-pg';
import { StreamSet } from './stream-set';

const BATCH = 10;
const CLAIM: RawSteps = { claim: true, notify: 'none' };
const CLAIM_NOTIFY: RawSteps = { claim: true, notify: 'in-transaction' };
const CLAIM_NOTIFY_AFTER: RawSteps = { claim: true, notify: 'after-commit' };
/** Its own schema, so its table and stream rows are the adapter's shape without sharing the adapter's rows. */
const BY_HAND_SCHEMA = 'bench_by_hand';

type Append = (streamName: string, events: EventToAppend[], expected: number) => Promise<void>;
/** A contender for an exact-revision case: its label, its own streams, how it appends. */
type ExactAppender = { label: string; streams: StreamSet; append: Append };

/**
 * The append cases, each contender on streams of its own:
 *   - one event to a new stream (`'no-stream'`);
 *   - 10 events to an existing stream with its exact revision;
 *   - `writers` concurrent writers, one event each to existing streams with the exact revision.
 * With `anatomy`, the exact-revision cases also run the raw baseline with the adapter's steps added one by one
 * (stream-row claim, NOTIFY in the transaction or after it), the adapter's own SQL by hand (plain, and as
 * prepared statements), and claim + insert + notify as one statement: where the adapter's cost goes, and what
 * two alternatives would save.
 */
export async function appendCases(bench: EventStoreBench): Promise<Figures[]> {
  const { adapter, raw, dataBytes } = bench;
  const results = await compare(
    { name: 'append 1 event, new stream', eventsPerOp: 1, concurrency: 1 },
    [
      {
        label: 'raw pg',
        op: async () => {
          const caseId = newCaseId();
          await raw.append(caseStream(caseId), [caseEvent(caseId, 0, dataBytes)], 0, PLAIN_INSERT);
        },
      },
      {
        label: 'adapter',
        op: async () => {
          const caseId = newCaseId();
          await adapter.appendToStream(caseStream(caseId), [caseEvent(caseId, 0, dataBytes)], { expectedRevision: 'no-stream' });
        },
      },
    ],
    bench.timing,
  );

  const byHandStore = await PostgresEventStore.connect({ url: bench.url, schema: BY_HAND_SCHEMA });
  const byHand = new AdapterSqlByHand(bench.url, BY_HAND_SCHEMA);
  const byHandPrepared = new AdapterSqlByHand(bench.url, BY_HAND_SCHEMA, true);
  try {
    const rawSteps =
      (steps: RawSteps): Append =>
      (s, events, expected) =>
        raw.append(s, events, expected + 1, steps);
    const rawBaseline: ExactAppender = { label: 'raw pg', streams: await rawStreams(bench, PLAIN_INSERT), append: rawSteps(PLAIN_INSERT) };
    const viaAdapter: ExactAppender = {
      label: 'adapter',
      streams: await storeStreams(bench, adapter),
      append: async (s, events, expected) => void (await adapter.appendToStream(s, events, { expectedRevision: expected })),
    };
    const anatomy: ExactAppender[] = !bench.anatomy
      ? []
      : [
          { label: 'raw + stream-row claim', streams: await rawStreams(bench, CLAIM), append: rawSteps(CLAIM) },
          { label: 'raw + claim + notify', streams: await rawStreams(bench, CLAIM_NOTIFY), append: rawSteps(CLAIM_NOTIFY) },
          { label: "adapter's SQL by hand", streams: await storeStreams(bench, byHandStore), append: (s, e, x) => byHand.append(s, e, x) },
          {
            label: "adapter's SQL by hand, prepared",
            streams: await storeStreams(bench, byHandStore),
            append: (s, e, x) => byHandPrepared.append(s, e, x),
          },
          {
            label: 'raw: claim + insert + notify in one statement',
            streams: await rawStreams(bench, CLAIM),
            append: (s, e, x) => raw.appendInOneStatement(s, e, x + 1),
          },
        ];
    const afterCommit: ExactAppender[] = !bench.anatomy
      ? []
      : [
          {
            label: 'raw + claim + notify after commit',
            streams: await rawStreams(bench, CLAIM_NOTIFY_AFTER),
            append: rawSteps(CLAIM_NOTIFY_AFTER),
          },
        ];

    results.push(
      ...(await compare(
        { name: `append ${BATCH} events, exact revision`, eventsPerOp: BATCH, concurrency: 1 },
        [rawBaseline, ...anatomy, viaAdapter].map((a) => exactContender(a, BATCH, 1, dataBytes)),
        bench.timing,
      )),
      ...(await compare(
        { name: `append 1 event, exact revision, ${bench.writers} writers`, eventsPerOp: 1, concurrency: bench.writers },
        [rawBaseline, ...anatomy, ...afterCommit, viaAdapter].map((a) => exactContender(a, 1, bench.writers, dataBytes)),
        bench.timing,
      )),
    );
  } finally {
    await byHand.close();
    await byHandPrepared.close();
    await byHandStore.close();
  }
  return results;
}

/** Each call appends `count` new events to the worker's next stream at its exact revision. */
function exactContender({ label, streams, append }: ExactAppender, count: number, workers: number, dataBytes: number): Contender {
  return {
    label,
    op: async (worker) => {
      const stream = streams.next(worker, workers);
      await append(stream.streamName, caseEvents(stream.caseId, stream.revision + 1, count, dataBytes), stream.revision);
      streams.appended(stream.index, count);
    },
  };
}

/** Streams with one event each, written through an event store (the adapter, or its schema for the by-hand SQL). */
async function storeStreams(bench: EventStoreBench, store: PostgresEventStore): Promise<StreamSet> {
  const streams = new StreamSet(bench.appendStreams);
  await forEachConcurrently(streams.caseIds, bench.writers, async (caseId) => {
    await store.appendToStream(caseStream(caseId), [caseEvent(caseId, 0, bench.dataBytes)], { expectedRevision: 'no-stream' });
  });
  streams.caseIds.forEach((_, i) => streams.appended(i, 1));
  return streams;
}

/** The same in the raw table, plus the stream rows the `claim` step updates. */
async function rawStreams(bench: EventStoreBench, steps: RawSteps): Promise<StreamSet> {
  const streams = new StreamSet(bench.appendStreams);
  await forEachConcurrently(streams.caseIds, bench.writers, async (caseId) => {
    await bench.raw.append(caseStream(caseId), [caseEvent(caseId, 0, bench.dataBytes)], 0, PLAIN_INSERT);
  });
  if (steps.claim) await bench.raw.createStreamRows(streams.streamNames, 0);
  streams.caseIds.forEach((_, i) => streams.appended(i, 1));
  return streams;
}
