import { randomUUID } from 'node:crypto';
import { SingleBar, Presets } from 'cli-progress';
import type { Db } from 'mongodb';
import type { Pool } from 'pg';
import { addCalendarDays, startOfLocalDay, type IsoDate, type TenantCharter } from '@civic/domain';
import { timerKey } from '../../services/deadline-watch/src/plan/deadline-plan';
import { TIMERS_COLLECTION } from '../../services/deadline-watch/src/watch/mongo-timer.store';
import { TIMER_COLUMNS, TIMER_COLUMN_TYPES, TIMERS_TABLE, timerRow } from '../../services/deadline-watch/src/watch/postgres-timer.store';
import type { TimerDocument } from '../../services/deadline-watch/src/watch/timer.store';

/** Where the open timers go: the store's own table or collection, written in bulk in its real shape. */
export type TimerSink = { kind: 'postgres'; pool: Pool } | { kind: 'mongodb'; db: Db };

/** A timer as a fresh plan leaves it: pending, in no one's hands, never tried. */
export function pendingTimer(
  planned: Pick<TimerDocument, '_id' | 'tenant' | 'caseId' | 'kind' | 'dueDate' | 'workingDaysBefore' | 'fireOn' | 'fireAt' | 'order'>,
): TimerDocument {
  return {
    ...planned,
    state: 'pending',
    planRevision: 1,
    leaseOwner: null,
    leaseUntil: null,
    attempts: 0,
    outcome: null,
    settledAt: null,
  };
}

/**
 * The four timers of an open case as deadline-watch plans them (two warnings, the breach and the escalation,
 * keyed and timed at the tenant's local midnight), for synthetic cases whose due dates are spread over the
 * 80 days after `after` + 10: none of them is due at `after`.
 */
export function openCaseTimers(
  index: number,
  tenants: readonly Pick<TenantCharter, 'slug' | 'timeZone'>[],
  after: IsoDate,
): TimerDocument[] {
  const tenant = tenants[index % tenants.length];
  const caseId = randomUUID();
  const dueDate = addCalendarDays(after, 10 + (index % 80));
  const timer = (kind: TimerDocument['kind'], fireOn: IsoDate, workingDaysBefore: number | null, order: number): TimerDocument =>
    pendingTimer({
      _id: timerKey(caseId, kind, dueDate, workingDaysBefore),
      tenant: tenant.slug,
      caseId,
      kind,
      dueDate,
      workingDaysBefore,
      fireOn,
      fireAt: startOfLocalDay(fireOn, tenant.timeZone),
      order,
    });
  const dayAfter = addCalendarDays(dueDate, 1);
  return [
    timer('approaching', addCalendarDays(dueDate, -7), 5, 0),
    timer('approaching', addCalendarDays(dueDate, -1), 1, 0),
    timer('breached', dayAfter, null, 1),
    timer('escalated', dayAfter, null, 2),
  ];
}

/** Writes `count` open timers (4 per case) in chunks, with a progress bar; returns the elapsed ms. */
export async function fillOpenTimers(
  sink: TimerSink,
  count: number,
  options: {
    tenants: readonly Pick<TenantCharter, 'slug' | 'timeZone'>[];
    after: IsoDate;
    chunk: number;
    label: string;
    firstCase: number;
  },
): Promise<number> {
  const bar = new SingleBar(
    { format: `${options.label} [{bar}] {value}/{total} timers, {eta_formatted} left`, hideCursor: true },
    Presets.legacy,
  );
  bar.start(count, 0);
  const started = performance.now();
  let written = 0;
  let caseIndex = options.firstCase;
  try {
    while (written < count) {
      const timers: TimerDocument[] = [];
      while (timers.length < Math.min(options.chunk, count - written)) {
        timers.push(...openCaseTimers(caseIndex, options.tenants, options.after));
        caseIndex += 1;
      }
      const batch = timers.slice(0, count - written);
      await writeTimers(sink, batch);
      written += batch.length;
      bar.update(written);
    }
  } finally {
    bar.stop();
  }
  return performance.now() - started;
}

/** One bulk insert: `insert … select * from unnest(…)` into the table, or `insertMany` into the collection. */
export async function writeTimers(sink: TimerSink, timers: readonly TimerDocument[]): Promise<void> {
  if (timers.length === 0) return;
  if (sink.kind === 'mongodb') {
    await sink.db.collection<TimerDocument>(TIMERS_COLLECTION).insertMany([...timers], { ordered: false });
    return;
  }
  const rows = timers.map(timerRow);
  const columns = TIMER_COLUMNS.map((_, i) => rows.map((row) => row[i]));
  const unnest = TIMER_COLUMN_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  await sink.pool.query(`insert into ${TIMERS_TABLE} (${TIMER_COLUMNS.join(', ')}) select * from unnest(${unnest})`, columns);
}
