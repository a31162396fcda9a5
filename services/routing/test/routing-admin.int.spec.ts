import type { Role } from '@civic/domain';
import { defaultRuleSet, routingConfigStreamName, type RuleSetContent, type Unit } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { errorBodySchema, EVENT_STORE, TenantDirectory } from '@civic/platform';
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
    const body = text ? JSON.parse(text) : undefined;
    // Every refusal, whoever made it (schema, decider, auth guard, framework), is the platform's one error body.
    if (response.status >= 400) expect(errorBodySchema.safeParse(body).error).toBeUndefined();
    return { status: response.status, headers: response.headers, body };
  };
  const admin = () => token(TENANT, ['tenant-admin']);
  const defaults = () => {
    const tenant = routing.app.get(TenantDirectory).get(TENANT);
    if (!tenant) throw new Error(`no seed tenant ${TENANT}`);
    return defaultRuleSet(tenant);
  };

  /** The charter's departments as units: what GET answers before any change. */
  const charterUnits = (): Unit[] => {
    const tenant = routing.app.get(TenantDirectory).get(TENANT);
    if (!tenant) throw new Error(`no seed tenant ${TENANT}`);
    return tenant.departments.map((department) => ({ id: department.id, name: department.name, active: true }));
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
    const ROUTES = ['GET rules', 'PUT rules', 'GET officers', 'PUT officers', 'GET units', 'PUT units'];
    const bodyFor = (method: string, what: string) =>
      method !== 'PUT' ? undefined : what === 'rules' ? withPotholes() : what === 'units' ? { units: charterUnits() } : { officers: [] };

    it.each(ROUTES)("%s: 401 without a token, in the platform's error body", async (route) => {
      const [method, what] = route.split(' ');
      const answer = await call(method, `/tenants/${TENANT}/routing/${what}`, { body: method === 'PUT' ? {} : undefined });
      expect(answer).toMatchObject({
        status: 401,
        body: {
          statusCode: 401,
          errors: [{ field: 'Authorization' }],
          rejection: { type: 'missing-token', message: { bg: expect.any(String) } },
        },
      });
    });

    it.each(ROUTES)("%s: 403 for another tenant's admin, and for a registrar", async (route) => {
      const [method, what] = route.split(' ');
      const body = bodyFor(method, what);
      const other = await call(method, `/tenants/${TENANT}/routing/${what}`, { token: await token('sopot', ['tenant-admin']), body });
      expect(other).toMatchObject({ status: 403, body: { errors: [{ field: 'Authorization' }], rejection: { type: 'other-tenant' } } });
      expect((await call(method, `/tenants/${TENANT}/routing/${what}`, { token: await token(TENANT, ['registrar']), body })).status).toBe(
        403,
      );
    });

    it.each(['head-of-unit', 'secretary', 'ops'] as const)(
      'a %s reads the units, rules and officers but does not change them',
      async (role) => {
        const reader = await token(TENANT, [role]);
        for (const what of ['units', 'rules', 'officers']) {
          expect((await call('GET', `/tenants/${TENANT}/routing/${what}`, { token: reader })).status).toBe(200);
          const put = await call('PUT', `/tenants/${TENANT}/routing/${what}`, { token: reader, body: bodyFor('PUT', what) });
          expect(put).toMatchObject({ status: 403, body: { rejection: { type: 'role-not-allowed' } } });
          expect((await call('GET', `/tenants/sopot/routing/${what}`, { token: reader })).status).toBe(403);
        }
      },
    );

    it('404 for a tenant not served here, naming the tenant', async () => {
      for (const what of ['rules', 'units']) {
        const answer = await call('GET', `/tenants/atlantis/routing/${what}`, { token: await token('atlantis', ['tenant-admin']) });
        expect(answer).toEqual({
          status: 404,
          headers: expect.anything(),
          body: { statusCode: 404, errors: [{ field: 'tenant', reason: 'no municipality "atlantis" is served here' }] },
        });
      }
    });
  });

  describe('rules', () => {
    it('GET: before any change, the defaults from the charter, version 1, the version as ETag', async () => {
      const answer = await call('GET', `/tenants/${TENANT}/routing/rules`, { token: await admin() });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).toBe('"1"');
      expect(answer.body).toEqual({ tenant: TENANT, defaults: true, ruleSet: defaults() });
    });

    it("PUT: 400 naming each bad field, from the schema and from the tenant's units; nothing is written", async () => {
      const content = withPotholes();
      const badShape = { ...content, rules: [{ ...content.rules[0], priority: 'first', description: undefined }] };
      const shape = await call('PUT', `/tenants/${TENANT}/routing/rules`, { token: await admin(), body: badShape });
      expect(shape.status).toBe(400);
      expect(shape.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'rules.0.priority', reason: 'must be a number, not string' },
          { field: 'rules.0.description', reason: 'is required' },
        ]),
      );

      const badUnit = { ...content, rules: [{ ...content.rules[0], then: { unit: 'roads-dept' } }] };
      const unit = await call('PUT', `/tenants/${TENANT}/routing/rules`, { token: await admin(), body: badUnit });
      expect(unit).toMatchObject({
        status: 400,
        body: {
          errors: [{ field: 'rules.0.then.unit', reason: 'no unit "roads-dept" in this tenant' }],
          rejection: {
            type: 'UnknownUnits',
            message: { bg: expect.stringContaining('roads-dept'), en: expect.stringContaining('roads-dept') },
          },
        },
      });

      const notJson = await fetch(`${routing.url}/tenants/${TENANT}/routing/rules`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await admin()}`, 'content-type': 'application/json' },
        body: '{"rules": [',
      });
      expect(notJson.status).toBe(400);
      expect(await notJson.json()).toMatchObject({ statusCode: 400, errors: [{ field: 'body' }] });
      await expect(routing.app.get<EventStore>(EVENT_STORE).readStream(routingConfigStreamName(TENANT))).rejects.toThrow(/does not exist/);
    });

    it('PUT: a new version, recorded as an event by the admin; GET gives it; cases are routed by it, naming it', async () => {
      const answer = await call('PUT', `/tenants/${TENANT}/routing/rules`, {
        token: await admin(),
        body: withPotholes(),
        headers: { 'if-match': '"1"' },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).toBe('"2"');
      expect(answer.body).toMatchObject({ tenant: TENANT, defaults: false, ruleSet: { version: 2 } });
      expect(answer.body.ruleSet.rules[0].id).toBe('potholes');
      expect((await call('GET', `/tenants/${TENANT}/routing/rules`, { token: await admin() })).body.ruleSet.version).toBe(2);

      const stream = await routing.app.get<EventStore>(EVENT_STORE).readStream(routingConfigStreamName(TENANT));
      expect(stream.map((e) => e.type)).toEqual(['RoutingRulesChanged']);
      expect(stream[0].metadata).toMatchObject({ tenant: TENANT, actor: { id: `${TENANT}:tenant-admin`, role: 'tenant-admin' } });

      const caseId = await registerAcceptedCase(routing.cases, {
        tenant: TENANT,
        category: 'local-taxes',
        text: 'Пълно е с дупки пред училището.',
      });
      const events = await eventually(
        () => readCase(routing.cases, caseId),
        (e) => typesOf(e).includes('CaseRouted'),
        { what: 'routed' },
      );
      // CaseRouted v2 records the rule's urgency and whom to inform, as the rule said.
      expect(events.find((e) => e.type === 'CaseRouted')?.data).toEqual({
        unit: 'public-works',
        ruleId: 'potholes',
        ruleVersion: 2,
        urgent: true,
        inform: { units: [], roles: [] },
      });
    });

    it('PUT with If-Match of an older version: 412, the newer version stays', async () => {
      const answer = await call('PUT', `/tenants/${TENANT}/routing/rules`, {
        token: await admin(),
        body: withPotholes(),
        headers: { 'if-match': '"1"' },
      });
      expect(answer).toMatchObject({
        status: 412,
        body: { errors: [{ field: 'If-Match' }], rejection: { type: 'StaleRuleSetVersion', currentVersion: 2, basedOnVersion: 1 } },
      });
    });

    it('PUT with a malformed If-Match: 400 naming the header, and nothing is written', async () => {
      const before = await call('GET', `/tenants/${TENANT}/routing/rules`, { token: await admin() });
      const answer = await call('PUT', `/tenants/${TENANT}/routing/rules`, {
        token: await admin(),
        body: withPotholes(),
        headers: { 'if-match': 'version 2' },
      });
      expect(answer).toMatchObject({
        status: 400,
        body: {
          statusCode: 400,
          errors: [{ field: 'If-Match', reason: 'must be an ETag as it was given, e.g. "7" (with the quotes), or *' }],
        },
      });
      expect((await call('GET', `/tenants/${TENANT}/routing/rules`, { token: await admin() })).headers.get('etag')).toBe(
        before.headers.get('etag'),
      );
    });
  });

  describe('officers', () => {
    it('PUT replaces the list; the case routed to public works while it had nobody goes to the officer present; GET shows open cases', async () => {
      const officers = [
        { id: 'pw-1', unit: 'public-works', absent: false },
        { id: 'pw-2', unit: 'public-works', absent: true },
      ];
      const answer = await call('PUT', `/tenants/${TENANT}/routing/officers`, { token: await admin(), body: { officers } });
      expect(answer).toMatchObject({ status: 200, body: { tenant: TENANT, officers: officers.map((o) => expect.objectContaining(o)) } });
      // The potholes case (rules, above) waited in public works: the change, or its CaseRouted's delivery, assigns it.
      const listed = await eventually(
        async () => call('GET', `/tenants/${TENANT}/routing/officers`, { token: await admin() }),
        (r) => r.body.officers[0]?.openCases === 1,
        { what: 'the waiting case counted for pw-1' },
      );
      expect(listed.body.officers).toEqual([
        { ...officers[0], openCases: 1 },
        { ...officers[1], openCases: 0 },
      ]);
    });

    it('PUT: 400 naming the field for an unknown unit, a listed-twice officer, or a bad shape', async () => {
      const put = async (body: unknown) => call('PUT', `/tenants/${TENANT}/routing/officers`, { token: await admin(), body });
      expect(await put({ officers: [{ id: 'x', unit: 'roads' }] })).toMatchObject({
        status: 400,
        body: {
          statusCode: 400,
          errors: [{ field: 'officers.0.unit', reason: 'no unit "roads" in this tenant' }],
          rejection: { type: 'UnknownUnits' },
        },
      });
      expect(
        await put({
          officers: [
            { id: 'x', unit: 'public-works' },
            { id: 'x', unit: 'public-works' },
          ],
        }),
      ).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'officers.1.id' }], rejection: { type: 'DuplicateOfficer', message: { bg: expect.any(String) } } },
      });
      // Found by `npm run test:fuzz`: a NUL in an id went on to the event store, whose jsonb refuses it (a 500).
      for (const id of ['pw\u0000-1', 'pw-\ud800', 'пв-1', 'pw 1']) {
        expect(await put({ officers: [{ id, unit: 'public-works' }] })).toMatchObject({
          status: 400,
          body: { errors: [{ field: 'officers.0.id', reason: expect.stringContaining('printable ASCII') }] },
        });
      }
      expect(await put({ officers: [{ unit: 'public-works', absent: 'no' }] })).toMatchObject({ status: 400 });
      expect(
        (await put({ officers: [{ unit: 'public-works', absent: 'no' }] })).body.errors.map((e: { field: string }) => e.field).sort(),
      ).toEqual(['officers.0.absent', 'officers.0.id']);
    });
  });

  describe('units ("tenant admins change units … through an API; changes are events too")', () => {
    const units = () => `/tenants/${TENANT}/routing/units`;
    const press: Unit = {
      id: 'press-office',
      name: { bg: 'Връзки с обществеността', en: 'Press office' },
      headOfUnitId: `${TENANT}:press-head`,
      active: true,
    };
    const deactivate = (list: Unit[], id: string) => list.map((unit) => (unit.id === id ? { ...unit, active: false } : unit));
    const indexOf = (id: string) => charterUnits().findIndex((unit) => unit.id === id);

    it("GET: before any change, the charter's departments, all active, version 1 as ETag", async () => {
      const answer = await call('GET', units(), { token: await admin() });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).toBe('"1"');
      expect(answer.body).toEqual({ tenant: TENANT, defaults: true, version: 1, units: charterUnits() });
    });

    it('PUT: 400 naming each bad field; nothing is written', async () => {
      const bad = await call('PUT', units(), {
        token: await admin(),
        body: {
          units: [
            { ...charterUnits()[0], name: { bg: 'Център' } },
            { id: 'Press Office', name: press.name, active: 'yes', boss: 'x' },
          ],
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([
        { field: 'units.0.name.en', reason: 'is required' },
        { field: 'units.1.id', reason: 'expected lower-case words joined by hyphens' },
        { field: 'units.1.active', reason: 'must be a boolean, not string' },
        { field: 'units.1.boss', reason: 'is not a known field' },
      ]);
      expect((await call('PUT', units(), { token: await admin(), body: { units: [] } })).body.errors).toEqual([
        { field: 'units', reason: 'list at least one unit' },
      ]);
      const twice = await call('PUT', units(), { token: await admin(), body: { units: [...charterUnits(), charterUnits()[1]] } });
      expect(twice).toMatchObject({
        status: 400,
        body: { errors: [{ field: `units.${charterUnits().length}.id` }], rejection: { type: 'DuplicateUnit' } },
      });
      expect((await call('GET', units(), { token: await admin() })).body.version).toBe(1);
    });

    it('PUT: deactivating a unit the rules in force still name is refused with 409, naming each rule', async () => {
      const answer = await call('PUT', units(), { token: await admin(), body: { units: deactivate(charterUnits(), 'social-affairs') } });
      expect(answer.status).toBe(409);
      expect(answer.body.errors).toEqual([
        {
          field: `units.${indexOf('social-affairs')}.active`,
          reason: expect.stringMatching(
            /^the unit "social-affairs" is still named by rule "health-safety-social-services" \(rules\.\d+\.then\.unit\), rule "category-social-services" \(rules\.\d+\.then\.unit\)$/,
          ),
        },
      ]);
      expect(answer.body.rejection).toMatchObject({
        type: 'UnitInUse',
        message: { bg: expect.stringContaining('„social-affairs“'), en: expect.any(String) },
      });
    });

    it('PUT: removing a unit officers work in is refused with 409, naming the officers', async () => {
      const answer = await call('PUT', units(), {
        token: await admin(),
        body: { units: charterUnits().filter((unit) => unit.id !== 'public-works') },
      });
      expect(answer.status).toBe(409);
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors[0]).toMatchObject({
        field: 'units',
        reason: expect.stringContaining('officer "pw-1" (officers.0.unit), officer "pw-2" (officers.1.unit)'),
      });
      expect(answer.body.errors[0].reason).toContain('rule "potholes" (rules.0.then.unit)');
      expect(answer.body.rejection.references).toEqual(
        expect.arrayContaining([{ unit: 'public-works', field: 'units', referencedBy: 'officers.0.unit', officerId: 'pw-1' }]),
      );
    });

    it('PUT: a new unit with its head is version 2, recorded as an event by the admin; an edit of version 1 is then refused with 412', async () => {
      const list = [...charterUnits(), press];
      const answer = await call('PUT', units(), { token: await admin(), body: { units: list }, headers: { 'if-match': '"1"' } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).toBe('"2"');
      expect(answer.body).toEqual({ tenant: TENANT, defaults: false, version: 2, units: list });

      const stream = await routing.app.get<EventStore>(EVENT_STORE).readStream(routingConfigStreamName(TENANT));
      const changed = stream.filter((e) => e.type === 'UnitsChanged');
      expect(changed).toHaveLength(1);
      expect(changed[0]).toMatchObject({
        data: { version: 2, units: list },
        metadata: { actor: { id: `${TENANT}:tenant-admin`, role: 'tenant-admin' } },
      });

      const stale = await call('PUT', units(), { token: await admin(), body: { units: list }, headers: { 'if-match': '"1"' } });
      expect(stale).toMatchObject({
        status: 412,
        body: { errors: [{ field: 'If-Match' }], rejection: { type: 'StaleUnitsVersion', currentVersion: 2 } },
      });
    });

    it('rules and officers may name the new unit, never an inactive one (400 naming the field)', async () => {
      const archive: Unit = { id: 'archive', name: { bg: 'Архив', en: 'Archive' }, active: false };
      const list = [...charterUnits(), press, archive];
      expect((await call('PUT', units(), { token: await admin(), body: { units: list }, headers: { 'if-match': '"2"' } })).status).toBe(
        200,
      );

      const officers = [
        { id: 'pw-1', unit: 'public-works', absent: false },
        { id: 'pr-1', unit: 'press-office', absent: false },
        { id: 'ar-1', unit: 'archive', absent: false },
      ];
      const refused = await call('PUT', `/tenants/${TENANT}/routing/officers`, { token: await admin(), body: { officers } });
      expect(refused).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'officers.2.unit', reason: 'the unit "archive" is inactive' }] },
      });
      const accepted = await call('PUT', `/tenants/${TENANT}/routing/officers`, {
        token: await admin(),
        body: { officers: officers.slice(0, 2) },
      });
      expect(accepted.status).toBe(200);

      const content = withPotholes();
      const toArchive = {
        ...content,
        rules: [{ ...content.rules[0], then: { unit: 'press-office', inform: { units: ['archive'] } } }, ...content.rules.slice(1)],
      };
      const rules = await call('PUT', `/tenants/${TENANT}/routing/rules`, { token: await admin(), body: toArchive });
      expect(rules).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'rules.0.then.inform.units.0', reason: 'the unit "archive" is inactive' }] },
      });
    });
  });

  describe('trial: where would this case go, and why (nothing recorded)', () => {
    const trial = async (body: unknown, as?: Promise<string>) =>
      call('POST', `/tenants/${TENANT}/routing/trial`, { token: await (as ?? admin()), body });
    const pothole = { kind: 'complaint', category: null, channel: 'web-form', text: 'Дупка на ул. „Дунав“.' };

    it('a draft rule set: the rule that matched, the unit by name, why, and who would take it', async () => {
      const answer = await trial({ case: pothole, ruleSet: withPotholes() });
      expect(answer).toMatchObject({
        status: 200,
        body: {
          tenant: TENANT,
          ruleSetVersion: 'draft',
          unit: 'public-works',
          ruleId: 'potholes',
          urgent: true,
          explanation: { bg: expect.stringContaining('potholes'), en: expect.stringContaining('Potholes') },
          assignment: { type: expect.stringMatching(/^(OfficerChosen|NoOfficerAvailable)$/) },
        },
      });
      expect(answer.body.unitName).toEqual(charterUnits().find((unit) => unit.id === 'public-works')?.name);
    });

    it('the rules in force, read by a head of unit too; a draft naming no unit is a 400 by its field', async () => {
      const inForce = await trial({ case: { ...pothole, text: null } }, token(TENANT, ['head-of-unit']));
      expect(inForce).toMatchObject({ status: 200, body: { ruleSetVersion: expect.any(Number), explanation: { en: expect.any(String) } } });
      expect(await trial({ case: pothole, ruleSet: { ...withPotholes(), defaultUnit: 'nowhere' } })).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'ruleSet.defaultUnit', reason: 'no unit "nowhere" in this tenant' }] },
      });
      expect(await trial({ case: { ...pothole, kind: 'letter' } })).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'case.kind' }] },
      });
      expect((await trial({ case: pothole }, token(TENANT, ['registrar']))).status).toBe(403);
    });
  });

  it('is described in OpenAPI: every path, their bodies and error bodies, bearer security', () => {
    patchNestJsSwagger();
    const document = SwaggerModule.createDocument(routing.app, new DocumentBuilder().addBearerAuth().build());
    const rules = document.paths['/tenants/{tenant}/routing/rules'];
    const officers = document.paths['/tenants/{tenant}/routing/officers'];
    const units = document.paths['/tenants/{tenant}/routing/units'];
    expect(Object.keys(rules ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(officers ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(units ?? {}).sort()).toEqual(['get', 'put']);
    expect(rules?.put?.security).toEqual([{ bearer: [] }]);
    // The handler's own @Auth (readers besides the admin) lists the scheme again; OpenAPI reads that as one.
    expect(new Set(units?.get?.security?.map((entry) => JSON.stringify(entry)))).toEqual(new Set(['{"bearer":[]}']));
    expect(Object.keys(rules?.put?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '412']));
    expect(Object.keys(units?.put?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '412']));
    expect(units?.put?.parameters?.map((parameter) => ('name' in parameter ? parameter.name : undefined))).toEqual(
      expect.arrayContaining(['tenant', 'If-Match']),
    );
    const schemas = document.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        'RuleSetContentDto',
        'OfficersBodyDto',
        'RuleSetAnswerDto',
        'UnitsBodyDto',
        'UnitsAnswerDto',
        'ErrorBodyDto',
      ]),
    );
    expect(JSON.stringify(units?.put?.responses?.['409'])).toContain('ErrorBodyDto');
  });
});
