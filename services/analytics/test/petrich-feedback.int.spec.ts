import { randomUUID } from 'node:crypto';
import { CORRUPTION_FLAG } from '@civic/domain';
import { s, type ScriptedCase, type Step } from './fixtures/case-scripts';
import { NOW } from './fixtures/dataset';
import { startAnalytics, type AnalyticsHarness } from './harness';

const script = (steps: Step[]): ScriptedCase => ({ caseId: randomUUID(), tenant: 'petrich', subject: randomUUID(), steps });
const RECOMMENDATION = 'Да се поставят повече контейнери около пазара, Мария Петрова';

/** A Petrich case answered by its unit on 20 March, closed the next day. */
const answered = (registryNumber: string, unit: string, category: string, channel: 'web-form' | 'email') => [
  s.register('2026-03-02T08:00:00.000Z', { kind: 'complaint', channel, category }, registryNumber),
  s.accept('2026-03-02T09:00:00.000Z'),
  s.route('2026-03-02T09:01:00.000Z', unit),
  s.assign('2026-03-02T09:02:00.000Z', `petrich:${unit}-1`),
  s.answer('2026-03-20T10:00:00.000Z'),
  s.close('2026-03-21T10:00:00.000Z'),
];

const recommended = script([
  ...answered('PTR-2026-000001', 'environment-waste', 'waste-cleanliness', 'web-form'),
  s.rate('2026-03-22T10:00:00.000Z', 4, 'Благодаря', RECOMMENDATION),
]);
const plain = script([...answered('PTR-2026-000002', 'public-works', 'roads-lighting', 'email'), s.rate('2026-03-23T10:00:00.000Z', 2)]);
// A signal flagged for corruption: confidential, so its rating and recommendation count in the totals only.
const confidential = script([
  s.register('2026-04-06T08:00:00.000Z', { kind: 'signal', channel: 'post', category: 'corruption' }, 'PTR-2026-000003'),
  s.flag('2026-04-06T08:05:00.000Z', CORRUPTION_FLAG),
  { ...s.resolveAccept('2026-04-06T10:00:00.000Z'), role: 'anti-corruption-officer' },
  s.route('2026-04-06T10:01:00.000Z', 'anti-corruption'),
  s.assign('2026-04-06T10:02:00.000Z', 'petrich:ac-1'),
  s.answer('2026-04-20T10:00:00.000Z'),
  s.rate('2026-04-21T10:00:00.000Z', 5, undefined, 'Повече защита за подаващите сигнали'),
]);

interface Satisfaction {
  ratings: number;
  average: number | null;
  recommendations: number;
}

// Issue 13 (Petrich charter: feedback "to assess the service and make recommendations for improving it"):
// ratings written through CASE_COMMANDS to PostgreSQL (the recommendation encrypted), the live model in
// FerretDB, and the KPIs and the annual report counting ratings, their average and the recommendations.
describe('Petrich feedback: ratings with recommendations in the KPIs and the annual report', () => {
  let analytics: AnalyticsHarness;

  const get = async (path: string) => {
    const answer = await analytics.get(path, await analytics.token('petrich', ['secretary']));
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const kpis = async (query = '') =>
    (await get(`/tenants/petrich/kpis${query}`)).body as {
      total: { received: number; satisfaction: Satisfaction };
      groups: { key: string | null; kpis: { satisfaction: Satisfaction } }[];
    };

  beforeAll(async () => {
    analytics = await startAnalytics(NOW);
    for (const c of [recommended, plain, confidential]) await analytics.run(c);
    await analytics.caughtUp();
  });

  afterAll(async () => {
    await analytics?.stop();
  });

  it('GET /tenants/petrich/kpis: the rating with a recommendation shows in the total', async () => {
    expect((await kpis()).total).toMatchObject({ received: 3, satisfaction: { ratings: 3, average: 3.67, recommendations: 2 } });
  });

  it('per group: ratings, average and recommendations; the confidential case in no group', async () => {
    const byUnit = (await kpis('?by=unit')).groups.map((g) => [g.key, g.kpis.satisfaction]);
    expect(byUnit).toEqual([
      ['environment-waste', expect.objectContaining({ ratings: 1, average: 4, recommendations: 1 })],
      ['public-works', expect.objectContaining({ ratings: 1, average: 2, recommendations: 0 })],
    ]);
    const byMonth = (await kpis('?by=month')).groups.map((g) => [g.key, g.kpis.satisfaction.ratings, g.kpis.satisfaction.recommendations]);
    expect(byMonth).toEqual([['2026-03', 2, 1]]);
  });

  it('the model holds whether a recommendation was given, never its words', async () => {
    const list = await get('/tenants/petrich/cases?pageSize=10');
    expect((list.body as { total: number }).total).toBe(2);
    expect(JSON.stringify(list.body)).not.toMatch(/контейнери|Мария|защита/);
  });

  it('the annual report (CSV) shows the same figures', async () => {
    const answer = await analytics.get('/tenants/petrich/reports/2026.csv', await analytics.token('petrich', ['mayor']));
    expect(answer.status).toBe(200);
    const [header, ...rows] = answer.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    const row = (section: string, key: string) => rows.find((r) => r[0] === section && r[1] === key) as string[];
    const figures = (r: string[]) => ['ratings', 'satisfaction_average', 'recommendations'].map((name) => r[header.indexOf(name)]);
    expect(figures(row('total', ''))).toEqual(['3', '3.67', '2']);
    expect(figures(row('unit', 'environment-waste'))).toEqual(['1', '4', '1']);
    expect(figures(row('channel', 'email'))).toEqual(['1', '2', '0']);
    expect(row('unit', 'anti-corruption')).toBeUndefined();
  });
});
