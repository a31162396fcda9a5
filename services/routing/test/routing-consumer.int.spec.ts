import { CASE_EVENTS_TOPIC } from '@civic/platform';
import { caseEventToCloudEvent, decodeEvent, toKafkaBinary } from '@civic/messaging';
import { eventPatternHandlers, eventually } from '@civic/testing';
import type { Producer } from 'kafkajs';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { WaitingAssignments } from '../src/consumer/waiting-assignments';
import { changeOfficers, registerAcceptedCase, readCase, startRouting, typesOf, type RoutingHarness } from './harness';

// routing's consumer core on real Kafka, PostgreSQL and FerretDB: a relay publishes the test database's
// case streams to a topic of this test's own, and the service's handler consumes it through the toolkit.
describe('routing consumes case events', () => {
  let routing: RoutingHarness;
  let producer: Producer;
  const TENANT = 'peshtera';
  const NOBODY = { units: [], roles: [] };
  const OFFICERS = [
    { id: 'pw-absent', unit: 'public-works', absent: true },
    { id: 'pw-b', unit: 'public-works', absent: false },
    { id: 'pw-a', unit: 'public-works', absent: false },
    { id: 'ac-1', unit: 'anti-corruption', absent: false },
  ];

  /** The case's events once it has been routed and assigned. */
  const routedAndAssigned = (caseId: string) =>
    eventually(
      () => readCase(routing.cases, caseId),
      (events) => typesOf(events).includes('CaseAssigned'),
      { what: `case ${caseId} assigned`, timeoutMs: 10_000 },
    );

  beforeAll(async () => {
    routing = await startRouting('consumer');
    producer = routing.kafka.producer();
    await producer.connect();
    const outcome = await changeOfficers(routing, TENANT, OFFICERS);
    expect(outcome.ok).toBe(true);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await routing?.stop();
  });

  it('an accepted case gets CaseRouted (rule and version recorded) and CaseAssigned, caused by commands named after the event', async () => {
    const caseId = await registerAcceptedCase(routing.cases, { tenant: TENANT, category: 'roads-lighting' });
    const events = await routedAndAssigned(caseId);
    expect(typesOf(events)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
    const [, accepted, routed, assigned] = events;
    // CaseRouted v2: what the rule said beyond the unit, compared too.
    expect(routed.data).toEqual({ unit: 'public-works', ruleId: 'category-roads-lighting', ruleVersion: 1, urgent: false, inform: NOBODY });
    expect(routed.metadata['schemaVersion']).toBe(2);
    // Least open cases, absent skipped, ties by the smallest id: pw-a.
    expect(assigned.data).toEqual({ officerId: 'pw-a' });
    expect(routed.metadata).toMatchObject({ actor: { id: 'routing', role: 'system' }, correlationId: accepted.metadata['correlationId'] });
    expect(routed.metadata['causationId']).not.toBe(assigned.metadata['causationId']);
  });

  it('the next case in the unit goes to the officer with fewer open cases now', async () => {
    const caseId = await registerAcceptedCase(routing.cases, { tenant: TENANT, category: 'roads-lighting' });
    const events = await routedAndAssigned(caseId);
    expect(events.at(-1)?.data).toEqual({ officerId: 'pw-b' });
  });

  it('a roads signal whose corruption flag the anti-corruption officer resolved to accept goes to the anti-corruption unit', async () => {
    const caseId = await registerAcceptedCase(routing.cases, {
      tenant: TENANT,
      kind: 'signal',
      category: 'roads-lighting',
      text: 'За ремонта на пътя искаха подкуп.',
      flags: ['corruption-indicator'],
    });
    const events = await routedAndAssigned(caseId);
    expect(typesOf(events)).toEqual(['CaseRegistered', 'CaseFlagged', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
    expect(events[3].data).toEqual({
      unit: 'anti-corruption',
      ruleId: 'corruption-indicator',
      ruleVersion: 1,
      urgent: false,
      inform: NOBODY,
    });
    expect(events[4].data).toEqual({ officerId: 'ac-1' });
  });

  it('delivered twice (a relay re-send), then handled again past the inbox (a crash before it recorded): still routed and assigned once', async () => {
    const caseId = await registerAcceptedCase(routing.cases, { tenant: TENANT, category: 'roads-lighting' });
    const before = await routedAndAssigned(caseId);
    const accepted = before.find((e) => e.type === 'CaseAccepted');
    if (!accepted) throw new Error('no CaseAccepted');

    // The same message again, as the relay would re-send it after a crash.
    await producer.send({ topic: routing.topic, messages: [toKafkaBinary(caseEventToCloudEvent(accepted), caseId)] });
    await eventually(
      async () => routing.outcomes.filter((o) => o.outcome === 'duplicate' && o.eventId === accepted.id).length,
      (n) => n === 1,
      { what: 'the redelivery seen as a duplicate' },
    );

    // The handler itself, as if the inbox had not recorded the event: the commands' ids show it was done.
    const handler = routing.app.get(CaseEventsHandler);
    const message = toKafkaBinary(caseEventToCloudEvent(accepted), caseId);
    await handler.handle(decodeEvent({ ...message, offset: '0' }, routing.topic, 0));

    const after = await readCase(routing.cases, caseId);
    expect(typesOf(after)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
  });

  it("health/safety → urgent, the mayor's office informed: by the default rules, CaseRouted records urgent and the mayor's office", async () => {
    const caseId = await registerAcceptedCase(routing.cases, {
      tenant: TENANT,
      category: 'roads-lighting',
      text: 'Паднал стълб на уличното осветление, жиците висят над тротоара.',
      healthSafetyThreat: true,
    });
    const events = await routedAndAssigned(caseId);
    expect(typesOf(events)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
    expect(events[2].data).toEqual({
      unit: 'public-works',
      ruleId: 'health-safety-roads-lighting',
      ruleVersion: 1,
      urgent: true,
      inform: { units: ['mayors-office'], roles: [] },
    });
    expect(['pw-a', 'pw-b']).toContain(events[3].data['officerId']);
  });

  it('a case of a tenant this deployment does not serve is dead-lettered at once, naming why; the partition moves on', async () => {
    const caseId = await registerAcceptedCase(routing.cases, { tenant: 'atlantis', category: 'roads-lighting' });
    const outcome = await eventually(
      async () => routing.outcomes.find((o) => o.outcome === 'dead-lettered' && o.reason.includes('atlantis')),
      Boolean,
      { what: 'dead letter' },
    );
    expect(outcome).toMatchObject({ attempts: 1, deadLetterTopic: `${routing.topic}.${routing.group}.dlt` });
    expect(typesOf(await readCase(routing.cases, caseId))).toEqual(['CaseRegistered', 'CaseAccepted']);
  });

  it('case-events has exactly one handler in the app: with two, Nest runs them detached from the delivery and commits first', () => {
    const handlers = eventPatternHandlers(routing.app, CASE_EVENTS_TOPIC);
    expect(handlers).toEqual(['onCaseEvent']);
  });

  /** Registers an accepted case in a unit with no officer yet; answers its events once routing has handled its CaseRouted too. */
  const routedAndWaiting = async (category: string) => {
    const caseId = await registerAcceptedCase(routing.cases, { tenant: TENANT, category });
    const events = await eventually(
      () => readCase(routing.cases, caseId),
      (e) => typesOf(e).includes('CaseRouted'),
      { what: 'routed' },
    );
    await eventually(async () => routing.outcomes.some((o) => o.outcome === 'handled' && o.eventId === events[2].id), Boolean, {
      what: 'CaseRouted handled',
    });
    expect(typesOf(await readCase(routing.cases, caseId))).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted']);
    return { caseId, routed: events[2] };
  };

  it('no officer present in the unit: routed and left waiting; the CaseRouted delivered after an officer arrived assigns it', async () => {
    const { caseId, routed } = await routedAndWaiting('social-services');
    expect(routed.data['unit']).toBe('social-affairs');
    // The officer arrives through the store, so no sweep runs: only the delivery below can assign.
    expect((await changeOfficers(routing, TENANT, [...OFFICERS, { id: 'sa-1', unit: 'social-affairs', absent: false }])).ok).toBe(true);
    const handler = routing.app.get(CaseEventsHandler);
    const message = toKafkaBinary(caseEventToCloudEvent(routed), caseId);
    await handler.handle(decodeEvent({ ...message, offset: '0' }, routing.topic, 0));
    await handler.handle(decodeEvent({ ...message, offset: '0' }, routing.topic, 0));
    const events = await readCase(routing.cases, caseId);
    expect(typesOf(events)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
    expect(events[3].data).toEqual({ officerId: 'sa-1' });
  });

  it('no officer present in the unit: when the admin adds one through the API, that change assigns the waiting case, once', async () => {
    const { caseId } = await routedAndWaiting('local-taxes');
    const officers = [
      ...OFFICERS,
      { id: 'sa-1', unit: 'social-affairs', absent: false },
      { id: 'lt-1', unit: 'local-taxes', absent: false },
    ];
    const admin = await routing.issuer.sign({ sub: `${TENANT}:admin`, tenant: TENANT, roles: ['tenant-admin'] });
    const put = () =>
      fetch(`${routing.url}/tenants/${TENANT}/routing/officers`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ officers }),
      });
    const answer = await put();
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { officers: unknown[] }).officers).toContainEqual(
      expect.objectContaining({ id: 'lt-1', unit: 'local-taxes', absent: false }),
    );
    // The change answered at once; the waiting case is assigned in the background, and a second change assigns nothing more.
    await routing.app.get(WaitingAssignments).settled(TENANT);
    expect((await put()).status).toBe(200);
    await routing.app.get(WaitingAssignments).settled(TENANT);
    const events = await readCase(routing.cases, caseId);
    expect(typesOf(events)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
    expect(events[3].data).toEqual({ officerId: 'lt-1' });
    expect(events[3].metadata).toMatchObject({
      actor: { id: 'routing', role: 'system' },
      correlationId: events[2].metadata['correlationId'],
    });
  });

  it("many cases waiting: the change of officers answers at once, the sweep assigns them after, with its progress in the officers' API", async () => {
    const count = 25;
    const admin = await routing.issuer.sign({ sub: `${TENANT}:admin`, tenant: TENANT, roles: ['tenant-admin'] });
    const call = (method: 'GET' | 'PUT', body?: unknown) =>
      fetch(`${routing.url}/tenants/${TENANT}/routing/officers`, {
        method,
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).then(async (answer) => ({ status: answer.status, body: (await answer.json()) as { waiting: Record<string, unknown> } }));
    // Earlier tests may have left cases waiting in other units: count from where the tenant stood.
    const before = Number((await call('GET')).body.waiting['waiting']);
    const caseIds = await Promise.all(
      Array.from({ length: count }, () => registerAcceptedCase(routing.cases, { tenant: TENANT, category: 'construction-planning' })),
    );
    await eventually(
      async () => (await call('GET')).body.waiting,
      (waiting) => Number(waiting['waiting']) >= before + count,
      { what: `${count} more cases waiting`, timeoutMs: 30_000 },
    );

    const officers = [
      ...OFFICERS,
      { id: 'sa-1', unit: 'social-affairs', absent: false },
      { id: 'lt-1', unit: 'local-taxes', absent: false },
      { id: 'tp-1', unit: 'territorial-planning', absent: false },
    ];
    const changed = await call('PUT', { officers });
    expect(changed.status).toBe(200);
    // Answered before the sweep could assign them all: it is under way.
    expect(changed.body.waiting).toMatchObject({ running: true, failed: 0 });
    expect(changed.body.waiting['assigned']).toBeLessThan(count);

    const done = await eventually(
      async () => (await call('GET')).body.waiting,
      (waiting) => waiting['running'] === false,
      { what: 'the sweep finished', timeoutMs: 60_000 },
    );
    expect(done).toMatchObject({ running: false, failed: 0 });
    expect(Number(done['assigned'])).toBeGreaterThan(0);
    for (const caseId of caseIds) {
      const assigned = (await readCase(routing.cases, caseId)).filter((event) => event.type === 'CaseAssigned');
      expect(assigned.map((event) => event.data)).toEqual([{ officerId: 'tp-1' }]);
    }
  });
});
