import { Pool, type QueryResultRow } from 'pg';
import type { IsoDate, Kind } from '@civic/domain';
import type { DeadlinePlan, TimerKind } from '../plan/deadline-plan';
import {
  cancelReason,
  plannedTimerFields,
  TimerStore,
  type Release,
  type RetentionTally,
  type Settlement,
  type TimerDocument,
  type TimerState,
} from './timer.store';

/** deadline-watch's own schema in the event store's database. */
export const TIMERS_SCHEMA = 'deadline_watch';
export const TIMERS_TABLE = `${TIMERS_SCHEMA}.timers`;

/** The columns of a timer row, in the order `timerRow` gives them. */
export const TIMER_COLUMNS = [
  'id',
  'tenant',
  'case_id',
  'kind',
  'due_date',
  'working_days_before',
  'fire_on',
  'fire_at',
  'ord',
  'state',
  'plan_revision',
  'lease_owner',
  'lease_until',
  'attempts',
  'outcome',
  'settled_at',
] as const;

/** The SQL type of each column, for `unnest` of one array per column. */
export const TIMER_COLUMN_TYPES = [
  'text',
  'text',
  'text',
  'text',
  'text',
  'int',
  'text',
  'timestamptz',
  'smallint',
  'text',
  'bigint',
  'text',
  'timestamptz',
  'int',
  'text',
  'timestamptz',
] as const;

/**
 * The due timers are the pending ones by fire time: a partial index holds only those, so a tick reads the
 * due ones from it and stops at its limit, whatever the number of open (or settled) timers.
 */
const SCHEMA = [
  `create schema if not exists ${TIMERS_SCHEMA}`,
  `create table if not exists ${TIMERS_TABLE} (
     id text primary key,
     tenant text not null,
     case_id text not null,
     kind text not null,
     due_date text not null,
     working_days_before int,
     fire_on text not null,
     fire_at timestamptz not null,
     ord smallint not null,
     state text not null check (state in ('pending', 'done', 'cancelled')),
     plan_revision bigint not null,
     lease_owner text,
     lease_until timestamptz,
     attempts int not null default 0,
     outcome text,
     settled_at timestamptz
   )`,
  `create index if not exists timers_due on ${TIMERS_TABLE} (fire_at, ord, id) where state = 'pending'`,
  `create index if not exists timers_of_case on ${TIMERS_TABLE} (case_id)`,
  // The retention report's: a tenant's retention timers by kind of case (columns added after the first release).
  `alter table ${TIMERS_TABLE} add column if not exists case_kind text`,
  `alter table ${TIMERS_TABLE} add column if not exists registry_number text`,
  `create index if not exists timers_retention on ${TIMERS_TABLE} (tenant, case_kind, state) where kind = 'retention'`,
];

const PLANNED = `unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::smallint[], $8::text[], $9::text[], $10::timestamptz[])
  as p(id, kind, due_date, working_days_before, fire_on, fire_at, ord, state, outcome, settled_at)`;

// One statement, so atomic: the planned timers written unless done or written by a newer plan (a recorded
// alert is done whatever the plan's revision), the case's other pending ones cancelled.
const APPLY = `
  with upserted as (
    insert into ${TIMERS_TABLE} as t (id, tenant, case_id, kind, due_date, working_days_before, fire_on, fire_at, ord, state, plan_revision, outcome, settled_at, case_kind, registry_number)
    select p.id, $11, $12, p.kind, p.due_date, p.working_days_before, p.fire_on, p.fire_at, p.ord, p.state, $13, p.outcome, p.settled_at, $16, $17
    from ${PLANNED}
    order by p.id
    on conflict (id) do update set
      tenant = excluded.tenant, case_id = excluded.case_id, kind = excluded.kind, due_date = excluded.due_date,
      working_days_before = excluded.working_days_before, fire_on = excluded.fire_on, fire_at = excluded.fire_at,
      ord = excluded.ord, state = excluded.state, plan_revision = excluded.plan_revision, outcome = excluded.outcome,
      settled_at = excluded.settled_at, case_kind = excluded.case_kind, registry_number = excluded.registry_number
    where t.state <> 'done' and (excluded.state = 'done' or t.plan_revision <= excluded.plan_revision)
    returning t.id
  )
  update ${TIMERS_TABLE} set state = 'cancelled', plan_revision = $13, outcome = $14, settled_at = $15
  where case_id = $12 and state = 'pending' and not (id = any($1::text[])) and plan_revision <= $13`;

