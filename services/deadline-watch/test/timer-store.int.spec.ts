import { randomUUID } from 'node:crypto';
import { createTestDatabase, testMongoUri, type TestDatabase } from '@civic/testing';
import mongoose, { type Connection } from 'mongoose';
import type { DeadlinePlan, PlannedTimer } from '../src/plan/deadline-plan';
import { timerKey } from '../src/plan/deadline-plan';
import { MongoTimerStore } from '../src/watch/mongo-timer.store';
import { PostgresTimerStore } from '../src/watch/postgres-timer.store';
import type { TimerStore } from '../src/watch/timer.store';

// The timer store's promises, the same for both adapters, on the real servers: the due query, the guards on
// a plan's writes, the claim and its lease, the settlement.
const AT = new Date('2027-03-10T08:00:00.000Z');

function planOf(
  caseId: string,
  dueDate: string,
  options: { fireAt: string; recorded?: boolean[]; open?: boolean } = { fireAt: '' },
): DeadlinePlan {
  const fireAt = new Date(options.fireAt);
  const timer = (kind: PlannedTimer['kind'], workingDaysBefore: number | null, order: number, index: number): PlannedTimer => ({
    key: timerKey(caseId, kind, dueDate, workingDaysBefore),
    kind,
    dueDate,
    workingDaysBefore,
    fireOn: dueDate,
    fireAt: new Date(fireAt.getTime() + index * 60_000),
    order,
    recorded: options.recorded?.[index] ?? false,
  });
  const open = options.open ?? true;
  return {
    caseId,
    tenant: 'peshtera',
    kind: 'complaint',
    registryNumber: `T-${caseId.slice(0, 6)}`,
    status: open ? 'Accepted' : 'Answered',
    open,
    start: '2027-03-01',
    dueDate: open ? dueDate : null,
    paused: false,
    steps: [],
    warnings: [],
    timers: open ? [timer('approaching', 5, 0, 0), timer('breached', null, 1, 1), timer('escalated', null, 2, 2)] : [],
  };
}

const states = async (store: TimerStore, caseId: string) =>
  (await store.ofCase(caseId)).map((t) => `${t._id.slice(caseId.length + 1)}:${t.state}:${t.planRevision}`);

