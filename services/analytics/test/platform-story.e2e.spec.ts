import { isDeepStrictEqual } from 'node:util';
import { DevIssuer, SEEDED_USERS } from '@civic/auth';
import { toLocalDate, type IsoDate } from '@civic/domain';
import { PostgresEventStore, type RecordedEvent } from '@civic/event-store';
import {
  createTestDatabase,
  eventually,
  issuerEnvironment,
  serviceTestEnvironment,
  spawnService,
  testClock,
  uniqueName,
  waitForHealthy,
  type ServiceProcess,
  type TestClock,
  type TestDatabase,
} from '@civic/testing';
import { CASE_STREAMS } from '../src/projection/case-projector';
import { expectedKpis, rawCases, type RawCase } from './fixtures/expected';
import { seedTenant } from './fixtures/seed-tenants';
import { client, expectStatus } from './story/http';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
/**
 * The business instants of the story, written to the clock file every process reads `now` from: fixed, so
 * that the story is the same whatever day it runs. Registration two days before BASE, routing at BASE, the
 * desk's steps on the following days, so the history's times stay in order.
 */
const BASE = Date.parse('2026-11-18T09:00:00.000Z');
const AT = {
  registered: iso(BASE - 2 * DAY),
  extended: iso(BASE + 1 * DAY),
  answered: iso(BASE + 2 * DAY),
  closed: iso(BASE + 3 * DAY),
  rated: iso(BASE + 4 * DAY),
} as const;
const TODAY: IsoDate = toLocalDate(AT.rated, 'Europe/Sofia');

interface Registration {
  caseId: string;
  registryNumber: string;
  trackingCode?: string;
  status: string;
  dueDate?: string;
}
interface DeskView {
  caseId: string;
  status: string;
  revision: number;
  state: { status: string; unit?: string; officerId?: string };
  deadline: { due: string | null; maxFinalDate: string | null } | null;
}
interface HistoryEntry {
  revision: number;
  type: string;
  occurredAt: string;
  actor: { id: string; role: string };
  channel: string | null;
  command: { type: string; id: string };
}

