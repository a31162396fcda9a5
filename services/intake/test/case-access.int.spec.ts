import { randomUUID } from 'node:crypto';
import { defaultUnits, routingConfigDecider, routingConfigStreamName, type Kind, type Role } from '@civic/domain';
import { createCommandHandler, readStreamIfExists } from '@civic/event-store';
import { auditLogStream, TenantDirectory } from '@civic/platform';
import { DeskHarness } from './desk-harness';

type Body = Record<string, unknown>;

/** Who looks, in Peshtera: a user id and their one role. */
const PEOPLE: Record<string, { sub: string; role: Role }> = {
  registrar: { sub: 'peshtera:registrar', role: 'registrar' },
  'assigned officer': { sub: 'peshtera:officer', role: 'officer' },
  'other officer': { sub: 'peshtera:officer-2', role: 'officer' },
  'head of the unit': { sub: 'peshtera:head-of-waste', role: 'head-of-unit' },
  'head of another unit': { sub: 'peshtera:head-of-works', role: 'head-of-unit' },
  secretary: { sub: 'peshtera:secretary', role: 'secretary' },
  mayor: { sub: 'peshtera:mayor', role: 'mayor' },
  'anti-corruption officer': { sub: 'peshtera:anti-corruption-officer', role: 'anti-corruption-officer' },
  ops: { sub: 'peshtera:ops', role: 'ops' },
  'tenant admin': { sub: 'peshtera:tenant-admin', role: 'tenant-admin' },
  auditor: { sub: 'peshtera:auditor', role: 'auditor' },
  'data protection officer': { sub: 'peshtera:data-protection-officer', role: 'data-protection-officer' },
};

/** What each sees of a case: 403 (the route is not theirs), 404 (the case does not exist for them), or 200 with an access level. */
type Seen = 403 | 404 | 'record' | 'content' | 'full';

const EXPECTED: [string, Seen, Seen, Seen][] = [
  // who,                      complaint, corruption signal, whistleblower report
  ['registrar', 'full', 404, 404],
  ['assigned officer', 'full', 'full', 'content'],
  ['other officer', 'record', 404, 404],
  ['head of the unit', 'full', 'full', 'content'],
  ['head of another unit', 'record', 404, 404],
  ['secretary', 'full', 404, 404],
  ['mayor', 'full', 404, 404],
  ['anti-corruption officer', 'record', 'full', 'full'],
  ['ops', 403, 403, 403],
  ['tenant admin', 403, 403, 403],
  ['auditor', 'record', 'record', 'record'],
  // A person's requests about their data are to have routes of their own; the desk is not theirs.
  ['data protection officer', 403, 403, 403],
];

const SUBMITTER = { name: 'Иван Петров', email: 'ivan.petrov@example.bg', phone: '+359888123456' };

