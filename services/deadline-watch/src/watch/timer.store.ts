import type { IsoDate, Kind } from '@civic/domain';
import type { DeadlinePlan, TimerKind } from '../plan/deadline-plan';

export type TimerState = 'pending' | 'done' | 'cancelled';

/** One timer: a case, an alert kind (or retention), a due date and (warnings) a threshold; its `_id` is the plan's key. */
export interface TimerDocument {
  _id: string;
  tenant: string;
  caseId: string;
  kind: TimerKind;
  dueDate: IsoDate;
  workingDaysBefore: number | null;
  fireOn: IsoDate;
  fireAt: Date;
  order: number;
  state: TimerState;
  /** The case stream's revision the plan that last wrote this timer was made from: an older plan never overwrites it. */
  planRevision: number;
  /** Which instance works the timer now, and until when (the real time, not the test clock). */
  leaseOwner: string | null;
  leaseUntil: Date | null;
  attempts: number;
  /** How it ended, or why the last attempt failed. */
  outcome: string | null;
  settledAt: Date | null;
  /** The case's kind and registry number, for the retention report (absent on timers planned before they were kept). */
  caseKind?: Kind | null;
  registryNumber?: string | null;
}

/** One erasure by retention, as the report lists it: no personal data. */
export interface RetentionErasure {
  registryNumber: string | null;
  /** The tenant's day the case ended: the retention period counted from it. */
  endedOn: IsoDate;
  erasedAt: Date | null;
}

/** A tenant's retention timers of one kind of case: erased so far, the latest of them, and those due by a date. */
export interface RetentionTally {
  kind: Kind;
  erased: number;
  latest: RetentionErasure[];
  due: number;
}

/** How a fired timer ends: done (the alert is on the stream) or cancelled (the case moved on). */
export interface Settlement {
  id: string;
  state: Exclude<TimerState, 'pending'>;
  outcome: string;
}

/** A claimed timer given back for a later tick, with why (null: nothing to say). */
export interface Release {
  id: string;
  outcome: string | null;
}

/**
 * The durable timers: every write is conditional, so a plan writes a timer only if no newer plan has, a
 * claim succeeds for one instance only, and `done` is final. A tick reads only the pending timers that are
 * due, oldest first, so its work grows with the timers due, not with the open cases.
 *
 * Two adapters: PostgreSQL (`postgres-timer.store.ts`, the default wherever the event store is PostgreSQL)
 * and MongoDB (`mongo-timer.store.ts`, for a deployment on EventStoreDB and MongoDB). FerretDB 1.x serves
 * neither the due query nor a lookup by `_id` from an index, so on it every timer operation reads the whole
 * collection (bench/README.md, "timers").
 */
export abstract class TimerStore {
  /**
   * Brings the case's timers in line with its plan, made from the stream at `revision`: planned ones pending
   * (or done when the alert is on the stream), every other pending one of the case cancelled.
   */
  abstract apply(plan: DeadlinePlan, revision: number, at: Date): Promise<void>;

  /** At most `limit` pending timers due at `now` in fire order, leased ones included (a tick skips their cases). */
  abstract due(now: Date, limit: number): Promise<TimerDocument[]>;

  /** Takes each timer for `owner` until `until` unless another instance holds it; returns the ids taken. */
  abstract claim(ids: readonly string[], owner: string, realNow: Date, until: Date): Promise<Set<string>>;

  /** Ends claimed timers (only those `owner` still holds and that are still pending). */
  abstract settle(settlements: readonly Settlement[], owner: string, at: Date): Promise<void>;

  /** Gives claimed timers back for a later tick. */
  abstract release(releases: readonly Release[], owner: string): Promise<void>;

  abstract ofCase(caseId: string): Promise<TimerDocument[]>;

  /**
   * The tenant's retention timers by kind of case: how many are done (erased), the `latest` most recently
   * settled of them, and how many are pending with `fireAt <= dueBy`. Kinds with none are left out.
   */
  abstract retention(tenant: string, dueBy: Date, latest: number): Promise<RetentionTally[]>;

  abstract close(): Promise<void>;
}

/** What a plan writes for each of its timers, the same for every adapter. */
export function plannedTimerFields(plan: DeadlinePlan, revision: number, at: Date) {
  return plan.timers.map((timer) => ({
    _id: timer.key,
    tenant: plan.tenant,
    caseId: plan.caseId,
    kind: timer.kind,
    dueDate: timer.dueDate,
    workingDaysBefore: timer.workingDaysBefore,
    fireOn: timer.fireOn,
    fireAt: timer.fireAt,
    order: timer.order,
    // An alert on the stream is final whatever plan says otherwise: done needs no revision check.
    state: timer.recorded ? ('done' as const) : ('pending' as const),
    planRevision: revision,
    outcome: timer.recorded ? 'recorded' : null,
    settledAt: timer.recorded ? at : null,
    caseKind: plan.kind,
    registryNumber: plan.registryNumber,
  }));
}

export function cancelReason(plan: DeadlinePlan): string {
  if (plan.erased) return 'personal data erased';
  if (!plan.open) return `case ${plan.status}`;
  if (plan.paused && plan.dueDate === null) return 'clock paused';
  if (plan.dueDate === null) return 'no due date';
  return `due date now ${plan.dueDate}`;
}

/** The retention tallies of a tenant's retention timers (the MongoDB adapter's, and the rule PostgreSQL's SQL follows). */
export function tallyRetention(timers: readonly TimerDocument[], dueBy: Date, latest: number): RetentionTally[] {
  const byKind = new Map<Kind, { erased: TimerDocument[]; due: number }>();
  for (const timer of timers) {
    if (timer.kind !== 'retention' || !timer.caseKind) continue;
    const tally = byKind.get(timer.caseKind) ?? { erased: [], due: 0 };
    if (timer.state === 'done') tally.erased.push(timer);
    else if (timer.state === 'pending' && timer.fireAt.getTime() <= dueBy.getTime()) tally.due += 1;
    byKind.set(timer.caseKind, tally);
  }
  return [...byKind.entries()]
    .filter(([, tally]) => tally.erased.length > 0 || tally.due > 0)
    .map(([kind, tally]) => ({
      kind,
      erased: tally.erased.length,
      due: tally.due,
      latest: tally.erased
        .sort((a, b) => (b.settledAt?.getTime() ?? 0) - (a.settledAt?.getTime() ?? 0) || a._id.localeCompare(b._id))
        .slice(0, latest)
        .map((timer) => ({ registryNumber: timer.registryNumber ?? null, endedOn: timer.dueDate, erasedAt: timer.settledAt })),
    }));
}
