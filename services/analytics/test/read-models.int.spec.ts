import { randomUUID } from 'node:crypto';
import type { Role } from '@civic/domain';
import { TenantDirectory } from '@civic/platform';
import { pdfText } from '@civic/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CaseProjector } from '../src/projection/case-projector';
import { LiveProjection } from '../src/projection/live-projection';
import { DirectGenerationStore } from '../src/projection/generation-store';
import { ReadModels } from '../src/projection/read-models';
import { s } from './fixtures/case-scripts';
import { dataset, NOW } from './fixtures/dataset';
import { expectedGroups, expectedKpis, rawCases, type RawCase } from './fixtures/expected';
import { startAnalytics, type AnalyticsHarness } from './harness';

const TODAY = '2026-06-15';
const TENANTS = ['peshtera', 'sopot'];

// A half year of two municipalities' cases written through CASE_COMMANDS to
// PostgreSQL, the live model following the event store into FerretDB, every figure checked against counts
// made here straight from the raw events.
describe('analytics read models: case list, KPIs, reports', () => {
  let analytics: AnalyticsHarness;
  let raw: RawCase[];
  const token = (tenant: string, roles: Role[] = ['secretary']) => analytics.token(tenant, roles);
  const json = async (path: string, tenant = 'peshtera') => {
    const answer = await analytics.get(path, await token(tenant));
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown> & {
      items?: { caseId: string }[];
      total?: unknown;
      groups?: { key: string | null; kpis: Record<string, unknown> }[];
    };
  };

  beforeAll(async () => {
    analytics = await startAnalytics(NOW, { ANALYTICS_PAGE_SIZE: '25' });
    for (const script of dataset()) await analytics.run(script);
    await analytics.caughtUp();
    const tenants = analytics.app.get(TenantDirectory);
    raw = rawCases(await analytics.allEvents(), (slug) => {
      const charter = tenants.get(slug);
      if (!charter) throw new Error(slug);
      return charter;
    });
  });

  afterAll(async () => {
    await analytics?.stop();
  });

  describe('KPIs match counts computed independently from the raw events', () => {
    it.each(TENANTS)('%s: the totals', async (tenant) => {
      const answer = await json(`/tenants/${tenant}/kpis`, tenant);
      const cases = raw.filter((c) => c.tenant === tenant);
      expect(cases.length).toBeGreaterThan(5);
      expect(answer).toMatchObject({ tenant, asOf: TODAY, by: null, groups: [] });
      expect(answer.total).toEqual(expectedKpis(cases, TODAY));
    });

    it.each(['unit', 'kind', 'channel', 'category', 'month'] as const)('peshtera, by %s', async (by) => {
      const answer = await json(`/tenants/peshtera/kpis?by=${by}`);
      const groups = Object.fromEntries((answer.groups ?? []).filter((g) => g.kpis.received !== 0).map((g) => [String(g.key), g.kpis]));
      expect(groups).toEqual(
        expectedGroups(
          raw.filter((c) => c.tenant === 'peshtera'),
          by,
          TODAY,
        ),
      );
    });

    it('the dataset exercises every figure (answered on time and late, breaches, extensions, redirects, no proceedings, ratings, overdue)', () => {
      const all = expectedKpis(raw, TODAY);
      expect(all.answeredOnTime).toBeGreaterThan(0);
      expect(all.answeredWithTerm - all.answeredOnTime).toBeGreaterThan(0);
      expect(
        all.breaches *
          all.extensions *
          all.redirects *
          all.noProceedings.total *
          all.satisfaction.ratings *
          all.satisfaction.recommendations *
          all.backlog.overdue,
      ).toBeGreaterThan(0);
    });

    it("a period and a filter: one unit's monthly trend, months without cases as zeros", async () => {
      const answer = await json('/tenants/peshtera/kpis?from=2026-02-01&to=2026-04-30&by=month&unit=public-works');
      expect(answer.groups?.map((g) => g.key)).toEqual(['2026-02', '2026-03', '2026-04']);
      const cases = raw.filter(
        (c) => c.tenant === 'peshtera' && c.unit === 'public-works' && c.receivedOn >= '2026-02-01' && c.receivedOn <= '2026-04-30',
      );
      expect(answer.total).toEqual(expectedKpis(cases, TODAY));
      for (const group of answer.groups ?? [])
        expect(group.kpis).toEqual(
          expectedKpis(
            cases.filter((c) => c.receivedMonth === group.key),
            TODAY,
          ),
        );
    });
  });

  describe('a delivered duplicate event changes no figure', () => {
    it('every event applied again (a redelivery, a replay from an old checkpoint): the same KPIs and the same case list', async () => {
      const before = await Promise.all([
        json('/tenants/peshtera/kpis?by=unit'),
        json('/tenants/peshtera/cases?pageSize=100'),
        json('/tenants/sopot/kpis', 'sopot'),
      ]);
      const generation = analytics.app.get(LiveProjection).status().generation as string;
      const events = await analytics.allEvents();
      const projector = analytics.app.get(CaseProjector);
      const store = new DirectGenerationStore(analytics.app.get(ReadModels).collections(generation));
      // The ones that move figures, singly as a consumer would see them, then everything as one page.
      for (const event of events.filter((e) =>
        ['SatisfactionRecorded', 'DeadlineBreached', 'DeadlineExtended', 'CaseAnswered', 'CaseRedirected'].includes(e.type),
      )) {
        await projector.apply(store, [event]);
      }
      await projector.apply(store, events);
      const after = await Promise.all([
        json('/tenants/peshtera/kpis?by=unit'),
        json('/tenants/peshtera/cases?pageSize=100'),
        json('/tenants/sopot/kpis', 'sopot'),
      ]);
      expect(after).toEqual(before);
    });
  });

  describe('the case list and work queues', () => {
    const ids = (cases: RawCase[]) => cases.map((c) => c.caseId).sort();
    const listed = async (query: string) => {
      const answer = await json(`/tenants/peshtera/cases?pageSize=100&${query}`);
      return (answer.items ?? []).map((item) => item.caseId).sort();
    };
    const peshtera = () => raw.filter((c) => c.tenant === 'peshtera');

    it('a tenant sees its own cases only, nothing personal in a row', async () => {
      const answer = await json('/tenants/peshtera/cases?pageSize=100');
      expect(answer.total).toBe(peshtera().length);
      expect(JSON.stringify(answer)).not.toMatch(/Мария|maria@example\.bg|Лилия|Благодаря/);
      expect(answer.items?.[0]).toEqual(
        expect.objectContaining({
          caseId: expect.any(String),
          registryNumber: expect.stringMatching(/^PSH-2026-/),
          status: expect.any(String),
          overdue: expect.any(Boolean),
        }),
      );
    });

    it('by unit, officer, kind, channel and status: the same cases the raw events name', async () => {
      const some = peshtera().find((c) => c.officerId !== null) as RawCase;
      expect(await listed(`unit=${some.unit}`)).toEqual(ids(peshtera().filter((c) => c.unit === some.unit)));
      expect(await listed(`officer=${some.officerId}`)).toEqual(ids(peshtera().filter((c) => c.officerId === some.officerId)));
      expect(await listed('kind=complaint,signal')).toEqual(ids(peshtera().filter((c) => ['complaint', 'signal'].includes(c.kind))));
      expect(await listed('channel=email')).toEqual(ids(peshtera().filter((c) => c.channel === 'email')));
      expect(await listed('status=Assigned,AwaitingSubmitter')).toEqual(
        ids(peshtera().filter((c) => ['Assigned', 'AwaitingSubmitter'].includes(c.status))),
      );
    });

    it('overdue: open past the due date; due soon: open and due within 5 days (now by CLOCK_FILE)', async () => {
      const overdue = peshtera().filter((c) => c.open && c.dueNow !== null && c.dueNow < TODAY);
      expect(overdue.length).toBeGreaterThan(0);
      expect(await listed('due=overdue')).toEqual(ids(overdue));
      expect(await listed('due=soon')).toEqual(
        ids(peshtera().filter((c) => c.open && c.dueNow !== null && c.dueNow >= TODAY && c.dueNow <= '2026-06-20')),
      );
      // Two months later, everything still open with a due date is overdue.
      analytics.setNow('2026-08-20T09:00:00.000Z');
      try {
        expect(await listed('due=overdue')).toEqual(ids(peshtera().filter((c) => c.open && c.dueNow !== null && c.dueNow < '2026-08-20')));
      } finally {
        analytics.setNow(NOW);
      }
    });

    it('sorted and paged: pages do not overlap and together are the whole sorted list', async () => {
      const pages = [];
      for (let page = 1; page <= 4; page += 1)
        pages.push(
          ...((await json(`/tenants/peshtera/cases?sort=receivedAt&pageSize=8&page=${page}`)).items as {
            caseId: string;
            receivedAt: string;
          }[]),
        );
      const expected = [...peshtera()].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.caseId.localeCompare(b.caseId));
      expect(pages.map((item) => item.caseId)).toEqual(expected.slice(0, 32).map((c) => c.caseId));
      const newest = await json('/tenants/peshtera/cases?pageSize=1');
      expect(newest.items?.[0]?.caseId).toBe(expected.at(-1)?.caseId);
    });
  });

  describe('the annual feedback report', () => {
    it('CSV: the year received, in total and by kind and channel, as the raw events count it', async () => {
      const answer = await analytics.get('/tenants/peshtera/reports/2026.csv', await token('peshtera', ['mayor']));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(answer.headers.get('content-disposition')).toBe('attachment; filename="peshtera-feedback-2026.csv"');
      const [header, ...rows] = answer.bytes
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
      const column = (row: string[], name: string) => row[header.indexOf(name)];
      const row = (section: string, key: string) => rows.find((r) => r[0] === section && r[1] === key) as string[];
      const cases = peshteraOf(raw);
      const total = expectedKpis(cases, TODAY);
      expect(column(row('total', ''), 'received')).toBe(String(total.received));
      expect(column(row('total', ''), 'answered_on_time')).toBe(String(total.answeredOnTime));
      expect(column(row('total', ''), 'on_time_rate_percent')).toBe(String(total.onTimeRate));
      expect(column(row('total', ''), 'satisfaction_average')).toBe(String(total.satisfaction.average));
      expect(column(row('total', ''), 'recommendations')).toBe(String(total.satisfaction.recommendations));
      for (const kind of new Set(cases.map((c) => c.kind))) {
        expect(column(row('kind', kind), 'received')).toBe(String(cases.filter((c) => c.kind === kind).length));
      }
      for (const channel of new Set(cases.map((c) => c.channel))) {
        expect(column(row('channel', channel), 'received')).toBe(String(cases.filter((c) => c.channel === channel).length));
      }
    });

    it('PDF: in Bulgarian, with the same numbers', async () => {
      const answer = await analytics.get('/tenants/peshtera/reports/2026.pdf', await token('peshtera', ['mayor']));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      const text = await pdfText(answer.bytes);
      const total = expectedKpis(peshteraOf(raw), TODAY);
      expect(text).toContain('Община Пещера');
      expect(text).toContain(`Получени: ${total.received}`);
      expect(text).toContain(`в срок: ${total.answeredOnTime} от ${total.answeredWithTerm}`);
      expect(text).toContain(`оценки: ${total.satisfaction.ratings}`);
      expect(text).toContain('По канал на постъпване');
    });

    it('a year without cases: a report of zeros, not an error', async () => {
      const answer = await analytics.get('/tenants/peshtera/reports/2025.csv', await token('peshtera'));
      expect(answer.status).toBe(200);
      expect(answer.bytes.toString('utf8')).toContain('total,,Общо,Total,0,0,0');
    });
  });

  describe('who may read, and bad input', () => {
    const ENDPOINTS = [
      '/tenants/peshtera/cases',
      '/tenants/peshtera/kpis',
      '/tenants/peshtera/reports/2026.csv',
      '/tenants/peshtera/reports/2026.pdf',
    ];

    it.each(ENDPOINTS)("%s: 401 without a token, 403 with another tenant's, 403 for a role that does not read them", async (path) => {
      expect((await analytics.get(path)).status).toBe(401);
      expect((await analytics.get(path, await token('sopot', ['secretary', 'mayor', 'ops']))).status).toBe(403);
      expect((await analytics.get(path, await token('peshtera', ['tenant-admin', 'citizen']))).status).toBe(403);
    });

    it("an officer lists their own queue and no one else's", async () => {
      const officer = await token('peshtera', ['officer']);
      const own = await analytics.get('/tenants/peshtera/cases?pageSize=100', officer);
      expect(own.status).toBe(200);
      const officers = new Set((own.body as { items: { officerId: string | null }[] }).items.map((item) => item.officerId));
      expect([...officers].every((id) => id === 'peshtera:officer')).toBe(true);
      expect((await analytics.get('/tenants/peshtera/cases?officer=peshtera%3Asomeone-else', officer)).status).toBe(403);
    });

    it.each(['ops', 'secretary', 'mayor', 'head-of-unit', 'registrar', 'anti-corruption-officer', 'auditor'] as Role[])(
      '%s of the tenant reads the list',
      async (role) => {
        expect((await analytics.get('/tenants/peshtera/cases', await token('peshtera', [role]))).status).toBe(200);
      },
    );

    it.each(['tenant-admin', 'data-protection-officer'] as Role[])(
      '%s of the tenant reads neither the list nor the KPIs: 403',
      async (role) => {
        const refused = await token('peshtera', [role]);
        expect((await analytics.get('/tenants/peshtera/cases', refused)).status).toBe(403);
        expect((await analytics.get('/tenants/peshtera/kpis', refused)).status).toBe(403);
      },
    );

    it.each(['ops', 'secretary', 'mayor', 'head-of-unit', 'registrar'] as Role[])(
      '%s sees every case of this dataset (none is confidential): the list filter for viewers leaves ordinary cases in',
      async (role) => {
        const answer = await analytics.get('/tenants/peshtera/cases?pageSize=100', await token('peshtera', [role]));
        expect((answer.body as { total: number }).total).toBe(raw.filter((c) => c.tenant === 'peshtera').length);
      },
    );

    it("the rebuild endpoints: the platform operator's only, never a municipality's ops (other roles 403, no token 401)", async () => {
      expect((await analytics.post('/admin/read-models/rebuild')).status).toBe(401);
      expect((await analytics.post('/admin/read-models/rebuild', await token('peshtera', ['ops']))).status).toBe(403);
      expect((await analytics.post('/admin/read-models/rebuild', await token('peshtera', ['secretary', 'mayor']))).status).toBe(403);
      expect((await analytics.get('/admin/read-models/rebuild/x', await token('peshtera', ['ops']))).status).toBe(403);
      const operator = await token('platform', ['platform-operator']);
      expect((await analytics.get('/admin/read-models/rebuild/unknown', operator)).status).toBe(404);
      // The platform operator sees no municipality's cases.
      expect((await analytics.get('/tenants/peshtera/cases', operator)).status).toBe(403);
    });

    it('a tenant not served here: 404 naming the tenant', async () => {
      const answer = await analytics.get('/tenants/atlantis/kpis', await token('atlantis'));
      expect(answer).toMatchObject({ status: 404, body: { statusCode: 404, errors: [{ field: 'tenant' }] } });
    });

    it('bad filters: 400 naming each field and why', async () => {
      const list = await analytics.get(
        '/tenants/peshtera/cases?kind=petition&due=later&page=0&pageSize=500&sort=name&colour=red',
        await token('peshtera'),
      );
      expect(list.status).toBe(400);
      expect((list.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
        'colour',
        'due',
        'kind',
        'page',
        'pageSize',
        'sort',
      ]);
      const kpis = await analytics.get('/tenants/peshtera/kpis?from=2026-02-30&by=officer', await token('peshtera'));
      expect(kpis).toMatchObject({
        status: 400,
        body: {
          statusCode: 400,
          errors: [
            { field: 'from', reason: expect.any(String) },
            { field: 'by', reason: expect.any(String) },
          ],
        },
      });
      const repeated = await analytics.get('/tenants/peshtera/cases?unit=a&unit=b', await token('peshtera'));
      expect(repeated).toMatchObject({ status: 400, body: { errors: [{ field: 'unit', reason: 'must be given once' }] } });
      expect((await analytics.get('/tenants/peshtera/reports/2026.xlsx', await token('peshtera'))).body).toMatchObject({
        statusCode: 400,
        errors: [{ field: 'file' }],
      });
      expect((await analytics.get('/tenants/peshtera/reports/2031.pdf', await token('peshtera'))).body).toMatchObject({
        statusCode: 400,
        errors: [{ field: 'year' }],
      });
    });

    it('every endpoint is in the OpenAPI document, secured by a bearer token', async () => {
      const document = SwaggerModule.createDocument(analytics.app, new DocumentBuilder().addBearerAuth().build());
      const operations = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({
          route: `${method.toUpperCase()} ${path}`,
          op: op as { security?: unknown[]; responses: Record<string, unknown> },
        })),
      );
      const routes = operations.map((o) => o.route);
      for (const route of [
        'GET /tenants/{tenant}/cases',
        'GET /tenants/{tenant}/kpis',
        'GET /tenants/{tenant}/reports/{file}',
        'POST /admin/read-models/rebuild',
        'GET /admin/read-models/rebuild/{id}',
      ]) {
        expect(routes).toContain(route);
        const op = operations.find((o) => o.route === route)?.op;
        expect(op?.security).toEqual([{ bearer: [] }]);
        expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
      }
      const served = await analytics.get('/docs/openapi.json');
      expect(served.status).toBe(200);
    });
  });

  // In a tenant of its own, so no figure the tests above compare is moved.
  describe('an erased case (GDPR art. 17)', () => {
    it('the live model records when and on which ground; a replay changes nothing', async () => {
      const script = {
        caseId: randomUUID(),
        tenant: 'momchilgrad',
        subject: randomUUID(),
        steps: [
          s.register('2026-03-02T08:00:00.000Z'),
          s.accept('2026-03-02T09:00:00.000Z'),
          s.route('2026-03-02T09:01:00.000Z', 'public-works'),
          s.assign('2026-03-02T09:02:00.000Z', 'pw-1'),
          s.answer('2026-03-20T10:00:00.000Z'),
          s.close('2026-03-21T10:00:00.000Z'),
          s.erase('2026-06-01T10:00:00.000Z', 'retention-period-ended'),
        ],
      };
      await analytics.run(script);
      await analytics.caughtUp();
      const cases = await analytics.app.get(ReadModels).currentCases();
      const doc = await cases.findOne({ _id: script.caseId });
      expect(doc).toMatchObject({
        status: 'Closed',
        erasedAt: '2026-06-01T10:00:00.000Z',
        erasureGround: 'retention-period-ended',
        revision: 6,
      });
      const generation = analytics.app.get(LiveProjection).status().generation as string;
      const store = new DirectGenerationStore(analytics.app.get(ReadModels).collections(generation));
      const events = (await analytics.allEvents()).filter((e) => e.streamName === `case-${script.caseId}`);
      await analytics.app.get(CaseProjector).apply(store, events);
      expect(await cases.findOne({ _id: script.caseId })).toEqual(doc);
    });
  });
});

const peshteraOf = (cases: RawCase[]) => cases.filter((c) => c.tenant === 'peshtera' && c.receivedOn.startsWith('2026-'));
