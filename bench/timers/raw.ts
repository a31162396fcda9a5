import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { TIMERS_COLLECTION } from '../../services/deadline-watch/src/watch/mongo-timer.store';
import { TIMERS_TABLE } from '../../services/deadline-watch/src/watch/postgres-timer.store';
import type { TimerDocument } from '../../services/deadline-watch/src/watch/timer.store';
import { pendingTimer, writeTimers, type TimerSink } from './fill';

/** `count` pending timers due a minute before `now`, of cases nobody has: the raw baseline's work. */
export async function addRawDueTimers(sink: TimerSink, count: number, now: Date): Promise<void> {
  const fireAt = new Date(now.getTime() - 60_000);
  const timers: TimerDocument[] = Array.from({ length: count }, () => {
    const caseId = randomUUID();
    return pendingTimer({
      _id: `${caseId}/breached/2027-01-01`,
      tenant: 'raw',
      caseId,
      kind: 'breached',
      dueDate: '2027-01-01',
      workingDaysBefore: null,
      fireOn: '2027-01-02',
      fireAt,
      order: 1,
    });
  });
  await writeTimers(sink, timers);
}

/**
 * The raw baseline, timed: the bare driver's query for the due timers by the store's index, then one bulk
 * update marking them fired. Returns the ms and how many it found.
 */
export async function rawDueAndMark(sink: TimerSink, now: Date, limit: number): Promise<{ ms: number; found: number }> {
  const started = performance.now();
  if (sink.kind === 'postgres') {
    const { rows } = await sink.pool.query<{ id: string }>(
      `select * from ${TIMERS_TABLE} where state = 'pending' and fire_at <= $1 order by fire_at, ord, id limit $2`,
      [now, limit],
    );
    await sink.pool.query(`update ${TIMERS_TABLE} set state = 'done', outcome = 'raw', settled_at = $2 where id = any($1::text[])`, [
      rows.map((row) => row.id),
      now,
    ]);
    return { ms: performance.now() - started, found: rows.length };
  }
  const collection = sink.db.collection<TimerDocument>(TIMERS_COLLECTION);
  const due = await collection
    .find({ state: 'pending', fireAt: { $lte: now } })
    .sort({ fireAt: 1, order: 1, _id: 1 })
    .limit(limit)
    .toArray();
  await collection.updateMany({ _id: { $in: due.map((timer) => timer._id) } }, { $set: { state: 'done', outcome: 'raw', settledAt: now } });
  return { ms: performance.now() - started, found: due.length };
}

/** How many timers are pending now (the "open" count a measurement ran at). */
export async function pendingCount(sink: TimerSink): Promise<number> {
  if (sink.kind === 'postgres') {
    const { rows } = await sink.pool.query<{ n: string }>(`select count(*) as n from ${TIMERS_TABLE} where state = 'pending'`);
    return Number(rows[0].n);
  }
  return sink.db.collection<TimerDocument>(TIMERS_COLLECTION).countDocuments({ state: 'pending' });
}

/** The plan of the due query: PostgreSQL's `explain (analyze)`, or the Mongo `explain` (FerretDB: its SQL plan and pushdowns). */
export async function explainDue(sink: TimerSink, now: Date, limit: number): Promise<string[]> {
  if (sink.kind === 'postgres') {
    const { rows } = await sink.pool.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) select * from ${TIMERS_TABLE} where state = 'pending' and fire_at <= $1 order by fire_at, ord, id limit $2`,
      [now, limit],
    );
    return rows.map((row) => row['QUERY PLAN']);
  }
  return [JSON.stringify(await explainMongo(sink.db, now, limit))];
}

async function explainMongo(db: Db, now: Date, limit: number): Promise<unknown> {
  const result = await db.command({
    explain: { find: TIMERS_COLLECTION, filter: { state: 'pending', fireAt: { $lte: now } }, sort: { fireAt: 1, order: 1, _id: 1 }, limit },
    verbosity: 'queryPlanner',
  });
  const { queryPlanner, filterPushdown, sortPushdown, limitPushdown } = result as Record<string, unknown>;
  return { queryPlanner, filterPushdown, sortPushdown, limitPushdown };
}
