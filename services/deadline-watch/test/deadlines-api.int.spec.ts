import { SEEDED_USERS } from '@civic/auth';
import type { Role } from '@civic/domain';
import { eventually } from '@civic/testing';
import { CaseStory } from './case-story';
import { issue, watchEnvironment, type WatchEnvironment, type WatchInstance } from './harness';

interface Entry {
  caseId: string;
  registryNumber: string;
  kind: string;
  status: string;
  dueDate: string;
  workingDaysLeft?: number;
  daysOverdue?: number;
  alerts: unknown[];
  explanation: { rule: string; detail: { bg: string; en: string }; source: string }[];
}
interface Answer {
  tenant: string;
  asOf: string;
  today: string;
  dueWithinWorkingDays: number;
  dueBy: string;
  overdue: Entry[];
  dueSoon: Entry[];
}

// GET /tenants/:tenant/deadlines on the in-process app with a development issuer: what is overdue and due
// soon, each with the explanation of its due date; roles, tenants and bad queries checked.
describe('the deadlines API', () => {
  let env: WatchEnvironment;
  let app: WatchInstance;
  const stories: Record<string, CaseStory> = {};

  const get = async (path: string, token?: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const sign = (tenant: string, role: Role) => env.issuer.sign({ sub: `${tenant}:${role}`, tenant, roles: [role] });

  async function registered(
    name: string,
    tenant: string,
    receivedAt: string,
    kind: 'complaint' | 'opinion' | 'whistleblower-report' = 'complaint',
    how: 'accepted' | 'flagged for corruption' = 'accepted',
  ): Promise<CaseStory> {
    const story = new CaseStory(tenant);
    await issue(
      app.commands,
      how === 'accepted' ? story.registerAccepted(receivedAt, kind) : story.registerFlaggedForCorruption(receivedAt, kind),
    );
    stories[name] = story;
    return story;
  }

  beforeAll(async () => {
    env = await watchEnvironment('api');
    app = await env.start();
    await registered('overdue', 'peshtera', '2026-03-02T07:15:00.000Z'); // due 2 April
    await registered('soon', 'peshtera', '2026-03-20T07:15:00.000Z'); // due Monday 20 April
    await registered('later', 'peshtera', '2026-04-01T07:15:00.000Z'); // 1 May is Labour Day: due Monday 4 May
    await registered('opinion', 'peshtera', '2026-03-02T07:15:00.000Z', 'opinion'); // no term
    const answered = await registered('answered', 'peshtera', '2026-03-03T07:15:00.000Z');
    await issue(app.commands, [...answered.routeAndAssign('2026-03-03T08:00:00.000Z'), answered.answer('2026-03-10T08:00:00.000Z')]);
    await registered('sopot', 'sopot', '2026-03-02T07:15:00.000Z');
    // Confidential cases: for everyone but the anti-corruption officer, auditors and the assigned officer they do not exist.
    await registered('corruption', 'peshtera', '2026-03-02T07:15:00.000Z', 'complaint', 'flagged for corruption'); // due 2 April
    const assigned = await registered('assigned corruption', 'peshtera', '2026-03-20T07:15:00.000Z', 'complaint', 'flagged for corruption');
    await issue(app.commands, assigned.routeAndAssign('2026-03-20T08:00:00.000Z', 'peshtera:officer')); // due Monday 20 April
    await registered('whistleblower', 'peshtera', '2026-03-02T07:15:00.000Z', 'whistleblower-report');
    await eventually(
      async () => Promise.all(Object.values(stories).map((story) => app.view.get(story.caseId))),
      (views) => views.every((view) => view !== null) && views.find((view) => view?._id === answered.caseId)?.status === 'Answered',
      { what: 'every case planned' },
    );
    env.setClock('2026-04-14T08:00:00.000Z');
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('lists the overdue and the due-soon open cases of the tenant, each with the explanation of its due date', async () => {
    const { status, body } = await get('/tenants/peshtera/deadlines?dueWithinWorkingDays=5', await sign('peshtera', 'head-of-unit'));
    expect(status).toBe(200);
    const answer = body as unknown as Answer;
    expect(answer).toMatchObject({
      tenant: 'peshtera',
      asOf: '2026-04-14T08:00:00.000Z',
      today: '2026-04-14',
      dueWithinWorkingDays: 5,
      dueBy: '2026-04-21',
    });
    expect(answer.overdue.map((e) => e.caseId)).toEqual([stories.overdue.caseId]);
    expect(answer.dueSoon.map((e) => e.caseId)).toEqual([stories.soon.caseId]);
    expect(answer.overdue[0]).toMatchObject({
      registryNumber: `PSH-2026-${stories.overdue.caseId.slice(0, 6)}`,
      kind: 'complaint',
      status: 'Accepted',
      dueDate: '2026-04-02',
      daysOverdue: 12,
    });
    expect(answer.dueSoon[0]).toMatchObject({ dueDate: '2026-04-20', workingDaysLeft: 4 });
    const [term, counted] = answer.overdue[0].explanation;
    expect(term).toMatchObject({
      rule: 'term',
      detail: { bg: 'Срок: 1 месец от получаването (2026-03-02)', en: 'Term: 1 month from receipt (2026-03-02)' },
    });
    expect(term.source).toContain('Пещера');
    expect(counted).toMatchObject({
      rule: 'count-months',
      detail: { en: 'The term of 1 month ends on 2026-04-02, the same date of the last month' },
    });
  });

  it('the default is 5 working days; 0 is today only; 60 reaches the case due on 4 May', async () => {
    const token = await sign('peshtera', 'registrar');
    const byDefault = (await get('/tenants/peshtera/deadlines', token)).body as unknown as Answer;
    expect(byDefault.dueWithinWorkingDays).toBe(5);
    expect((byDefault.dueSoon as Entry[]).map((e) => e.caseId)).toEqual([stories.soon.caseId]);
    const today = (await get('/tenants/peshtera/deadlines?dueWithinWorkingDays=0', token)).body as unknown as Answer;
    expect(today).toMatchObject({ dueBy: '2026-04-14', dueSoon: [] });
    const far = (await get('/tenants/peshtera/deadlines?dueWithinWorkingDays=60', token)).body as unknown as Answer;
    expect(far.dueSoon.map((e) => [e.caseId, e.dueDate])).toEqual([
      [stories.soon.caseId, '2026-04-20'],
      [stories.later.caseId, '2026-05-04'],
    ]);
    // Neither the answered case nor the opinion (no term) is ever listed.
    const listed = [...far.overdue, ...far.dueSoon].map((e) => e.caseId);
    expect(listed).not.toContain(stories.answered.caseId);
    expect(listed).not.toContain(stories.opinion.caseId);
  });

  it.each<Role>(['registrar', 'officer', 'anti-corruption-officer', 'head-of-unit', 'secretary', 'mayor', 'ops', 'auditor'])(
    'lets a %s of the tenant read it',
    async (role) => {
      expect((await get('/tenants/peshtera/deadlines', await sign('peshtera', role))).status).toBe(200);
    },
  );

  it.each<Role>(['tenant-admin', 'data-protection-officer'])('refuses a %s of the tenant: 403', async (role) => {
    expect((await get('/tenants/peshtera/deadlines', await sign('peshtera', role))).status).toBe(403);
  });

  it('keeps whether a case is confidential, and whom it is assigned to, in its view document', async () => {
    expect(await app.view.get(stories.overdue.caseId)).toMatchObject({ confidential: null, officerId: null });
    expect(await app.view.get(stories.corruption.caseId)).toMatchObject({ confidential: 'corruption-signal', officerId: null });
    expect(await app.view.get(stories['assigned corruption'].caseId)).toMatchObject({
      confidential: 'corruption-signal',
      officerId: 'peshtera:officer',
    });
    expect(await app.view.get(stories.whistleblower.caseId)).toMatchObject({ confidential: 'whistleblower-report' });
  });

  it('confidential cases are listed for the anti-corruption officer and auditors, for an officer only those assigned to them, for nobody else', async () => {
    const listed = async (role: Role) => {
      const answer = (await get('/tenants/peshtera/deadlines?dueWithinWorkingDays=60', await sign('peshtera', role)))
        .body as unknown as Answer;
      return [...answer.overdue, ...answer.dueSoon].map((e) => e.caseId);
    };
    const ordinary = [stories.overdue.caseId, stories.soon.caseId, stories.later.caseId];
    const confidential = [stories.corruption.caseId, stories['assigned corruption'].caseId];
    for (const role of ['anti-corruption-officer', 'auditor'] as const) {
      expect(await listed(role)).toEqual(expect.arrayContaining([...ordinary, ...confidential]));
    }
    const officer = await listed('officer'); // peshtera:officer, to whom one of them is assigned
    expect(officer).toEqual(expect.arrayContaining([...ordinary, stories['assigned corruption'].caseId]));
    expect(officer).not.toContain(stories.corruption.caseId);
    for (const role of ['registrar', 'head-of-unit', 'secretary', 'mayor', 'ops'] as const) {
      const list = await listed(role);
      expect(list).toEqual(expect.arrayContaining(ordinary));
      for (const caseId of [...confidential, stories.whistleblower.caseId]) expect(list).not.toContain(caseId);
    }
  });

  it('a token of one tenant never reads another: 403; each tenant sees only its own cases', async () => {
    expect((await get('/tenants/peshtera/deadlines', await sign('sopot', 'registrar'))).status).toBe(403);
    expect((await get('/tenants/sopot/deadlines', await sign('peshtera', 'mayor'))).status).toBe(403);
    const sopot = (await get('/tenants/sopot/deadlines', await sign('sopot', 'secretary'))).body as unknown as Answer;
    expect(sopot.overdue.map((e) => e.caseId)).toEqual([stories.sopot.caseId]);
    const peshtera = (await get('/tenants/peshtera/deadlines?dueWithinWorkingDays=60', await sign('peshtera', 'secretary')))
      .body as unknown as Answer;
    expect([...peshtera.overdue, ...peshtera.dueSoon].map((e) => e.caseId)).not.toContain(stories.sopot.caseId);
  });

  it('no token: 401; a citizen or a tenant admin: 403', async () => {
    expect((await get('/tenants/peshtera/deadlines')).status).toBe(401);
    expect((await get('/tenants/peshtera/deadlines', await env.issuer.sign(SEEDED_USERS.peshtera['tenant-admin']))).status).toBe(403);
    expect((await get('/tenants/peshtera/deadlines', await sign('peshtera', 'citizen'))).status).toBe(403);
  });

  it('an unknown tenant: 404 naming the tenant', async () => {
    const { status, body } = await get('/tenants/atlantis/deadlines', await sign('atlantis', 'registrar'));
    expect(status).toBe(404);
    expect(body).toEqual({ statusCode: 404, errors: [{ field: 'tenant', reason: 'no municipality "atlantis" is served here' }] });
  });

  it('bad query values: 400 naming each field and reason', async () => {
    const token = await sign('peshtera', 'registrar');
    const bad = await get('/tenants/peshtera/deadlines?dueWithinWorkingDays=soon&status=open', token);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      statusCode: 400,
      errors: [
        { field: 'status', reason: 'is not a parameter of this endpoint; the only one is dueWithinWorkingDays' },
        { field: 'dueWithinWorkingDays', reason: 'must be a whole number of working days from 0 to 60' },
      ],
    });
    expect((await get('/tenants/peshtera/deadlines?dueWithinWorkingDays=61', token)).status).toBe(400);
    expect((await get('/tenants/peshtera/deadlines?dueWithinWorkingDays=1&dueWithinWorkingDays=2', token)).body).toEqual({
      statusCode: 400,
      errors: [{ field: 'dueWithinWorkingDays', reason: 'must be given once' }],
    });
  });

  it('is in the OpenAPI document, with its query parameter, bearer security and answers', async () => {
    const { status, body } = await get('/docs/openapi.json');
    expect(status).toBe(200);
    const operation = (body.paths as Record<string, Record<string, Record<string, unknown>>>)['/tenants/{tenant}/deadlines']?.get;
    expect(operation).toBeDefined();
    expect((operation?.parameters as { name: string }[]).map((p) => p.name)).toEqual(
      expect.arrayContaining(['tenant', 'dueWithinWorkingDays']),
    );
    expect(operation?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(operation?.responses as object)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
  });
});