describe.each(['postgres', 'mongodb'] as const)('the %s timer store', (kind) => {
  let database: TestDatabase;
  let connection: Connection;
  let store: TimerStore;

  beforeAll(async () => {
    database = await createTestDatabase('timer_store');
    connection = await mongoose.createConnection(await testMongoUri('timer_store')).asPromise();
    store = kind === 'postgres' ? await PostgresTimerStore.connect(database.url) : await MongoTimerStore.connect(connection);
  });

  afterAll(async () => {
    await store?.close();
    await connection?.db?.dropDatabase().catch(() => undefined);
    await connection?.close();
    await database?.drop();
  });

  it('gives the pending timers due at now, oldest first and in fire order, at most `limit` of them', async () => {
    const [early, late, later]: string[] = [randomUUID(), randomUUID(), randomUUID()];
    await store.apply(planOf(early, '2027-04-01', { fireAt: '2027-04-01T21:00:00.000Z' }), 3, AT);
    await store.apply(planOf(late, '2027-04-02', { fireAt: '2027-04-02T21:00:00.000Z' }), 3, AT);
    await store.apply(planOf(later, '2027-04-09', { fireAt: '2027-04-09T21:00:00.000Z' }), 3, AT);
    const now = new Date('2027-04-02T21:01:00.000Z');
    const due = (await store.due(now, 100)).filter((t) => [early, late, later].includes(t.caseId));
    expect(due.map((t) => `${t.caseId === early ? 'early' : 'late'}/${t.kind}`)).toEqual([
      'early/approaching',
      'early/breached',
      'early/escalated',
      'late/approaching',
      'late/breached',
    ]);
    expect((await store.due(now, 2)).length).toBe(2);
  });

  it('an older plan never overwrites a newer one; a recorded alert is done whatever the revision, and done is final', async () => {
    const caseId = randomUUID();
    await store.apply(planOf(caseId, '2027-05-03', { fireAt: '2027-04-27T21:00:00.000Z' }), 5, AT);
    // Extended: the timers of the new date, and the old ones cancelled.
    await store.apply(planOf(caseId, '2027-06-30', { fireAt: '2027-06-24T21:00:00.000Z' }), 7, AT);
    // A late delivery of the plan before the extension changes nothing.
    await store.apply(planOf(caseId, '2027-05-03', { fireAt: '2027-04-27T21:00:00.000Z' }), 6, AT);
    expect(await states(store, caseId)).toEqual([
      'approaching/2027-05-03/5:cancelled:7',
      'breached/2027-05-03:cancelled:7',
      'escalated/2027-05-03:cancelled:7',
      'approaching/2027-06-30/5:pending:7',
      'breached/2027-06-30:pending:7',
      'escalated/2027-06-30:pending:7',
    ]);
    // The warning recorded (from an older plan, even): done; a newer plan that does not know it yet keeps it done.
    await store.apply(planOf(caseId, '2027-06-30', { fireAt: '2027-06-24T21:00:00.000Z', recorded: [true] }), 6, AT);
    await store.apply(planOf(caseId, '2027-06-30', { fireAt: '2027-06-24T21:00:00.000Z' }), 9, AT);
    expect((await states(store, caseId)).slice(3)).toEqual([
      'approaching/2027-06-30/5:done:6',
      'breached/2027-06-30:pending:9',
      'escalated/2027-06-30:pending:9',
    ]);
    // Answered: nothing planned, every pending timer cancelled with the reason; done stays done.
    await store.apply(planOf(caseId, '2027-06-30', { fireAt: '2027-06-24T21:00:00.000Z', open: false }), 10, AT);
    const timers = await store.ofCase(caseId);
    expect(timers.slice(3).map((t) => `${t.state}:${t.outcome}`)).toEqual([
      'done:recorded',
      'cancelled:case Answered',
      'cancelled:case Answered',
    ]);
  });

  it('a claimed timer is held until its lease ends; settling and releasing act only on what the owner holds', async () => {
    const caseId = randomUUID();
    await store.apply(planOf(caseId, '2027-04-01', { fireAt: '2027-03-25T22:00:00.000Z' }), 2, AT);
    const ids = (await store.ofCase(caseId)).map((t) => t._id);
    const realNow = new Date('2030-01-01T00:00:00.000Z');
    const until = new Date(realNow.getTime() + 60_000);
    expect(await store.claim(ids, 'a', realNow, until)).toEqual(new Set(ids));
    expect(await store.claim(ids, 'b', realNow, until)).toEqual(new Set());
    // b may not end a's claims.
    await store.settle([{ id: ids[0], state: 'done', outcome: 'recorded' }], 'b', AT);
    await store.release([{ id: ids[1], outcome: 'no' }], 'b');
    expect((await store.ofCase(caseId)).map((t) => `${t.state}:${t.leaseOwner}`)).toEqual(['pending:a', 'pending:a', 'pending:a']);
    await store.settle([{ id: ids[0], state: 'done', outcome: 'recorded' }], 'a', AT);
    await store.release([{ id: ids[1], outcome: 'EscalationBeforeBreach' }], 'a');
    const [settled, released, held] = await store.ofCase(caseId);
    expect(settled).toMatchObject({ state: 'done', outcome: 'recorded', settledAt: AT, leaseOwner: null, leaseUntil: null, attempts: 1 });
    expect(released).toMatchObject({ state: 'pending', outcome: 'EscalationBeforeBreach', leaseOwner: null });
    // A lease that has run out is taken over.
    expect(await store.claim([held._id], 'b', until, new Date(until.getTime() + 60_000))).toEqual(new Set([held._id]));
    expect((await store.ofCase(caseId))[2]).toMatchObject({ leaseOwner: 'b', attempts: 2 });
  });

  if (kind === 'postgres') {
    it('two instances claiming the same batch at once share it out: each timer to exactly one', async () => {
      const cases = Array.from({ length: 20 }, () => randomUUID());
      for (const caseId of cases) await store.apply(planOf(caseId, '2027-04-01', { fireAt: '2027-03-25T22:00:00.000Z' }), 1, AT);
      const ids = (await Promise.all(cases.map((c) => store.ofCase(c)))).flat().map((t) => t._id);
      const realNow = new Date('2031-01-01T00:00:00.000Z');
      const until = new Date(realNow.getTime() + 60_000);
      const [a, b] = await Promise.all([store.claim(ids, 'a', realNow, until), store.claim([...ids].reverse(), 'b', realNow, until)]);
      expect([...a].filter((id) => b.has(id))).toEqual([]);
      expect(a.size + b.size).toBe(ids.length);
    });
  }
});
