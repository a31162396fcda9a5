import { routingConfigDecider, routingConfigStreamName, type Officer } from '@civic/domain';
import { createCommandHandler, InMemoryEventStore } from '@civic/event-store';
import {
  CaseAccessPolicy,
  caseCommand,
  caseCommandsOn,
  CaseReader,
  DEFAULT_TENANTS_DIR,
  TenantDirectory,
  type CaseCommandContext,
} from '@civic/platform';
import { CaseActions, type CaseActionRequest } from './case-actions';

// The application service without servers: the case command handler on the in-memory event store.
const TENANT = 'peshtera';
const CASE_ID = '0b6f4a54-6a52-4f0e-9d4f-3c1c6f1f9a01';
const NOW = new Date('2026-03-02T09:00:00.000Z');
const secretary = { sub: 'peshtera:secretary', roles: ['secretary' as const] };
const reassign = { type: 'ReassignCase' as const, data: { officerId: 'pw-b', reason: 'отпуск' } };

async function assignedCase(store: InMemoryEventStore): Promise<void> {
  const commands = caseCommandsOn(store);
  const context: CaseCommandContext = {
    tenant: TENANT,
    caseId: CASE_ID,
    actor: { id: 'system', role: 'system' },
    correlationId: 'c',
    now: NOW.toISOString(),
  };
  const register = {
    kind: 'complaint' as const,
    channel: 'post' as const,
    receivedAt: NOW.toISOString(),
    registryNumber: 'PSH-2026-000001',
    submitter: null,
    text: 'Уличното осветление не работи.',
    attachments: [],
    healthSafetyThreat: false,
    language: 'bg' as const,
  };
  for (const body of [
    { type: 'RegisterCase', data: register },
    { type: 'ScreenCase', data: { outcome: 'accept' } },
    { type: 'RouteCase', data: { unit: 'public-works', ruleId: 'r', ruleVersion: 1 } },
    { type: 'AssignCase', data: { officerId: 'pw-a' } },
  ] as const) {
    const actor = body.type === 'RegisterCase' ? { id: 'registrar', role: 'registrar' as const } : context.actor;
    const outcome = await commands.handle(caseCommand(body, { ...context, actor }));
    if (!outcome.ok) throw new Error(outcome.rejection.type);
  }
}

/** The tenant admin's officers, set through the routing set-up's decider. */
async function officersOf(store: InMemoryEventStore, tenants: TenantDirectory, officers: Officer[]): Promise<void> {
  const charter = tenants.get(TENANT);
  if (!charter) throw new Error('no seed tenant');
  const outcome = await createCommandHandler({
    store,
    decider: routingConfigDecider,
    streamName: () => routingConfigStreamName(TENANT),
  }).handle({
    type: 'ChangeOfficers',
    data: { officers },
    metadata: {
      tenant: TENANT,
      actor: { id: 'admin', role: 'tenant-admin' },
      commandId: 'o-1',
      correlationId: 'c',
      now: NOW.toISOString(),
      charter,
    },
  });
  if (!outcome.ok) throw new Error(outcome.rejection.type);
}

describe('CaseActions: a case action after routing, in memory', () => {
  let store: InMemoryEventStore;
  let actions: CaseActions;
  const request = (headers: Partial<CaseActionRequest> = {}): CaseActionRequest => ({
    tenant: TENANT,
    caseId: CASE_ID,
    caller: secretary,
    idempotencyKey: 'key-1',
    ifMatch: undefined,
    correlationId: undefined,
    ...headers,
  });

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await assignedCase(store);
    const access = new CaseAccessPolicy(store, TenantDirectory.load(DEFAULT_TENANTS_DIR));
    const tenants = TenantDirectory.load(DEFAULT_TENANTS_DIR);
    await officersOf(store, tenants, [
      { id: 'pw-a', unit: 'public-works', absent: false },
      { id: 'pw-b', unit: 'public-works', absent: false },
      { id: 'pw-c', unit: 'public-works', absent: true },
      { id: 'ew-a', unit: 'environment-waste', absent: false },
    ]);
    actions = new CaseActions(caseCommandsOn(store), new CaseReader(store), { now: () => NOW }, access, store);
  });

  it('decides on the revision If-Match names, and answers with the events and the new revision', async () => {
    expect(await actions.take(request({ ifMatch: '"3"' }), reassign)).toEqual({ caseId: CASE_ID, events: ['CaseReassigned'], revision: 4 });
  });

  it('a retry with the same key is the same action: the same answer, one event', async () => {
    const first = await actions.take(request({ ifMatch: '"3"' }), reassign);
    expect(await actions.take(request({ ifMatch: '"3"' }), reassign)).toEqual(first);
    expect(store.stream(`case-${CASE_ID}`).filter((event) => event.type === 'CaseReassigned')).toHaveLength(1);
  });

  it('refuses a key used for another request, a stale or weak If-Match, and a missing key', async () => {
    await actions.take(request(), reassign);
    const other = { ...reassign, data: { ...reassign.data, reason: 'друго' } };
    await expect(actions.take(request(), other)).rejects.toMatchObject({ status: 422 });
    await expect(actions.take(request({ idempotencyKey: 'key-2', ifMatch: '"3"' }), reassign)).rejects.toMatchObject({
      status: 412,
      response: { currentRevision: 4 },
    });
    await expect(actions.take(request({ idempotencyKey: 'key-3', ifMatch: 'W/"4"' }), reassign)).rejects.toMatchObject({ status: 412 });
    await expect(actions.take(request({ idempotencyKey: undefined }), reassign)).rejects.toMatchObject({ status: 400 });
  });

  it("another tenant's case, or no case at all, is not found", async () => {
    await expect(actions.take(request({ tenant: 'sopot' }), reassign)).rejects.toMatchObject({ status: 404 });
    await expect(actions.take(request({ caseId: 'not-a-case' }), reassign)).rejects.toMatchObject({ status: 404 });
  });

  it('only those who work the case act on it: a head of another unit and an officer it is not assigned to get 403', async () => {
    const otherHead = { sub: 'peshtera:head-of-roads', roles: ['head-of-unit' as const] };
    await expect(actions.take(request({ caller: otherHead }), reassign)).rejects.toMatchObject({ status: 403 });
    const redirect = { type: 'RedirectCase' as const, data: { authority: 'РИОСВ', reason: 'компетентен орган' } };
    const notTheirs = { sub: 'pw-b', roles: ['officer' as const] };
    await expect(actions.take(request({ caller: notTheirs }), redirect)).rejects.toMatchObject({ status: 403 });
    const theirs = { sub: 'pw-a', roles: ['officer' as const] };
    expect(await actions.take(request({ caller: theirs }), redirect)).toMatchObject({ events: ['CaseRedirected'] });
  });

  it("reassigns only to a present officer of the case's unit in this municipality (422 naming officerId)", async () => {
    const to = (officerId: string, key: string) =>
      actions.take(request({ idempotencyKey: key }), { ...reassign, data: { ...reassign.data, officerId } });
    for (const [officerId, key] of [
      ['sopot:registrar', 'k-1'],
      ['ew-a', 'k-2'],
      ['pw-c', 'k-3'],
    ]) {
      await expect(to(officerId, key)).rejects.toMatchObject({ status: 422, response: { errors: [{ field: 'officerId' }] } });
    }
    expect(await to('pw-b', 'k-4')).toMatchObject({ events: ['CaseReassigned'] });
  });
});
