import { randomInt, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { DevIssuer, SEED_TENANTS, SEEDED_USERS, type SeedTenant } from '@civic/auth';
import { PostgresEventStore } from '@civic/event-store';
import {
  createTestDatabase,
  eventually,
  issuerEnvironment,
  startService,
  TEST_NOW,
  type ServiceProcess,
  type TestDatabase,
} from '@civic/testing';
import type {
  Open311CreatedRequest,
  Open311Service,
  Open311ServiceDefinition,
  Open311ServiceRequest,
  Open311Error,
} from '../src/open311/documents';
import { RegistryLookup } from '../src/registry/registry-lookup';
import { Open311Client } from './open311-client';
import { seedTenant } from './seed-tenants';

const KEYS: Record<SeedTenant, string> = Object.fromEntries(
  SEED_TENANTS.map((tenant) => [tenant, `${tenant}-e2e-${randomUUID()}`]),
) as Record<SeedTenant, string>;
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const numberOf = (registryNumber: string) => Number(registryNumber.split('-').at(-1));

/** The unit each tenant's rules send waste complaints to: the category's default department (routing's default rules). */
function wasteUnitName(tenant: SeedTenant): string {
  const charter = seedTenant(tenant);
  const unit = charter.categories.find((category) => category.id === 'waste-cleanliness')?.defaultDepartment;
  const name = charter.departments.find((department) => department.id === unit)?.name.bg;
  if (!name) throw new Error(`${tenant} has no unit for waste-cleanliness`);
  return name;
}

/** A date some weeks back, within the two-year bar (АПК чл. 111(4)). */
const LAST_MONTH = new Date(Date.parse(TEST_NOW) - 30 * 86_400_000).toISOString().slice(0, 10);

/** A person of their own per request: the same person's similar open case would be screened as a probable duplicate. */
const person = () => {
  const n = randomInt(1_000_000, 9_999_999);
  return { first_name: 'Иван', last_name: 'Петров', email: `ivan.petrov.${n}@example.bg`, phone: `+359 88 ${n}` };
};

// intake and routing as processes on the real servers, with intake's relay publishing to case-events:
// Open311 GeoReport v2 end to end, every answer checked against the spec's JSON Schemas (open311-schemas/).
describe('Open311 GeoReport v2 on intake', () => {
  let database: TestDatabase;
  let issuer: DevIssuer;
  let intake: ServiceProcess;
  let routing: ServiceProcess;
  let store: PostgresEventStore;
  let open311: Open311Client;

  beforeAll(async () => {
    issuer = await DevIssuer.start();
    database = await createTestDatabase('intake_open311');
    const auth = issuerEnvironment(issuer);
    intake = await startService('intake', database, {
      ...auth,
      RELAY_ENABLED: 'true',
      OPEN311_API_KEYS: SEED_TENANTS.map((tenant) => `${tenant}:${KEYS[tenant]}`).join(','),
      // This suite polls GET requests while routing works; the rate limit has its own test (open311-in-process).
      OPEN311_READS_PER_MINUTE: '100000',
    });
    routing = await startService('routing', database, auth);
    store = await PostgresEventStore.connect({ url: database.url });
    open311 = new Open311Client(intake.url);
  });

  afterAll(async () => {
    await store?.close();
    await Promise.all([intake?.stop(), routing?.stop()]);
    await database?.drop();
    await issuer?.stop();
  });

  const form = (tenant: SeedTenant, service_code: string, changes: Record<string, string> = {}) => ({
    api_key: KEYS[tenant],
    jurisdiction_id: tenant,
    service_code,
    lat: '42.0345',
    long: '24.2989',
    address_string: 'ул. „Дунав“ 3',
    description: 'Контейнерите не са извозвани от две седмици.',
    media_url: 'https://example.bg/snimka.jpg',
    ...person(),
    ...changes,
  });

  const submit = (
    tenant: SeedTenant,
    code: string,
    changes: Record<string, string> = {},
    format = 'json',
    headers: Record<string, string> = {},
  ) => open311.post<Open311CreatedRequest[]>(`requests.${format}`, form(tenant, code, changes), headers);

  async function registerLetter(tenant: SeedTenant): Promise<string> {
    const token = await issuer.sign(SEEDED_USERS[tenant].registrar);
    const response = await fetch(`${intake.url}/tenants/${tenant}/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        channel: 'post',
        receivedAt: new Date(Date.parse(TEST_NOW) - 60_000).toISOString(),
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { name: 'Мария Иванова', address: 'ул. „Родопи“ 5', language: 'bg' },
        text: 'Сметището до реката расте.',
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { registryNumber: string }).registryNumber;
  }

  const getRequest = (tenant: SeedTenant, id: string, format = 'json') =>
    open311.get<Open311ServiceRequest[]>(`requests/${id}.${format}`, { jurisdiction_id: tenant });

  describe('services', () => {
    it('serves discovery in JSON and XML, naming this endpoint and both formats', async () => {
      const json = await open311.get<{ endpoints: { url: string; formats: string[] }[] }>('discovery.json');
      expect(json.status).toBe(200);
      expect(json.body.endpoints[0]).toMatchObject({ url: `${intake.url}/open311/v2`, formats: ['text/xml', 'application/json'] });
      expect((await open311.get('discovery.xml')).body).toEqual(json.body);
    });

    it.each(SEED_TENANTS)("lists %s's services from its charter, and defines them with attributes, in JSON and XML", async (tenant) => {
      const services = await open311.get<Open311Service[]>('services.json', { jurisdiction_id: tenant });
      expect(services.status).toBe(200);
      const codes = services.body.map((s) => s.service_code);
      expect(codes).toEqual(
        expect.arrayContaining(['complaint.waste-cleanliness', 'signal.waste-cleanliness', 'proposal.waste-cleanliness']),
      );
      expect(services.body.find((s) => s.service_code === 'signal.waste-cleanliness')).toMatchObject({
        service_name: 'Сигнал: Отпадъци и чистота',
        metadata: true,
        type: 'realtime',
      });
      expect((await open311.get('services.xml', { jurisdiction_id: tenant })).body).toEqual(services.body);

      const definition = await open311.get<Open311ServiceDefinition>('services/signal.waste-cleanliness.json', { jurisdiction_id: tenant });
      expect(definition.body.attributes.map((a) => a.code)).toEqual(
        expect.arrayContaining(['anonymous', 'health_safety_threat', 'violation_date']),
      );
      expect((await open311.get('services/signal.waste-cleanliness.xml', { jurisdiction_id: tenant })).body).toEqual(definition.body);
    });
  });

  describe('requests', () => {
    const registered = new Map<SeedTenant, string[]>();

    it('gives a complaint, a signal and a proposal through POST requests, and a letter through the staff API, consecutive numbers in every tenant', async () => {
      for (const tenant of SEED_TENANTS) {
        const complaint = await submit(tenant, 'complaint.waste-cleanliness');
        const signal = await submit(tenant, 'signal.waste-cleanliness', { 'attribute[violation_date]': LAST_MONTH }, 'xml');
        const proposal = await submit(tenant, 'proposal.waste-cleanliness', { description: 'Да се поставят още контейнери.' });
        for (const answer of [complaint, signal, proposal]) {
          expect(answer.status).toBe(200);
          expect(answer.body).toEqual([
            {
              service_request_id: expect.stringMatching(new RegExp(`^${seedTenant(tenant).registryPrefix}-\\d{4}-\\d{6}$`)),
              service_notice: expect.stringMatching(/^Регистрирано под № .+Законов срок за отговор: до \d{4}-\d{2}-\d{2}/),
              account_id: null,
            },
          ]);
        }
        const letter = await registerLetter(tenant);
        const ids = [complaint, signal, proposal].map((answer) => answer.body[0].service_request_id).concat(letter);
        expect(ids.map(numberOf)).toEqual([0, 1, 2, 3].map((i) => numberOf(ids[0]) + i));
        registered.set(tenant, ids);
      }
    });

    it('answers GET requests/{id} for each, whatever its channel, with the legal due date, the location given and no personal data', async () => {
      for (const tenant of SEED_TENANTS) {
        const ids = registered.get(tenant) ?? [];
        expect(ids).toHaveLength(4);
        for (const [i, id] of ids.entries()) {
          const answer = await getRequest(tenant, id);
          expect(answer.status).toBe(200);
          const [request] = answer.body;
          expect(request).toMatchObject({
            service_request_id: id,
            status: 'open',
            service_code: `${['complaint', 'signal', 'proposal', 'complaint'][i]}.waste-cleanliness`,
            description: null,
            requested_datetime: expect.stringMatching(W3),
            updated_datetime: expect.stringMatching(W3),
            expected_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T23:59:59\+0[23]:00$/),
          });
          if (i < 3)
            expect(request).toMatchObject({
              address: 'ул. „Дунав“ 3',
              lat: 42.0345,
              long: 24.2989,
              media_url: 'https://example.bg/snimka.jpg',
            });
          else expect(request).toMatchObject({ address: null, lat: null, long: null });
          // Routing works meanwhile: read JSON and XML again until both show the request at the same moment.
          const [json, xml] = await eventually(
            async () => [(await getRequest(tenant, id)).body, (await getRequest(tenant, id, 'xml')).body],
            ([a, b]) => isDeepStrictEqual(a, b),
            { what: `${id} the same in JSON and XML`, timeoutMs: 15_000 },
          );
          expect(xml).toEqual(json);
        }
      }
    });

    it("shows, as agency_responsible, the unit the tenant's rules routed each case to", async () => {
      for (const tenant of SEED_TENANTS) {
        const unit = wasteUnitName(tenant);
        for (const id of registered.get(tenant) ?? []) {
          const [request] = await eventually(
            async () => (await getRequest(tenant, id)).body,
            ([r]) => r.agency_responsible === unit,
            {
              what: `${id} routed to ${unit}`,
              timeoutMs: 30_000,
            },
          );
          expect(request.status_notes).toBe(`Насочена към звено („${unit}“).`);
        }
      }
    });

    it("lists requests from the read model, with the spec's filters, in JSON and XML", async () => {
      const tenant: SeedTenant = 'sopot';
      const ids = registered.get(tenant) ?? [];
      const listed = await eventually(
        async () => (await open311.get<Open311ServiceRequest[]>('requests.json', { jurisdiction_id: tenant })).body,
        (requests) => ids.every((id) => requests.some((r) => r.service_request_id === id && r.agency_responsible !== null)),
        { what: 'the Open311 read model has every sopot request, routed', timeoutMs: 30_000 },
      );
      expect(listed.map((r) => r.service_request_id)).toEqual(expect.arrayContaining(ids));
      expect(listed.every((r) => r.service_request_id.startsWith('SPT-'))).toBe(true);
      expect((await open311.get('requests.xml', { jurisdiction_id: tenant })).body).toEqual(listed);

      const signals = await open311.get<Open311ServiceRequest[]>('requests.json', {
        jurisdiction_id: tenant,
        service_code: 'signal.waste-cleanliness',
        status: 'open',
      });
      expect(signals.body.map((r) => r.service_request_id)).toEqual([ids[1]]);
      expect((await open311.get<Open311ServiceRequest[]>('requests.json', { jurisdiction_id: tenant, status: 'closed' })).body).toEqual([]);
      const byIds = await open311.get<Open311ServiceRequest[]>('requests.json', {
        jurisdiction_id: tenant,
        service_request_id: `${ids[3]},${ids[0]},SPT-1999-000001`,
        status: 'closed',
      });
      expect(byIds.body.map((r) => r.service_request_id)).toEqual([ids[3], ids[0]]);
      const future = new Date(Date.parse(TEST_NOW) + 86_400_000).toISOString().slice(0, 19) + 'Z';
      expect((await open311.get('requests.json', { jurisdiction_id: tenant, start_date: future })).body).toEqual([]);
      // Another tenant's numbers are not found through this one.
      expect((await open311.get('requests.json', { jurisdiction_id: 'petrich', service_request_id: ids[0] })).body).toEqual([]);
    });

    it('answers a retry with the same Idempotency-Key with the same request, drawing no number', async () => {
      const key = randomUUID();
      const request = { description: 'Уличната лампа пред блок 4 не свети.', ...person() };
      const first = await submit('peshtera', 'complaint.roads-lighting', request, 'json', { 'idempotency-key': key });
      const retry = await submit('peshtera', 'complaint.roads-lighting', request, 'json', { 'idempotency-key': key });
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      const next = await submit('peshtera', 'complaint.roads-lighting', { description: 'Друга лампа.' });
      expect(numberOf(next.body[0].service_request_id)).toBe(numberOf(first.body[0].service_request_id) + 1);
      const reused = await submit('peshtera', 'complaint.roads-lighting', { description: 'Нещо друго.' }, 'json', {
        'idempotency-key': key,
      });
      expect(reused.status).toBe(400);
      expect((reused.body as unknown as Open311Error[])[0].description).toMatch(/^Idempotency-Key: /);
    });

    it('leaves an anonymous signal without a health/safety mark to the registrar; their no-proceedings decision shows as closed', async () => {
      const { first_name: _f, last_name: _l, email: _e, phone: _p, ...anonymousForm } = form('peshtera', 'signal.waste-cleanliness');
      const answer = await open311.post<Open311CreatedRequest[]>('requests.json', { ...anonymousForm, 'attribute[anonymous]': 'true' });
      const [created] = answer.body;
      expect(created.service_notice).toContain('Деловодител ще провери допустимостта.');
      expect(created.service_notice).not.toContain('Законов срок');
      const id = created.service_request_id;
      expect((await getRequest('peshtera', id)).body[0]).toMatchObject({
        status: 'open',
        status_notes: 'Регистрирана; деловодител проверява допустимостта.',
        agency_responsible: null,
        service_notice: expect.stringMatching(/^Деловодител ще провери допустимостта\./),
        expected_datetime: null,
      });

      const caseId = await new RegistryLookup(store).caseIdOf(seedTenant('peshtera'), id);
      const token = await issuer.sign(SEEDED_USERS.peshtera.registrar);
      const decided = await fetch(`${intake.url}/tenants/peshtera/cases/${caseId}/screening`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          decision: 'no-proceedings',
          ground: 'anonymous',
          reason: 'Анонимен сигнал без заплаха за здравето или сигурността.',
        }),
      });
      expect(decided.status).toBe(200);
      expect((await getRequest('peshtera', id)).body[0]).toMatchObject({
        status: 'closed',
        status_notes: 'Не се образува производство: анонимно подаване (АПК чл. 111, ал. 4).',
        service_notice: 'Не се образува производство, затова срок за отговор не тече.',
        expected_datetime: null,
      });
    });
  });

  describe('errors', () => {
    const errorsOf = (answer: { body: unknown }) => answer.body as Open311Error[];

    it("refuses a missing or wrong api_key, or another tenant's, with 403 (JSON and XML)", async () => {
      const { api_key: _none, ...keyless } = form('peshtera', 'complaint.waste-cleanliness');
      const missing = await open311.post('requests.json', keyless);
      expect(missing.status).toBe(403);
      expect(errorsOf(missing)).toEqual([{ code: 403, description: 'api_key was not provided' }]);
      const wrong = await submit('peshtera', 'complaint.waste-cleanliness', { api_key: 'not-a-key-of-anyone-here' }, 'xml');
      expect(wrong.status).toBe(403);
      expect(wrong.text).toContain('<errors>');
      expect((await submit('peshtera', 'complaint.waste-cleanliness', { api_key: KEYS.sopot })).status).toBe(403);
    });

    it('answers an unknown jurisdiction with 404 on every method, and a missing one with 400', async () => {
      const atlantis = { jurisdiction_id: 'atlantis' };
      for (const path of [
        'services.json',
        'services/complaint.general.json',
        'requests.json',
        'requests/PSH-2026-000001.json',
        'tokens/abc.xml',
      ]) {
        const answer = await open311.get(path, atlantis);
        expect(answer.status).toBe(404);
        expect(errorsOf(answer)[0].description).toContain('jurisdiction_id "atlantis" was not found');
        const missing = await open311.get(path);
        expect(missing.status).toBe(400);
        expect(errorsOf(missing)).toEqual([{ code: 400, description: 'jurisdiction_id was not provided' }]);
      }
      expect((await submit('peshtera', 'complaint.general', { jurisdiction_id: 'atlantis' })).status).toBe(404);
    });

    it('names each missing or bad field with 400, and draws no number for a refused request', async () => {
      const before = await submit('petrich', 'complaint.general');
      const { service_code: _c, lat: _a, long: _o, address_string: _s, ...incomplete } = form('petrich', 'complaint.general');
      const missing = await open311.post('requests.json', { ...incomplete, email: 'not-an-email', 'attribute[colour]': 'red' });
      expect(missing.status).toBe(400);
      expect(
        errorsOf(missing)
          .map((e) => e.description.split(':')[0])
          .sort(),
      ).toEqual(['email', 'location', 'service_code']);
      const noLocation = await submit('petrich', 'complaint.general', { lat: '', long: '', address_string: '' }, 'xml');
      expect(noLocation.status).toBe(400);
      expect(errorsOf(noLocation)).toEqual([
        { code: 400, description: 'location: is required: send lat and long, or address_string, or address_id' },
      ]);
      const badAttribute = await submit('petrich', 'complaint.general', { 'attribute[colour]': 'red' });
      expect(errorsOf(badAttribute)[0].description).toMatch(/^attribute\[colour\]: is not an attribute/);
      const after = await submit('petrich', 'complaint.general');
      expect(numberOf(after.body[0].service_request_id)).toBe(numberOf(before.body[0].service_request_id) + 1);
    });

    it('answers what does not exist with 404: a service, a request, a token, a resource, a format', async () => {
      expect((await submit('petrich', 'complaint.parking')).status).toBe(404);
      expect((await open311.get('services/complaint.parking.json', { jurisdiction_id: 'petrich' })).status).toBe(404);
      expect((await getRequest('petrich', 'PTR-2026-999999')).status).toBe(404);
      expect((await getRequest('petrich', 'PSH-2026-000001')).status).toBe(404);
      expect((await getRequest('petrich', 'nonsense')).status).toBe(404);
      const token = await open311.get('tokens/123.json', { jurisdiction_id: 'petrich' });
      expect(token.status).toBe(404);
      expect(errorsOf(token)[0].description).toContain('issues no tokens');
      expect((await open311.get('nowhere.json')).status).toBe(404);
      expect((await open311.get('services.yaml', { jurisdiction_id: 'petrich' })).status).toBe(404);
      const badDate = await open311.get('requests.json', { jurisdiction_id: 'petrich', start_date: 'yesterday' });
      expect(badDate.status).toBe(400);
      expect(errorsOf(badDate)[0].description).toMatch(/^start_date: /);
    });
  });

  it('checked every answer against its JSON Schema, and none showed a submitter', () => {
    expect([...open311.checked.keys()].sort()).toEqual([
      'created-requests',
      'discovery',
      'errors',
      'service-definition',
      'service-requests',
      'services',
    ]);
    const shown = open311.texts.join('\n');
    for (const personal of ['Петров', 'ivan.petrov@example.bg', '123 4567', 'Мария Иванова', 'Контейнерите не са извозвани', 'Сметището']) {
      expect(shown).not.toContain(personal);
    }
  });
});
