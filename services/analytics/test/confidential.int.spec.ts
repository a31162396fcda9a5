import { randomUUID } from 'node:crypto';
import { CORRUPTION_FLAG, type Role } from '@civic/domain';
import { s, type ScriptedCase, type Step } from './fixtures/case-scripts';
import { NOW } from './fixtures/dataset';
import { ReadModels } from '../src/projection/read-models';
import { startAnalytics, type AnalyticsHarness } from './harness';

/** The heads of unit the two confidential cases are assigned to (user ids, as their tokens' subjects). */
const REPORT_HANDLER = 'peshtera:head-ac-1';
const SIGNAL_HANDLER = 'peshtera:head-ac-2';

const script = (steps: Step[]): ScriptedCase => ({ caseId: randomUUID(), tenant: 'peshtera', subject: randomUUID(), steps });

const ordinary = script([
  s.register('2026-03-02T08:00:00.000Z', { kind: 'complaint', channel: 'web-form' }, 'PSH-2026-000101'),
  s.accept('2026-03-02T09:00:00.000Z'),
  s.route('2026-03-02T09:01:00.000Z', 'public-works'),
  s.assign('2026-03-02T09:02:00.000Z', 'peshtera:pw-1'),
]);
// Confidential from its registration.
const report = script([
  s.register('2026-03-03T08:00:00.000Z', { kind: 'whistleblower-report', channel: 'email', category: 'corruption' }, 'PSH-2026-000102'),
  // Screened by the platform: the registry never acts on a confidential report (the domain's authority.ts).
  { ...s.accept('2026-03-03T09:00:00.000Z'), role: 'system' },
  s.route('2026-03-03T09:01:00.000Z', 'anti-corruption'),
  s.assign('2026-03-03T09:02:00.000Z', REPORT_HANDLER),
]);
// Confidential from the corruption flag on, also once the anti-corruption officer resolved it.
const signal = script([
  s.register('2026-04-06T08:00:00.000Z', { kind: 'signal', channel: 'post', category: 'corruption' }, 'PSH-2026-000103'),
  s.flag('2026-04-06T08:05:00.000Z', CORRUPTION_FLAG),
  { ...s.resolveAccept('2026-04-06T10:00:00.000Z'), role: 'anti-corruption-officer' },
  s.route('2026-04-06T10:01:00.000Z', 'anti-corruption'),
  s.assign('2026-04-06T10:02:00.000Z', SIGNAL_HANDLER),
  s.answer('2026-04-20T10:00:00.000Z'),
]);

// A whistleblower report and a signal flagged for corruption, next to an ordinary case: who finds them in
// the list, and how the KPIs count them (in totals, never in a group or behind a filter).
describe('confidential cases in the list and the KPIs', () => {
  let analytics: AnalyticsHarness;

  const listed = async (roles: Role[], sub?: string, query = '') => {
    const answer = await analytics.get(`/tenants/peshtera/cases?pageSize=100${query}`, await analytics.token('peshtera', roles, sub));
    if (answer.status !== 200) throw new Error(`${roles.join('+')}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const body = answer.body as { total: number; items: { caseId: string }[] };
    expect(body.total).toBe(body.items.length);
    return body.items.map((item) => item.caseId).sort();
  };
  const ids = (...cases: ScriptedCase[]) => cases.map((c) => c.caseId).sort();
  const kpis = async (query = '') => {
    const answer = await analytics.get(`/tenants/peshtera/kpis${query}`, await analytics.token('peshtera', ['secretary']));
    if (answer.status !== 200) throw new Error(`${query}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as {
      total: { received: number; answered: number };
      groups: { key: string | null; kpis: { received: number; answered: number } }[];
    };
  };

  beforeAll(async () => {
    analytics = await startAnalytics(NOW);
    for (const c of [ordinary, report, signal]) await analytics.run(c);
    await analytics.caughtUp();
  });

  afterAll(async () => {
    await analytics?.stop();
  });

  it.each(['registrar', 'secretary', 'head-of-unit', 'ops', 'mayor'] as Role[])(
    '%s: the confidential cases do not exist in the list',
    async (role) => {
      expect(await listed([role])).toEqual(ids(ordinary));
      expect(await listed([role], undefined, '&kind=whistleblower-report,signal')).toEqual([]);
      expect(await listed([role], undefined, '&unit=anti-corruption')).toEqual([]);
    },
  );

  it.each(['anti-corruption-officer', 'auditor'] as Role[])('%s: every confidential case is in the list', async (role) => {
    expect(await listed([role])).toEqual(ids(ordinary, report, signal));
    expect(await listed([role], undefined, '&kind=whistleblower-report')).toEqual(ids(report));
  });

  it('the officer a confidential case is assigned to finds it in the list; not the one assigned to someone else', async () => {
    expect(await listed(['head-of-unit'], REPORT_HANDLER)).toEqual(ids(ordinary, report));
    expect(await listed(['head-of-unit'], SIGNAL_HANDLER)).toEqual(ids(ordinary, signal));
    expect(await listed(['head-of-unit'], SIGNAL_HANDLER, `&officer=${SIGNAL_HANDLER}`)).toEqual(ids(signal));
  });

  it('a document written before the field existed (no `confidential`) is an ordinary case: listed for everyone', async () => {
    const cases = await analytics.app.get(ReadModels).currentCases();
    await cases.updateOne({ _id: ordinary.caseId }, { $unset: { confidential: '' } });
    try {
      expect(await cases.findOne({ _id: ordinary.caseId })).not.toHaveProperty('confidential');
      expect(await listed(['registrar'])).toEqual(ids(ordinary));
      expect((await kpis('?kind=complaint')).total.received).toBe(1);
    } finally {
      await cases.updateOne({ _id: ordinary.caseId }, { $set: { confidential: null } });
    }
  });

  it('KPIs: the totals count them, no group and no filter by unit, kind or channel shows them', async () => {
    const all = await kpis();
    expect(all.total).toMatchObject({ received: 3, answered: 1 });
    for (const by of ['unit', 'kind', 'channel', 'category', 'month']) {
      const { total, groups } = await kpis(`?by=${by}`);
      expect(total.received).toBe(3);
      expect(groups.reduce((n, g) => n + g.kpis.received, 0)).toBe(1);
      expect(groups.reduce((n, g) => n + g.kpis.answered, 0)).toBe(0);
      expect(groups.map((g) => g.key)).not.toContain('anti-corruption');
      expect(groups.map((g) => g.key)).not.toContain('whistleblower-report');
    }
    expect((await kpis('?kind=whistleblower-report')).total.received).toBe(0);
    expect((await kpis('?kind=signal')).total.received).toBe(0);
    expect((await kpis('?unit=anti-corruption')).total.received).toBe(0);
    expect((await kpis('?channel=post')).total.received).toBe(0);
    expect((await kpis('?kind=complaint')).total.received).toBe(1);
  });

  it('auditors and the anti-corruption officer read the list only, not the figures', async () => {
    for (const role of ['auditor', 'anti-corruption-officer'] as Role[])
      expect((await analytics.get('/tenants/peshtera/kpis', await analytics.token('peshtera', [role]))).status).toBe(403);
  });
});