const DUE = `select * from ${TIMERS_TABLE} where state = 'pending' and fire_at <= $1 order by fire_at, ord, id limit $2`;

// Rows locked in id order and those another instance is locking skipped, so two claimers never deadlock and
// each timer goes to one of them.
const CLAIM = `
  with free as (
    select id from ${TIMERS_TABLE}
    where id = any($1::text[]) and state = 'pending' and (lease_until is null or lease_until <= $3)
    order by id
    for update skip locked
  )
  update ${TIMERS_TABLE} t set lease_owner = $2, lease_until = $4, attempts = t.attempts + 1
  from free where t.id = free.id
  returning t.id`;

const SETTLE = `
  update ${TIMERS_TABLE} t set state = s.state, outcome = s.outcome, settled_at = $4, lease_owner = null, lease_until = null
  from (select * from unnest($1::text[], $2::text[], $3::text[]) as s(id, state, outcome) order by id) s
  where t.id = s.id and t.lease_owner = $5 and t.state = 'pending'`;

const RELEASE = `
  update ${TIMERS_TABLE} t set lease_owner = null, lease_until = null, outcome = s.outcome
  from (select * from unnest($1::text[], $2::text[]) as s(id, outcome) order by id) s
  where t.id = s.id and t.lease_owner = $3`;

const OF_CASE = `select * from ${TIMERS_TABLE} where case_id = $1 order by fire_at, ord, id`;

// A tenant's retention timers by kind of case: how many are done, how many pending are due by $2.
const RETENTION_COUNTS = `
  select case_kind, count(*) filter (where state = 'done')::int as erased,
         count(*) filter (where state = 'pending' and fire_at <= $2)::int as due
  from ${TIMERS_TABLE}
  where tenant = $1 and kind = 'retention' and case_kind is not null and state in ('pending', 'done')
  group by case_kind`;

// The latest $2 erasures of each kind, most recently settled first.
const RETENTION_LATEST = `
  select case_kind, registry_number, due_date, settled_at from (
    select case_kind, registry_number, due_date, settled_at,
           row_number() over (partition by case_kind order by settled_at desc nulls last, id) as n
    from ${TIMERS_TABLE}
    where tenant = $1 and kind = 'retention' and case_kind is not null and state = 'done'
  ) latest
  where n <= $2
  order by case_kind, n`;

interface TimerRow extends QueryResultRow {
  id: string;
  tenant: string;
  case_id: string;
  kind: TimerKind;
  due_date: string;
  working_days_before: number | null;
  fire_on: string;
  fire_at: Date;
  ord: number;
  state: TimerState;
  plan_revision: string;
  lease_owner: string | null;
  lease_until: Date | null;
  attempts: number;
  outcome: string | null;
  settled_at: Date | null;
  case_kind: Kind | null;
  registry_number: string | null;
}

/**
 * The timers in PostgreSQL (`deadline_watch.timers` in the event store's database): the due query is served
 * from a partial index on the pending timers, a claim is an atomic conditional update of the whole batch, and
 * a plan's writes are one statement. Fixed statements are named (prepared once per connection).
 */
export class PostgresTimerStore extends TimerStore {
  private constructor(private readonly pool: Pool) {
    super();
  }