// Across real processes on the real servers: intake registers and relays the cases to
// case-events, routing (started once they are registered) routes and assigns them, staff carry one
// case to its close at the desk and the citizen rates it; analytics' KPIs equal counts made here from the
// raw events in PostgreSQL, and the auditor's replay tells the carried case's life step by step.
describe('the platform story: intake, routing and analytics as processes end to end', () => {
  let database: TestDatabase;
  let issuer: DevIssuer;
  let clock: TestClock;
  let auth: Record<string, string>;
  let intake: ServiceProcess;
  let routing: ServiceProcess | undefined;
  let analytics: ServiceProcess;
  let store: PostgresEventStore;

  const token = (tenant: 'peshtera' | 'sopot', role: keyof (typeof SEEDED_USERS)['peshtera']) => issuer.sign(SEEDED_USERS[tenant][role]);

  beforeAll(async () => {
    database = await createTestDatabase('platform_story');
    issuer = await DevIssuer.start();
    auth = issuerEnvironment(issuer);
    clock = testClock('platform-story', AT.registered);
    // intake (with its relay to case-events) and analytics first; routing joins after registration.
    intake = spawnService('intake', { ...(await serviceTestEnvironment('intake', database)), ...auth, CLOCK_FILE: clock.file });
    analytics = spawnService('analytics', { ...(await serviceTestEnvironment('analytics', database)), ...auth, CLOCK_FILE: clock.file });
    await Promise.all([waitForHealthy(intake), waitForHealthy(analytics)]);
    store = await PostgresEventStore.connect({ url: database.url });
  }, 120_000);

  afterAll(async () => {
    await routing?.stop();
    await analytics?.stop();
    await intake?.stop();
    await store?.close();
    await issuer?.stop();
    await database?.drop();
    clock?.remove();
  });

  /** Every event of every case stream, as stored (personal fields still ciphertext). */
  const caseEvents = async () => {
    const all: RecordedEvent[] = [];
    let from: string | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ from, maxCount: 1_000, filter: CASE_STREAMS });
      all.push(...page);
      const last = page.at(-1);
      if (!last || page.length < 1_000) return all;
      from = last.position;
    }
  };

  it('registers, routes, carries one case to its rating; KPIs match the raw events; the auditor replays it', async () => {
    const callIntake = client(intake.url);
    const callAnalytics = client(analytics.url);
    const registrar = await token('peshtera', 'registrar');
    const sopotRegistrar = await token('sopot', 'registrar');

    // 1. Registration: complaints, signals (two anonymous) by post, e-mail, phone and in person through the staff
    // API; a proposal through the web form (the case we carry, the citizen gets its tracking code).
    const submitter = { name: 'Иван Петров', email: 'ivan.petrov@example.bg', address: 'ул. „Дунав“ 3, Пещера', language: 'bg' };
    const staffCase = (changes: Record<string, unknown>) => ({
      channel: 'post',
      receivedAt: iso(BASE - 2 * DAY - 45 * 60_000),
      kind: 'complaint',
      category: 'roads-lighting',
      submitter,
      text: 'Уличното осветление на ул. „Родопи“ не работи от седмица.',
      attachments: [],
      ...changes,
    });
    const anonymous = (changes: Record<string, unknown>) => {
      const { submitter: _none, ...rest } = staffCase({ kind: 'signal', anonymous: true, ...changes });
      return rest;
    };
    const register = (body: unknown, tenant = 'peshtera', as = registrar) =>
      expectStatus(
        callIntake<Registration>('POST', `/tenants/${tenant}/cases`, { token: as, body, key: true }),
        201,
        `register at ${tenant}`,
      );

    const complaint = await register(staffCase({}));
    const signal = await register(
      staffCase({
        kind: 'signal',
        channel: 'email',
        category: 'municipal-property',
        receivedAt: iso(BASE - 5 * DAY),
        text: 'Общинският имот на ул. „Васил Левски“ 12 се ползва без договор.',
      }),
    );
    const visit = await register(
      staffCase({ channel: 'in-person', category: 'administrative-service', text: 'Чаках два часа на гишето за местни данъци.' }),
    );
    const anonymousNoProceedings = await register(
      anonymous({ channel: 'post', category: 'waste-cleanliness', text: 'Някой изхвърля отпадъци в реката.' }),
    );
    const anonymousThreat = await register(
      anonymous({
        channel: 'phone',
        category: 'construction-planning',
        healthSafetyThreat: true,
        text: 'Рушаща се сграда до училището застрашава децата.',
      }),
    );
    const web = await expectStatus(
      callIntake<Registration>('POST', '/public/peshtera/cases', {
        key: true,
        body: {
          kind: 'proposal',
          category: 'waste-cleanliness',
          submitter,
          text: 'Предлагам контейнерите на ул. „Дунав“ да се извозват два пъти седмично.',
          attachments: [],
        },
      }),
      201,
      'web form',
    );
    const sopot = await register(staffCase({ channel: 'post', text: 'Осветлението в парка не работи.' }), 'sopot', sopotRegistrar);

    for (const accepted of [complaint, signal, visit, anonymousThreat, web, sopot]) expect(accepted.status).toBe('Accepted');
    expect(web.trackingCode).toEqual(expect.any(String));
    // Screening: the anonymous signal without a health/safety mark waits for the registrar, who decides no proceedings.
    expect(anonymousNoProceedings.status).toBe('Flagged');
    const decided = await expectStatus(
      callIntake<DeskView>('POST', `/tenants/peshtera/cases/${anonymousNoProceedings.caseId}/screening`, {
        token: registrar,
        body: {
          decision: 'no-proceedings',
          ground: 'anonymous',
          reason: 'Анонимен сигнал без заплаха за здравето или сигурността (АПК чл. 111, ал. 4).',
        },
      }),
      200,
      'screening',
    );
    expect(decided.status).toBe('NoProceedings');

    // Routing starts two days later, with an officer in every unit; its events carry the time they are written.
    const routingFrom = iso(BASE);
    clock.set(routingFrom);
    routing = spawnService('routing', { ...(await serviceTestEnvironment('routing', database)), ...auth, CLOCK_FILE: clock.file });
    await waitForHealthy(routing);
    const callRouting = client(routing.url);
    const officerOf = new Map<string, string>();
    for (const tenant of ['peshtera', 'sopot'] as const) {
      const admin = await token(tenant, 'tenant-admin');
      const { units } = await expectStatus(
        callRouting<{ units: { id: string }[] }>('GET', `/tenants/${tenant}/routing/units`, { token: admin }),
        200,
        'units',
      );
      // Officer ids of this run's own: case-events keeps earlier runs' assignments, which count for their officers.
      const officers = units.map((unit) => ({ id: `${tenant}:${uniqueName(`officer-${unit.id}`)}`, unit: unit.id, absent: false }));
      for (const officer of officers) officerOf.set(`${tenant}/${officer.unit}`, officer.id);
      await expectStatus(callRouting('PUT', `/tenants/${tenant}/routing/officers`, { token: admin, body: { officers } }), 200, 'officers');
    }

    const desk = async (tenant: string, caseId: string) =>
      expectStatus(
        callIntake<DeskView>('GET', `/tenants/${tenant}/cases/${caseId}`, { token: await token(tenant as 'peshtera', 'secretary') }),
        200,
        'desk',
      );
    const assigned = async (tenant: string, caseId: string) =>
      eventually(
        () => desk(tenant, caseId),
        (view) => view.status === 'Assigned',
        { what: `case ${caseId} assigned by routing`, timeoutMs: 120_000 },
      );
    const views = await Promise.all([complaint, signal, visit, anonymousThreat, web].map((c) => assigned('peshtera', c.caseId)));
    await assigned('sopot', sopot.caseId);
    for (const view of views) expect(view.state.officerId).toBe(officerOf.get(`peshtera/${view.state.unit as string}`));
    expect((await desk('peshtera', anonymousNoProceedings.caseId)).status).toBe('NoProceedings');
    // The moment "after assignment": every case assigned, nothing done at the desk yet.
    const assignedBy = iso(BASE + 60 * 60_000);
    clock.set(assignedBy);

    // 2. The web proposal at the desk (a proposal's term may be extended): extension (the secretary), answer (its officer), close, the citizen's rating.
    const carried = views[4];
    expect(carried.deadline?.maxFinalDate).toEqual(expect.any(String));
    const act = async (action: string, as: string, body: unknown) =>
      expectStatus(
        callIntake<DeskView>('POST', `/tenants/peshtera/cases/${web.caseId}/${action}`, { token: as, body, key: true }),
        200,
        action,
      );

    clock.set(AT.extended);
    // The secretary extends (АПК чл. 118(2): the higher authority); a head of unit would have to head the case's unit.
    const secretary = await token('peshtera', 'secretary');
    expect(
      await act('extensions', secretary, {
        reason: 'Нужна е проверка на място с общинското предприятие.',
        newFinalDate: carried.deadline?.maxFinalDate,
      }),
    ).toMatchObject({ status: 'Assigned' });
    clock.set(AT.answered);
    const officer = await issuer.sign({ sub: carried.state.officerId as string, tenant: 'peshtera', roles: ['officer'] });
    expect(
      await act('answer', officer, {
        text: 'От 1 април контейнерите на ул. „Дунав“ се извозват два пъти седмично.',
        attachments: [],
        channel: 'email',
      }),
    ).toMatchObject({ status: 'Answered' });
    clock.set(AT.closed);
    expect(await act('close', officer, {})).toMatchObject({ status: 'Closed' });
    clock.set(AT.rated);
    await expectStatus(
      callIntake('POST', `/public/peshtera/cases/${web.trackingCode}/rating`, {
        body: { rating: 4, comment: 'Благодаря, бързо реагирахте.' },
      }),
      200,
      'rating',
    );

    // 3. Analytics' KPIs against counts made here from the raw events, once the model has caught up.
    const raw: RawCase[] = rawCases(await caseEvents(), seedTenant);
    const ofTenant = (tenant: string) => raw.filter((c) => c.tenant === tenant);
    expect(ofTenant('peshtera')).toHaveLength(6);
    expect(ofTenant('sopot')).toHaveLength(1);
    for (const tenant of ['peshtera', 'sopot'] as const) {
      const secretary = await token(tenant, 'secretary');
      const expected = expectedKpis(ofTenant(tenant), TODAY);
      const kpis = await eventually(
        () =>
          expectStatus(
            callAnalytics<{ tenant: string; asOf: string; total: unknown }>('GET', `/tenants/${tenant}/kpis`, { token: secretary }),
            200,
            'kpis',
          ),
        (answer) => isDeepStrictEqual(answer.total, expected),
        { what: `${tenant} KPIs equal to the raw events' counts`, timeoutMs: 120_000 },
      );
      expect(kpis).toMatchObject({ tenant, asOf: TODAY });
      expect(kpis.total).toEqual(expected);
    }
    // The figures themselves, so the comparison above is not of two empty sets.
    expect(expectedKpis(ofTenant('peshtera'), TODAY)).toMatchObject({
      received: 6,
      answered: 1,
      answeredOnTime: 1,
      answeredWithTerm: 1,
      onTimeRate: 100,
      extensions: 1,
      noProceedings: { total: 1, byGround: { anonymous: 1 } },
      satisfaction: { ratings: 1, average: 4 },
      backlog: { open: 4 },
    });

    // 4. The auditor's replay of the carried case, from the event store.
    const auditor = await token('peshtera', 'auditor');
    const audit = (path: string, as = auditor) =>
      callAnalytics<Record<string, unknown>>('GET', `/tenants/peshtera/audit/cases/${web.caseId}/${path}`, { token: as });
    const { events } = (await expectStatus(audit('history'), 200, 'history')) as unknown as { events: HistoryEntry[] };
    const officerId = carried.state.officerId as string;
    expect(events.map(({ type, occurredAt, actor }) => ({ type, occurredAt, actor }))).toEqual([
      { type: 'CaseRegistered', occurredAt: AT.registered, actor: { id: 'intake:web-form', role: 'system' } },
      { type: 'CaseAccepted', occurredAt: AT.registered, actor: { id: 'intake:screening', role: 'system' } },
      { type: 'CaseRouted', occurredAt: expect.any(String), actor: expect.objectContaining({ role: 'system' }) },
      { type: 'CaseAssigned', occurredAt: expect.any(String), actor: expect.objectContaining({ role: 'system' }) },
      { type: 'DeadlineExtended', occurredAt: AT.extended, actor: { id: 'peshtera:secretary', role: 'secretary' } },
      { type: 'CaseAnswered', occurredAt: AT.answered, actor: { id: officerId, role: 'officer' } },
      { type: 'CaseClosed', occurredAt: AT.closed, actor: { id: officerId, role: 'officer' } },
      { type: 'SatisfactionRecorded', occurredAt: AT.rated, actor: expect.objectContaining({ role: 'citizen' }) },
    ]);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Routed and assigned while routing ran: after it started, before the moment noted once all were assigned.
    for (const entry of events.slice(2, 4)) {
      expect(entry.occurredAt >= routingFrom && entry.occurredAt <= assignedBy).toBe(true);
    }
    for (const entry of events)
      expect(entry).toMatchObject({ channel: 'web-form', command: { id: expect.any(String), type: expect.any(String) } });

    const stateAt = async (instant: string) => expectStatus(audit(`state?at=${instant}`), 200, `state at ${instant}`);
    expect(await stateAt(AT.registered)).toMatchObject({ status: 'Accepted', revision: 1 });
    expect(await stateAt(assignedBy)).toMatchObject({ status: 'Assigned', revision: 3, state: { officerId } });
    expect(await stateAt(AT.closed)).toMatchObject({ status: 'Closed', revision: 6, state: { facts: { ratings: [] } } });

    // Another municipality's auditor reads nothing of it.
    const other = await audit('history', await token('sopot', 'auditor'));
    expect(other.status).toBe(403);
  }, 600_000);
});
