import { randomUUID } from 'node:crypto';
import { DevIssuer } from '@civic/auth';
import {
  caseEventPrivacy,
  PostgresEventStore,
  PostgresSubjectKeys,
  withHashChain,
  withPersonalData,
  type EventStore,
} from '@civic/event-store';
import { EventRelay, mongoRelayState } from '@civic/messaging';
import { subjectKeyWrapping } from '@civic/platform';
import {
  createTestDatabase,
  eventually,
  serviceTestEnvironment,
  spawnService,
  uniqueName,
  waitForHealthy,
  type ServiceProcess,
  type TestDatabase,
} from '@civic/testing';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { readCase, registerAcceptedCase, typesOf } from './harness';

// routing as its own process on the real servers: a case registered and accepted in the case store reaches
// `case-events` through the relay, and the process routes and assigns it by the tenant's rules.
describe('routing as a process routes an accepted case', () => {
  const TENANT = 'sopot';
  let database: TestDatabase;
  let issuer: DevIssuer;
  let routing: ServiceProcess;
  let raw: PostgresEventStore;
  let keys: PostgresSubjectKeys;
  let cases: EventStore;
  let mongo: MongoClient;
  let relay: EventRelay;

  beforeAll(async () => {
    database = await createTestDatabase('routing_flow');
    issuer = await DevIssuer.start();
    const env: Record<string, string> = {
      ...(await serviceTestEnvironment('routing', database)),
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_ISSUER: issuer.issuer,
    };
    routing = spawnService('routing', env);
    await waitForHealthy(routing);

    // The case store as every writer sees it, on the process's own database and key store.
    raw = await PostgresEventStore.connect({ url: database.url });
    // Wrapped with the development key file, as the service process does (SUBJECT_KEK_FILE unset).
    keys = await PostgresSubjectKeys.connect({ url: database.url, wrapping: subjectKeyWrapping(undefined) });
    cases = withPersonalData(withHashChain(raw), { keys, ...caseEventPrivacy });
    mongo = await MongoClient.connect(env.MONGODB_URI);
    const kafka = new Kafka({ brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
    relay = new EventRelay({
      name: uniqueName('relay'),
      store: raw,
      kafka,
      state: mongoRelayState(mongo.db()),
      topic: 'case-events',
      lingerMs: 1,
    });
    relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await routing?.stop();
    await mongo?.close();
    await keys?.close();
    await raw?.close();
    await issuer?.stop();
    await database?.drop();
  });

  it('with officers set through the API, the case is routed to the unit of its category and assigned to an officer there', async () => {
    const token = await issuer.sign({ sub: `${TENANT}:tenant-admin`, tenant: TENANT, roles: ['tenant-admin'] });
    // An officer id of this run's own: case-events keeps earlier runs' assignments, which count for their officers.
    const officer = uniqueName('env');
    const put = await fetch(`${routing.url}/tenants/${TENANT}/routing/officers`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ officers: [{ id: officer, unit: 'environment-waste', absent: false }] }),
    });
    expect(put.status).toBe(200);

    const caseId = await registerAcceptedCase(cases, {
      tenant: TENANT,
      category: 'waste-cleanliness',
      text: 'Контейнерите не са извозвани от две седмици.',
    });
    const events = await eventually(
      () => readCase(cases, caseId),
      (e) => typesOf(e).includes('CaseAssigned'),
      {
        what: `case ${caseId} routed and assigned by the routing process`,
        timeoutMs: 30_000,
      },
    );
    expect(typesOf(events)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
    expect(events[2].data).toEqual({
      unit: 'environment-waste',
      ruleId: 'category-waste-cleanliness',
      ruleVersion: 1,
      urgent: false,
      inform: { units: [], roles: [] },
    });
    expect(events[3].data).toEqual({ officerId: officer });

    const officers = await fetch(`${routing.url}/tenants/${TENANT}/routing/officers`, { headers: { authorization: `Bearer ${token}` } });
    expect(await officers.json()).toEqual({
      tenant: TENANT,
      officers: [{ id: officer, unit: 'environment-waste', absent: false, openCases: 1 }],
      // Cases of the other tests may wait in units without officers.
      waiting: { running: false, waiting: expect.any(Number), assigned: expect.any(Number), failed: 0 },
    });
  });

  it('a head of unit reassigns the case with a reason; staff redirect it to another authority; checks of role, tenant and input', async () => {
    const admin = await issuer.sign({ sub: `${TENANT}:tenant-admin`, tenant: TENANT, roles: ['tenant-admin'] });
    const [first, second] = [uniqueName('env'), uniqueName('env')];
    await fetch(`${routing.url}/tenants/${TENANT}/routing/officers`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        officers: [
          { id: first, unit: 'environment-waste', absent: false },
          { id: second, unit: 'environment-waste', absent: true },
        ],
      }),
    });
    // The head of unit acts on the cases of the unit they head: the admin names them its head.
    const unitsUrl = `${routing.url}/tenants/${TENANT}/routing/units`;
    const current = (await (await fetch(unitsUrl, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
      units: { id: string; headOfUnitId?: string }[];
    };
    const headed = await fetch(unitsUrl, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        units: current.units.map((unit) => (unit.id === 'environment-waste' ? { ...unit, headOfUnitId: `${TENANT}:head-of-unit` } : unit)),
      }),
    });
    expect(headed.status).toBe(200);
    const caseId = await registerAcceptedCase(cases, {
      tenant: TENANT,
      category: 'waste-cleanliness',
      text: 'Нерегламентирано сметище край реката.',
    });
    await eventually(
      () => readCase(cases, caseId),
      (e) => typesOf(e).includes('CaseAssigned'),
      { what: 'assigned', timeoutMs: 30_000 },
    );

    const post = async (path: string, token: string, body: unknown, tenant = TENANT) =>
      fetch(`${routing.url}/tenants/${tenant}/cases/${caseId}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
    const head = await issuer.sign({ sub: `${TENANT}:head-of-unit`, tenant: TENANT, roles: ['head-of-unit'] });
    const officer = await issuer.sign({ sub: `${TENANT}:officer`, tenant: TENANT, roles: ['officer'] });
    const registrar = await issuer.sign({ sub: `${TENANT}:registrar`, tenant: TENANT, roles: ['registrar'] });
    const otherHead = await issuer.sign({ sub: 'peshtera:head-of-unit', tenant: 'peshtera', roles: ['head-of-unit'] });

    expect((await post('reassign', officer, { officerId: second, reason: 'отпуск' })).status).toBe(403);
    expect((await post('reassign', otherHead, { officerId: second, reason: 'отпуск' })).status).toBe(403);
    expect((await post('reassign', otherHead, { officerId: second, reason: 'отпуск' }, 'peshtera')).status).toBe(404);
    const missing = await post('reassign', head, { officerId: second });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ statusCode: 400, errors: [{ field: 'reason', reason: 'is required' }] });

    // The first officer goes on leave and the second is back: the head reassigns to the one present (never to an absent one).
    await fetch(`${routing.url}/tenants/${TENANT}/routing/officers`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        officers: [
          { id: first, unit: 'environment-waste', absent: true },
          { id: second, unit: 'environment-waste', absent: false },
        ],
      }),
    });
    const reassigned = await post('reassign', head, { officerId: second, reason: 'Служителят е в отпуск' });
    expect(reassigned.status).toBe(200);
    expect(await reassigned.json()).toMatchObject({ caseId, events: ['CaseReassigned'] });

    const redirected = await post('redirect', registrar, { authority: 'РИОСВ Пловдив', reason: 'Компетентен орган по чл. 31 АПК' });
    expect(redirected.status).toBe(200);
    expect(await redirected.json()).toMatchObject({ events: ['CaseRedirected'] });
    // Redirected, the case has left the unit: its head no longer works it (403); for the secretary the decider says why not (409).
    expect((await post('reassign', head, { officerId: first, reason: 'обратно' })).status).toBe(403);
    const secretary = await issuer.sign({ sub: `${TENANT}:secretary`, tenant: TENANT, roles: ['secretary'] });
    const afterRedirect = await post('reassign', secretary, { officerId: first, reason: 'обратно' });
    expect(afterRedirect.status).toBe(409);
    expect(await afterRedirect.json()).toMatchObject({
      statusCode: 409,
      errors: [{ field: 'case' }],
      rejection: { type: 'IllegalTransition' },
    });

    const events = await readCase(cases, caseId);
    expect(typesOf(events).slice(-2)).toEqual(['CaseReassigned', 'CaseRedirected']);
    expect(events.at(-1)?.metadata).toMatchObject({ actor: { id: `${TENANT}:registrar`, role: 'registrar' } });
  });
});