  static async connect(url: string): Promise<PostgresTimerStore> {
    const pool = new Pool({ connectionString: url, application_name: 'deadline-watch-timers', max: 5 });
    // An idle pooled connection that breaks is dropped by the pool; the next query opens a new one.
    pool.on('error', () => undefined);
    try {
      await createTimersSchema(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresTimerStore(pool);
  }

  async apply(plan: DeadlinePlan, revision: number, at: Date): Promise<void> {
    const timers = plannedTimerFields(plan, revision, at);
    await this.pool.query({
      name: 'deadline-timers-apply',
      text: APPLY,
      values: [
        timers.map((t) => t._id),
        timers.map((t) => t.kind),
        timers.map((t) => t.dueDate),
        timers.map((t) => t.workingDaysBefore),
        timers.map((t) => t.fireOn),
        timers.map((t) => t.fireAt),
        timers.map((t) => t.order),
        timers.map((t) => t.state),
        timers.map((t) => t.outcome),
        timers.map((t) => t.settledAt),
        plan.tenant,
        plan.caseId,
        revision,
        cancelReason(plan),
        at,
        plan.kind,
        plan.registryNumber,
      ],
    });
  }

  async due(now: Date, limit: number): Promise<TimerDocument[]> {
    const { rows } = await this.pool.query<TimerRow>({ name: 'deadline-timers-due', text: DUE, values: [now, limit] });
    return rows.map(toDocument);
  }

  async claim(ids: readonly string[], owner: string, realNow: Date, until: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.pool.query<{ id: string }>({
      name: 'deadline-timers-claim',
      text: CLAIM,
      values: [ids, owner, realNow, until],
    });
    return new Set(rows.map((row) => row.id));
  }

  async settle(settlements: readonly Settlement[], owner: string, at: Date): Promise<void> {
    if (settlements.length === 0) return;
    await this.pool.query({
      name: 'deadline-timers-settle',
      text: SETTLE,
      values: [settlements.map((s) => s.id), settlements.map((s) => s.state), settlements.map((s) => s.outcome), at, owner],
    });
  }

  async release(releases: readonly Release[], owner: string): Promise<void> {
    if (releases.length === 0) return;
    await this.pool.query({
      name: 'deadline-timers-release',
      text: RELEASE,
      values: [releases.map((r) => r.id), releases.map((r) => r.outcome), owner],
    });
  }

  async ofCase(caseId: string): Promise<TimerDocument[]> {
    const { rows } = await this.pool.query<TimerRow>({ name: 'deadline-timers-of-case', text: OF_CASE, values: [caseId] });
    return rows.map(toDocument);
  }

  async retention(tenant: string, dueBy: Date, latest: number): Promise<RetentionTally[]> {
    const [counts, recent] = await Promise.all([
      this.pool.query<{ case_kind: Kind; erased: number; due: number }>({
        name: 'deadline-timers-retention-counts',
        text: RETENTION_COUNTS,
        values: [tenant, dueBy],
      }),
      this.pool.query<{ case_kind: Kind; registry_number: string | null; due_date: IsoDate; settled_at: Date | null }>({
        name: 'deadline-timers-retention-latest',
        text: RETENTION_LATEST,
        values: [tenant, latest],
      }),
    ]);
    return counts.rows
      .filter((row) => row.erased > 0 || row.due > 0)
      .map((row) => ({
        kind: row.case_kind,
        erased: row.erased,
        due: row.due,
        latest: recent.rows
          .filter((erased) => erased.case_kind === row.case_kind)
          .map((erased) => ({ registryNumber: erased.registry_number, endedOn: erased.due_date, erasedAt: erased.settled_at })),
      }));
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Creates the schema if missing; an advisory lock makes it safe from many instances at once. */
export async function createTimersSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`${TIMERS_SCHEMA}-schema`]);
    for (const statement of SCHEMA) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A timer as a row, values in `TIMER_COLUMNS` order (also what a bulk load writes). */
export function timerRow(timer: TimerDocument): unknown[] {
  return [
    timer._id,
    timer.tenant,
    timer.caseId,
    timer.kind,
    timer.dueDate,
    timer.workingDaysBefore,
    timer.fireOn,
    timer.fireAt,
    timer.order,
    timer.state,
    timer.planRevision,
    timer.leaseOwner,
    timer.leaseUntil,
    timer.attempts,
    timer.outcome,
    timer.settledAt,
  ];
}

function toDocument(row: TimerRow): TimerDocument {
  return {
    _id: row.id,
    tenant: row.tenant,
    caseId: row.case_id,
    kind: row.kind,
    dueDate: row.due_date,
    workingDaysBefore: row.working_days_before,
    fireOn: row.fire_on,
    fireAt: row.fire_at,
    order: row.ord,
    state: row.state,
    planRevision: Number(row.plan_revision),
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    attempts: row.attempts,
    outcome: row.outcome,
    settledAt: row.settled_at,
    caseKind: row.case_kind,
    registryNumber: row.registry_number,
  };
}
