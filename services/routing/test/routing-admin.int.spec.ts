import type { Role } from '@civic/domain';
import { defaultRuleSet, routingConfigStreamName, type RuleSetContent } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE, TenantDirectory } from '@civic/platform';
import { eventually } from '@civic/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { patchNestJsSwagger } from 'nestjs-zod';
import { readCase, registerAcceptedCase, startRouting, typesOf, type RoutingHarness } from './harness';

// The tenant admin's API on the real servers: tokens from a development issuer, changes as events in
// `routingconfig-<tenant>`, and the consumer routing by the version in force.
describe('routing set-up API: /tenants/:tenant/routing', () => {
  let routing: RoutingHarness;
  const TENANT = 'peshtera';

  const token = (tenant: string, roles: Role[]) => routing.issuer.sign({ sub: `${tenant}:${roles.join('+')}`, tenant, roles });
  const call = async (method: string, path: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${routing.url}${path}`, {
      method,
      headers: {
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...(o.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...o.headers,
      },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const admin = () => token(TENANT, ['tenant-admin']);
  const defaults = () => {
    const tenant = routing.app.get(TenantDirectory).get(TENANT);
    if (!tenant) throw new Error(`no seed tenant ${TENANT}`);
    return defaultRuleSet(tenant);
  };

  /** The defaults with one rule in front: potholes go to public works, urgently. */
  const withPotholes = (): RuleSetContent => {
    const { rules, defaultUnit, escalationRole } = defaults();
    return {
      defaultUnit,
      escalationRole,
      rules: [
        {
          id: 'potholes',
          priority: 5,
          description: { bg: 'Дупки по пътя', en: 'Potholes' },
          when: { keywords: ['дупк*'] },
          then: { unit: 'public-works', urgent: true, inform: { units: [], roles: [] } },
        },
        ...rules,
      ],
    };
  };

  beforeAll(async () => {
    routing = await startRouting('admin');
  });

  afterAll(async () => {
    await routing?.stop();
  });

  describe('who may call it', () => {
    it.each(['GET rules', 'PUT rules', 'GET officers', 'PUT officers'])('%s: 401 without a token', async (route) => {
      const [method, what] = route.split(' ');
      expect((await call(method, `/tenants/${TENANT}/routing/${what}`, { body: method === 'PUT' ? {} : undefined })).status).toBe(401);
    });

    it.each(['GET rules', 'PUT rules', 'GET officers', 'PUT officers'])("%s: 403 for another tenant's admin, and for a registrar", async (route) => {
      const [method, what] = route.split(' ');
      const body = method === 'PUT' ? (what === 'rules' ? withPotholes() : { officers: [] }) : undefined;
      expect((await call(method, `/tenants/${TENANT}/routing/${what}`, { token: await token('sopot', ['tenant-admin']), body })).status).toBe(403);
      expect((await call(method, `/tenants/${TENANT}/routing/${what}`, { token: await token(TENANT, ['registrar']), body })).status).toBe(403);
    });

    it('404 for a tenant not served here', async () => {
      const answer = await call('GET', '/tenants/atlantis/routing/rules', { token: await token('atlantis', ['tenant-admin']) });
      expect(answer).toMatchObject({ status: 404, body: { reason: 'unknown-tenant' } });
    });
  });

  describe('rules', () => {
    it('GET: before any change, the defaults from the charter, version 1, the version as ETag', async () => {
      const answer = await call('GET', `/tenants/${TENANT}/routing/rules`, { token: await admin() });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).toBe('"1"');
      expect(answer.body).toEqual({ tenant: TENANT, defaults: true, ruleSet: defaults() });
    });

    it('PUT: 400 naming each bad field, from the schema and from the tenant\'s units; nothing is written', async () => {
      const content = withPotholes();
      const badShape = { ...content, rules: [{ ...content.rules[0], priority: 'first', description: undefined }] };
      const shape = await call('PUT', `/tenants/${TENANT}/routing/rules`, { token: await admin(), body: badShape });
      expect(shape.status).toBe(400);
      expect(shape.body.reason).toBe('validation-failed');
      expect(shape.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['rules.0.priority', 'rules.0.description']));

      const badUnit = { ...content, rules: [{ ...content.rules[0], then: { unit: 'roads-dept' } }] };
      const unit = await call('PUT', `/tenants/${TENANT}/routing/rules`, { token: await admin(), body: badUnit });
      expect(unit).toMatchObject({ status: 400, body: { reason: 'unknown-units', errors: [{ field: 'rules.0.then.unit' }] } });

      const notJson = await fetch(`${routing.url}/tenants/${TENANT}/routing/rules`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await admin()}`, 'content-type': 'application/json' },
        body: '{"rules": [',
      });
      expect(notJson.status).toBe(400);
      await expect(routing.app.get<EventStore>(EVENT_STORE).readStream(routingConfigStreamName(TENANT))).rejects.toThrow(/does not exist/);
    });

    it('PUT: a new version, recorded as an event by the admin; GET gives it; cases are routed by it, naming it', async () => {
      const answer = await call('PUT', `/tenants/${TENANT}/routing/rules`, { token: await admin(), body: withPotholes(), headers: { 'if-match': '"1"' } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).toBe('"2"');
      expect(answer.body).toMatchObject({ tenant: TENANT, defaults: false, ruleSet: { version: 2 } });
      expect(answer.body.ruleSet.rules[0].id).toBe('potholes');
      expect((await call('GET', `/tenants/${TENANT}/routing/rules`, { token: await admin() })).body.ruleSet.version).toBe(2);

      const stream = await routing.app.get<EventStore>(EVENT_STORE).readStream(routingConfigStreamName(TENANT));
      expect(stream.map((e) => e.type)).toEqual(['RoutingRulesChanged']);
      expect(stream[0].metadata).toMatchObject({ tenant: TENANT, actor: { id: `${TENANT}:tenant-admin`, role: 'tenant-admin' } });

      const caseId = await registerAcceptedCase(routing.cases, { tenant: TENANT, category: 'local-taxes', text: 'Пълно е с дупки пред училището.' });
      const events = await eventually(() => readCase(routing.cases, caseId), (e) => typesOf(e).includes('CaseRouted'), { what: 'routed' });
      expect(events.find((e) => e.type === 'CaseRouted')?.data).toEqual({ unit: 'public-works', ruleId: 'potholes', ruleVersion: 2, urgent: false, inform: { units: [], roles: [] } });
    });

    it('PUT with If-Match of an older version: 412, the newer version stays', async () => {
      const answer = await call('PUT', `/tenants/${TENANT}/routing/rules`, { token: await admin(), body: withPotholes(), headers: { 'if-match': '"1"' } });
      expect(answer).toMatchObject({ status: 412, body: { reason: 'stale-rule-set-version', currentVersion: 2 } });
    });
  });

  describe('officers', () => {
    it('PUT replaces the list; GET shows each with their open cases', async () => {
      const officers = [
        { id: 'pw-1', unit: 'public-works', absent: false },
        { id: 'pw-2', unit: 'public-works', absent: true },
      ];
      const answer = await call('PUT', `/tenants/${TENANT}/routing/officers`, { token: await admin(), body: { officers } });
      expect(answer).toMatchObject({ status: 200, body: { tenant: TENANT, officers: officers.map((o) => ({ ...o, openCases: 0 })) } });
      expect((await call('GET', `/tenants/${TENANT}/routing/officers`, { token: await admin() })).body.officers).toHaveLength(2);
    });

    it('PUT: 400 naming the field for an unknown unit, a listed-twice officer, or a bad shape', async () => {
      const put = async (body: unknown) => call('PUT', `/tenants/${TENANT}/routing/officers`, { token: await admin(), body });
      expect(await put({ officers: [{ id: 'x', unit: 'roads' }] })).toMatchObject({ status: 400, body: { errors: [{ field: 'officers.0.unit' }] } });
      expect(await put({ officers: [{ id: 'x', unit: 'public-works' }, { id: 'x', unit: 'public-works' }] })).toMatchObject({
        status: 400,
        body: { reason: 'duplicate-officer', errors: [{ field: 'officers.1.id' }] },
      });
      expect(await put({ officers: [{ unit: 'public-works', absent: 'no' }] })).toMatchObject({ status: 400 });
      expect((await put({ officers: [{ unit: 'public-works', absent: 'no' }] })).body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'officers.0.absent',
        'officers.0.id',
      ]);
    });
  });

  it('is described in OpenAPI: both paths, their bodies, bearer security', () => {
    patchNestJsSwagger();
    const document = SwaggerModule.createDocument(routing.app, new DocumentBuilder().addBearerAuth().build());
    const rules = document.paths['/tenants/{tenant}/routing/rules'];
    const officers = document.paths['/tenants/{tenant}/routing/officers'];
    expect(Object.keys(rules ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(officers ?? {}).sort()).toEqual(['get', 'put']);
    expect(rules?.put?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(rules?.put?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '412']));
    const schemas = document.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['RuleSetContentDto', 'OfficersBodyDto', 'RuleSetAnswerDto']));
  });
});
