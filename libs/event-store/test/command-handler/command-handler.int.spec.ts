import { randomUUID } from 'node:crypto';
import { caseDecider, upcast, type CaseCommand, type StoredCaseEvent } from '@civic/domain';
import { createTestDatabase, type TestDatabase } from '@civic/testing';
import { createCommandHandler, PostgresEventStore, type EventStore, type RecordedEvent } from '../../src';
import { caseCommand, registration } from './case-commands';

/**
 * A gate shared by several stores: the first `parties` stream reads through it return only once all
 * of them have read, so the handlers behind them decide on the same state and race to append.
 */
function readTogether(parties: number) {
  let arrived = 0;
  let release!: () => void;
  const allRead = new Promise<void>((resolve) => (release = resolve));
  return (store: EventStore): EventStore =>
    new Proxy(store, {
      get(target, property) {
        if (property === 'readStream') {
          return async (...args: Parameters<EventStore['readStream']>) => {
            const events = await target.readStream(...args);
            if (arrived < parties && ++arrived === parties) release();
            await allRead;
            return events;
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
}

describe('command handler on PostgreSQL with the case decider', () => {
  let database: TestDatabase;
  let stores: PostgresEventStore[];

  beforeAll(async () => {
    database = await createTestDatabase('es_handler');
    // Two stores, two pools: two service instances handling commands for the same case.
    stores = await Promise.all([1, 2].map(() => PostgresEventStore.connect({ url: database.url })));
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await database.drop();
  });

  const handlerOn = (store: EventStore) =>
    createCommandHandler({
      store,
      decider: caseDecider,
      streamName: (command: CaseCommand) => `case-${command.metadata.caseId}`,
      fromRecorded: (e: RecordedEvent) => upcast({ type: e.type, data: e.data, metadata: e.metadata } as unknown as StoredCaseEvent),
    });

  async function routedCase(): Promise<string> {
    const caseId = randomUUID();
    const handler = handlerOn(stores[0]);
    for (const command of [
      registration(caseId),
      caseCommand(caseId, 'ScreenCase', 'registrar', { outcome: 'accept' }),
      caseCommand(caseId, 'RouteCase', 'system', { unit: 'utilities', ruleId: 'lighting', ruleVersion: 1 }),
    ]) {
      expect(await handler.handle(command)).toMatchObject({ ok: true });
    }
    return caseId;
  }

  const types = async (caseId: string) => (await stores[0].readStream(`case-${caseId}`)).map((e) => e.type);

  it('two officers assigned at once: one wins; the other retries, sees the assignment and is rejected for it', async () => {
    const caseId = await routedCase();
    const gate = readTogether(2);
    const outcomes = await Promise.all(
      ['officer-1', 'officer-2'].map((officerId, i) =>
        handlerOn(gate(stores[i])).handle(caseCommand(caseId, 'AssignCase', 'system', { officerId })),
      ),
    );
    const won = outcomes.filter((o) => o.ok);
    const lost = outcomes.filter((o) => !o.ok);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ attempts: 1, nextExpectedRevision: 3 });
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({
      attempts: 2,
      rejection: { type: 'IllegalTransition', from: 'Assigned', command: 'AssignCase' },
    });
    expect(await types(caseId)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
  });

  it('two re-routings at once: both succeed, the retried one appended after the other (it saw it)', async () => {
    const caseId = await routedCase();
    const units = ['roads', 'parks'];
    const gate = readTogether(2);
    const outcomes = await Promise.all(
      units.map((unit, i) =>
        handlerOn(gate(stores[i])).handle(caseCommand(caseId, 'RouteCase', 'system', { unit, ruleId: 'manual', ruleVersion: 1 })),
      ),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(outcomes.map((o) => o.attempts).sort()).toEqual([1, 2]);
    const retried = outcomes.find((o) => o.attempts === 2);
    const firstTime = outcomes.find((o) => o.attempts === 1);
    expect(retried).toMatchObject({ nextExpectedRevision: 4 });
    expect(firstTime).toMatchObject({ nextExpectedRevision: 3 });

    const stream = await stores[0].readStream(`case-${caseId}`);
    expect(stream.map((e) => e.type)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseRouted', 'CaseRouted']);
    const finalUnit = stream[4].data.unit;
    expect(units).toContain(finalUnit);
    expect(stream[3].data.unit).toBe(units.find((u) => u !== finalUnit));
  });

  it('a rejection appends nothing', async () => {
    const caseId = await routedCase();
    const outcome = await handlerOn(stores[0]).handle(registration(caseId));
    expect(outcome).toMatchObject({ ok: false, rejection: { type: 'CaseAlreadyRegistered' }, attempts: 1 });
    expect(await types(caseId)).toHaveLength(3);
  });

  it('the same command twice at once (a rebalance delivers it to two consumers): one decision is appended, the other sees it as a duplicate', async () => {
    const caseId = await routedCase();
    const reroute = caseCommand(caseId, 'RouteCase', 'system', { unit: 'roads', ruleId: 'manual', ruleVersion: 1 });
    const gate = readTogether(2);
    const outcomes = await Promise.all([0, 1].map((i) => handlerOn(gate(stores[i])).handle(reroute)));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const duplicate = outcomes.find((o) => o.ok && o.duplicate);
    const original = outcomes.find((o) => o.ok && !o.duplicate);
    expect(duplicate).toMatchObject({ attempts: 2 });
    expect(duplicate?.ok && duplicate.events.map((e) => e.id)).toEqual(original?.ok && original.events.map((e) => e.id));
    expect(await types(caseId)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseRouted']);
  });

  it('a command retried later is not decided again: its earlier events come back marked duplicate', async () => {
    const caseId = await routedCase();
    const reroute = caseCommand(caseId, 'RouteCase', 'system', { unit: 'parks', ruleId: 'manual', ruleVersion: 1 });
    const first = await handlerOn(stores[0]).handle(reroute);
    const again = await handlerOn(stores[1]).handle(reroute);
    expect(again).toMatchObject({ ok: true, duplicate: true, nextExpectedRevision: 3 });
    expect(again.ok && again.events.map((e) => e.revision)).toEqual(first.ok && first.events.map((e) => e.revision));
    expect(await types(caseId)).toHaveLength(4);
  });

  it('a command pinned to a revision (If-Match) is decided only on it: a moved stream throws, and a race is not retried', async () => {
    const caseId = await routedCase();
    const reroute = (unit: string) => caseCommand(caseId, 'RouteCase', 'system', { unit, ruleId: 'manual', ruleVersion: 1 });
    await expect(handlerOn(stores[0]).handle(reroute('roads'), { expectedRevision: 1 })).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
      actual: 2,
    });
    const gate = readTogether(2);
    const outcomes = await Promise.allSettled(
      ['roads', 'parks'].map((unit, i) => handlerOn(gate(stores[i])).handle(reroute(unit), { expectedRevision: 2 })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await types(caseId)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseRouted']);
  });
});