// Who sees what of a case at the desk, on the real servers: the domain's caseAccess through intake's HTTP API.
describe('the case desk by role: content, confidential kinds, the audit log', () => {
  let desk: DeskHarness;
  const tokens = new Map<string, string>();
  const cases: Record<'complaint' | 'corruption' | 'whistleblower', string> = { complaint: '', corruption: '', whistleblower: '' };

  const token = async (who: string): Promise<string> => {
    let signed = tokens.get(who);
    if (!signed) {
      const { sub, role } = PEOPLE[who];
      signed = await desk.intake.issuer.sign({ sub, tenant: 'peshtera', roles: [role] });
      tokens.set(who, signed);
    }
    return signed;
  };
  const view = async (caseId: string, who: string) =>
    desk.call<Body>('GET', `/tenants/peshtera/cases/${caseId}`, { token: await token(who) });

  /** Registered by the registrar from a letter; answers the case id and the status screening left it in. */
  const register = async (kind: Kind, category: string, text: string) => {
    const answer = await desk.call<{ caseId: string; status: string }>('POST', '/tenants/peshtera/cases', {
      token: await token('registrar'),
      headers: { 'idempotency-key': randomUUID() },
      body: { channel: 'post', receivedAt: '2026-11-02T09:00:00Z', kind, category, submitter: SUBMITTER, text },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  const routeAndAssign = async (caseId: string, unit: string) => {
    await desk.system(caseId, 'peshtera', { type: 'RouteCase', data: { unit, ruleId: 'test', ruleVersion: 1 } });
    await desk.system(caseId, 'peshtera', { type: 'AssignCase', data: { officerId: 'peshtera:officer' } });
  };

  beforeAll(async () => {
    desk = await DeskHarness.start();
    // The tenant admin names the heads of two units (the others keep none).
    const charter = desk.intake.app.get(TenantDirectory).get('peshtera');
    if (!charter) throw new Error('the seed tenant peshtera is missing');
    const heads: Record<string, string> = {
      'environment-waste': PEOPLE['head of the unit'].sub,
      'public-works': PEOPLE['head of another unit'].sub,
    };
    const units = defaultUnits(charter).units.map((unit) => (heads[unit.id] ? { ...unit, headOfUnitId: heads[unit.id] } : unit));
    const changed = await createCommandHandler({
      store: desk.events,
      decider: routingConfigDecider,
      streamName: () => routingConfigStreamName('peshtera'),
    }).handle({
      type: 'ChangeUnits',
      data: { units },
      metadata: {
        tenant: 'peshtera',
        actor: { id: 'peshtera:tenant-admin', role: 'tenant-admin' },
        commandId: randomUUID(),
        correlationId: randomUUID(),
        now: desk.intake.clock.now().toISOString(),
        charter,
      },
    });
    expect(changed.ok).toBe(true);

    const complaint = await register('complaint', 'waste-cleanliness', 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.');
    expect(complaint.status).toBe('Accepted');
    cases.complaint = complaint.caseId;
    await routeAndAssign(cases.complaint, 'environment-waste');

    // Screening flags the signal for signs of corruption: from then on only the anti-corruption officer sees it.
    const signal = await register('signal', 'corruption', 'Служител от отдела поиска подкуп, за да издаде разрешението.');
    expect(signal.status).toBe('Flagged');
    cases.corruption = signal.caseId;
    const screen = (who: string) =>
      token(who).then((bearer) =>
        desk.call('POST', `/tenants/peshtera/cases/${signal.caseId}/screening`, {
          token: bearer,
          body: { decision: 'accept', reason: 'Сигнал за корупция: за проверка.' },
        }),
      );
    expect((await screen('registrar')).status).toBe(404);
    expect((await screen('anti-corruption officer')).status).toBe(200);
    await routeAndAssign(cases.corruption, 'environment-waste');

    const report = await register(
      'whistleblower-report',
      'corruption',
      'Обществена поръчка е възложена на фирма на роднина на заместник-кмета.',
    );
    cases.whistleblower = report.caseId;
    if (report.status === 'Flagged') {
      const bearer = await token('anti-corruption officer');
      const decided = await desk.call('POST', `/tenants/peshtera/cases/${report.caseId}/screening`, {
        token: bearer,
        body: { decision: 'accept', reason: 'За проверка.' },
      });
      expect(decided.status).toBe(200);
    }
    await routeAndAssign(cases.whistleblower, 'environment-waste');
  }, 60_000);

  afterAll(async () => {
    await desk?.close();
  });

  const expectSeen = (answer: { status: number; body: Body }, seen: Seen) => {
    if (typeof seen === 'number') {
      expect(answer.status).toBe(seen);
      return;
    }
    expect(answer.status).toBe(200);
    expect(answer.body.access).toBe(seen);
    const content = answer.body.content as Body | null;
    if (seen === 'record') {
      expect(content).toBeNull();
      expect(JSON.stringify(answer.body)).not.toContain('Иван Петров');
      return;
    }
    expect((content?.submission as Body).text).toEqual(expect.any(String));
    if (seen === 'full') {
      expect(content).toMatchObject({ submitter: SUBMITTER, submitterWithheld: false });
    } else {
      expect(content).toMatchObject({ submitter: null, submitterWithheld: true });
      expect(JSON.stringify(answer.body)).not.toContain('Иван Петров');
    }
  };

  it.each(EXPECTED)('%s: a complaint %s, a corruption signal %s, a whistleblower report %s', async (who, complaint, signal, report) => {
    expectSeen(await view(cases.complaint, who), complaint);
    expectSeen(await view(cases.corruption, who), signal);
    expectSeen(await view(cases.whistleblower, who), report);
  });

  it('a confidential case is not found for others exactly as an unknown id is', async () => {
    const hidden = await view(cases.whistleblower, 'registrar');
    const unknown = await view(randomUUID(), 'registrar');
    expect(hidden).toMatchObject({ status: 404, body: unknown.body });
  });

  it('records every read that showed personal data in the hash-chained audit log, and no other read', async () => {
    const caseId = cases.complaint;
    const before = (await readStreamIfExists(desk.events, auditLogStream('peshtera'))) ?? [];
    await view(caseId, 'secretary');
    await view(caseId, 'auditor');
    const after = (await readStreamIfExists(desk.events, auditLogStream('peshtera'))) ?? [];
    const added = after.slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      type: 'PersonalDataRead',
      data: {
        readerId: 'peshtera:secretary',
        caseId,
        route: 'GET /tenants/:tenant/cases/:caseId',
        access: 'full',
        fields: expect.arrayContaining(['submission.text', 'submitter.name', 'submitter.email']),
      },
      metadata: { actor: { id: 'peshtera:secretary', role: 'secretary' } },
    });
    // Chained: each entry names the hash of the one before.
    expect(JSON.stringify(added[0].metadata)).toMatch(/hash/i);
    expect(JSON.stringify(added[0].data)).not.toContain('Иван');
  });

  it('only those who work a case act on it: another officer is refused (403), the registrar does not find a whistleblower report (404)', async () => {
    const asOther = await desk.call('POST', `/tenants/peshtera/cases/${cases.complaint}/information-requests`, {
      token: await token('other officer'),
      headers: { 'idempotency-key': randomUUID() },
      body: { missing: 'Точният адрес.' },
    });
    expect(asOther.status).toBe(403);
    expect(asOther.body).toMatchObject({ errors: [{ field: 'caseId' }] });

    const asRegistrar = await desk.call('POST', `/tenants/peshtera/cases/${cases.whistleblower}/withdrawal`, {
      token: await token('registrar'),
      headers: { 'idempotency-key': randomUUID() },
      body: {},
    });
    expect(asRegistrar.status).toBe(404);

    const asHandler = await desk.call('POST', `/tenants/peshtera/cases/${cases.whistleblower}/information-requests`, {
      token: await token('assigned officer'),
      headers: { 'idempotency-key': randomUUID() },
      body: { missing: 'Кога е възложена поръчката?' },
    });
    expect(asHandler.status).toBe(200);
    // An action's answer carries no content: it is stored for retries, and reading is the desk view's.
    expect(asHandler.body).toMatchObject({ access: 'content', content: null });
  });

  it("the data protection officer acts on no case through the staff's routes (their one command is erasure): 403", async () => {
    for (const [path, body] of [
      ['information-requests', { missing: 'Точният адрес.' }],
      ['withdrawal', {}],
    ] as const) {
      const answer = await desk.call('POST', `/tenants/peshtera/cases/${cases.complaint}/${path}`, {
        token: await token('data protection officer'),
        headers: { 'idempotency-key': randomUUID() },
        body,
      });
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
    }
  });

  it('finds a case by its registry number as the desk shows it, for staff and auditors, with the same rules', async () => {
    const byNumber = async (registryNumber: string, who: string) =>
      desk.call<Body>('GET', `/tenants/peshtera/registry/numbers/${registryNumber}`, { token: await token(who) });
    const numberOf = async (caseId: string) => (await view(caseId, 'auditor')).body.registryNumber as string;

    const found = await byNumber(await numberOf(cases.complaint), 'registrar');
    expect(found).toMatchObject({ status: 200, body: { caseId: cases.complaint, access: 'full' } });
    expect(found.headers.get('etag')).toMatch(/^"\d+"$/);
    expect(await byNumber(await numberOf(cases.whistleblower), 'auditor')).toMatchObject({
      status: 200,
      body: { access: 'record', content: null },
    });

    const hidden = await byNumber(await numberOf(cases.whistleblower), 'registrar');
    const never = await byNumber('PSH-2026-999999', 'registrar');
    expect(hidden).toMatchObject({ status: 404, body: never.body });
    expect(never.body).toMatchObject({ errors: [{ field: 'registryNumber' }] });
    expect(await byNumber('not-a-number', 'registrar')).toMatchObject({ status: 400, body: { errors: [{ field: 'registryNumber' }] } });
  });

  it('tells each reader the course of the case event by event, nothing personal in it, and who may do what now', async () => {
    const history = async (caseId: string, who: string) =>
      desk.call<Body>('GET', `/tenants/peshtera/cases/${caseId}/history`, { token: await token(who) });
    const asked = await desk.call<Body>('POST', `/tenants/peshtera/cases/${cases.complaint}/information-requests`, {
      token: await token('assigned officer'),
      headers: { 'idempotency-key': randomUUID() },
      body: { missing: 'Номерът на контейнера.' },
    });
    expect(asked.status).toBe(200);

    const seenByOther = await history(cases.complaint, 'other officer');
    expect(seenByOther).toMatchObject({ status: 200, body: { caseId: cases.complaint, revision: asked.body.revision, access: 'record' } });
    const entries = seenByOther.body.entries as { revision: number; type: string; actor: Body; details: Body }[];
    expect(entries.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned', 'InformationRequested']),
    );
    expect(entries.at(-1)).toMatchObject({
      revision: asked.body.revision,
      type: 'InformationRequested',
      actor: { id: 'peshtera:officer', role: 'officer' },
      details: { pausesClock: true },
    });
    expect(entries.at(-1)?.details).not.toHaveProperty('missing');
    expect(JSON.stringify(seenByOther.body)).not.toMatch(/Иван|ivan\.petrov|Контейнерите/);

    // Who works the case also reads what was asked for; still nothing the citizen wrote.
    const seenByOfficer = await history(cases.complaint, 'assigned officer');
    expect((seenByOfficer.body.entries as { details: Body }[]).at(-1)?.details).toMatchObject({ missing: 'Номерът на контейнера.' });
    expect(JSON.stringify(seenByOfficer.body)).not.toMatch(/Иван|ivan\.petrov|Контейнерите/);
    expect((await history(cases.complaint, 'auditor')).status).toBe(200);
    expect((await history(cases.complaint, 'ops')).status).toBe(403);

    // A confidential case's course does not exist for others, exactly as an unknown id.
    const hidden = await history(cases.whistleblower, 'registrar');
    expect(hidden).toMatchObject({ status: 404, body: (await history(randomUUID(), 'registrar')).body });

    // The view names what each reader may do now: while the case waits, the officer may enter the reply or answer
    // all the same, not ask again, and never extend the term; the other officer does nothing here.
    expect((await view(cases.complaint, 'assigned officer')).body.actions).toEqual(['information', 'answer', 'duplicate-of']);
    expect((await view(cases.complaint, 'other officer')).body.actions).toEqual([]);
    expect((await view(cases.complaint, 'registrar')).body.actions).toEqual(expect.arrayContaining(['information', 'withdrawal']));
  });

  it("the law's exception to a whistleblower's anonymity, recorded by the anti-corruption officer, lets the officer named read who made the report", async () => {
    const disclose = async (who: string, body: unknown) =>
      desk.call<Body>('POST', `/tenants/peshtera/cases/${cases.whistleblower}/identity-disclosures`, {
        token: await token(who),
        headers: { 'idempotency-key': randomUUID() },
        body,
      });
    const body = { ground: 'written-consent', disclosedTo: 'peshtera:officer', reason: 'Писмено съгласие на подателя.' };
    expect((await disclose('head of the unit', body)).status).toBe(403);
    expect(await disclose('anti-corruption officer', { ...body, ground: 'rumour' })).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'ground' }] },
    });
    expect((await disclose('anti-corruption officer', body)).status).toBe(200);
    expectSeen(await view(cases.whistleblower, 'assigned officer'), 'full');
    // The head of the unit was not named: still no identity for them.
    expectSeen(await view(cases.whistleblower, 'head of the unit'), 'content');
    expect((await disclose('anti-corruption officer', body)).status).toBe(409);
  });
});
