import { pdfText } from '@civic/testing';
import { seedTenant } from '../../test/fixtures/seed-tenants';
import type { KpiCase } from '../kpis/kpis';
import { annualReport } from './annual-report';
import { CSV_COLUMNS, reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';

const kase = (over: Partial<KpiCase> = {}): KpiCase => ({
  unit: 'public-works',
  kind: 'complaint',
  channel: 'web-form',
  category: 'roads-lighting',
  receivedOn: '2026-03-02',
  receivedMonth: '2026-03',
  open: false,
  dueDate: '2026-04-02',
  answeredAt: '2026-03-20T10:00:00.000Z',
  daysToAnswer: 18,
  onTime: true,
  breaches: 0,
  escalations: 0,
  extensions: 0,
  redirected: false,
  noProceedingsGround: null,
  ratings: [],
  ...over,
});

const CASES: KpiCase[] = [
  kase({ ratings: [5], recommendations: 1 }),
  kase({ channel: 'email', onTime: false, daysToAnswer: 40, breaches: 1, ratings: [2] }),
  kase({
    kind: 'signal',
    category: 'corruption',
    unit: 'anti-corruption',
    receivedOn: '2026-05-10',
    receivedMonth: '2026-05',
    ratings: [4],
  }),
  kase({
    kind: 'proposal',
    category: 'waste-cleanliness',
    unit: 'environment-waste',
    channel: 'post',
    answeredAt: null,
    daysToAnswer: null,
    onTime: null,
    open: true,
    dueDate: '2026-07-10',
    receivedOn: '2026-05-10',
    receivedMonth: '2026-05',
  }),
  kase({
    kind: 'signal',
    category: null,
    unit: null,
    answeredAt: null,
    daysToAnswer: null,
    onTime: null,
    noProceedingsGround: 'anonymous',
  }),
  // Another year: not in the 2026 report.
  kase({ receivedOn: '2025-12-31', receivedMonth: '2025-12' }),
];

describe('the annual feedback report (per kind, channel, unit, on-time rate, satisfaction, main categories)', () => {
  const report = annualReport(CASES, seedTenant('peshtera'), 2026, '2026-06-15');

  it('the year received: totals, and rows by kind, channel, unit, category, ground and month (all twelve)', () => {
    expect(report.total.kpis).toMatchObject({
      received: 5,
      answered: 3,
      answeredOnTime: 2,
      onTimeRate: 66.7,
      breaches: 1,
      noProceedings: { total: 1 },
    });
    expect(report.total.kpis.satisfaction).toMatchObject({ ratings: 3, average: 3.67, recommendations: 1 });
    // Petrich's charter: ratings and recommendations per group too.
    expect(
      report.sections.kind.map((r) => [
        r.key,
        r.kpis.satisfaction.ratings,
        r.kpis.satisfaction.average,
        r.kpis.satisfaction.recommendations,
      ]),
    ).toEqual([
      ['complaint', 2, 3.5, 1],
      ['signal', 1, 4, 0],
      ['proposal', 0, null, 0],
    ]);
    expect(report.sections.kind.map((r) => [r.key, r.kpis.received, r.share])).toEqual([
      ['complaint', 2, 40],
      ['signal', 2, 40],
      ['proposal', 1, 20],
    ]);
    expect(report.sections.unit.find((r) => r.key === 'public-works')?.label.bg).toBe('Благоустройство и комунални дейности');
    expect(report.sections.month).toHaveLength(12);
    expect(report.sections.month[2]).toMatchObject({ key: '2026-03', label: { bg: 'март 2026' }, kpis: { received: 3 } });
    expect(report.sections.ground).toEqual([expect.objectContaining({ key: 'anonymous', kpis: expect.objectContaining({ received: 1 }) })]);
  });

  it('confidential cases count in the total only, in no section nor main category', () => {
    const confidential = [
      kase({ kind: 'whistleblower-report', unit: 'anti-corruption', category: 'corruption', confidential: 'whistleblower-report' }),
      kase({
        kind: 'signal',
        channel: 'post',
        noProceedingsGround: 'anonymous',
        confidential: 'corruption-signal',
        ratings: [1],
        recommendations: 1,
      }),
    ];
    const withThem = annualReport([...CASES, ...confidential], seedTenant('peshtera'), 2026, '2026-06-15');
    expect(withThem.total.kpis).toMatchObject({
      received: 7,
      noProceedings: { total: 2 },
      satisfaction: { ratings: 4, recommendations: 2 },
    });
    for (const [name, rows] of Object.entries(withThem.sections))
      expect([name, rows.map((r) => [r.key, r.kpis])]).toEqual([
        name,
        report.sections[name as keyof typeof report.sections].map((r) => [r.key, r.kpis]),
      ]);
    expect(withThem.mainCategories.map((r) => [r.key, r.kpis.received])).toEqual(
      report.mainCategories.map((r) => [r.key, r.kpis.received]),
    );
    expect(withThem.sections.kind.find((r) => r.key === 'complaint')?.share).toBe(Math.round((2 / 7) * 1000) / 10);
  });

  it('main categories: the most written about first, with their names from the charter', () => {
    expect(report.mainCategories.map((r) => [r.key, r.label.bg, r.kpis.received])).toEqual([
      ['roads-lighting', 'Улици, осветление и благоустройство', 2],
      ['corruption', 'Корупция и злоупотреби', 1],
      ['waste-cleanliness', 'Отпадъци и чистота', 1],
    ]);
  });

  it('CSV: one table, the same columns in every row, Bulgarian labels, a byte-order mark for spreadsheets', () => {
    const text = reportCsv(report).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^total,,Общо,Total,5,100,3,2,3,66\.7,18,40,1,0,1,0,0,1,3,3\.67,0,1,0,1,1,1$/);
    expect(lines).toContain('kind,signal,Сигнали,Signals,2,40,1,1,1,100,18,18,0,0,0,0,0,1,1,4,0,0,0,1,0,0');
    expect(lines.filter((line) => line.startsWith('month,'))).toHaveLength(12);
  });

  it('PDF: in Bulgarian, with the figures', async () => {
    const text = await pdfText(await reportPdf(report, new Date('2026-06-15T00:00:00Z')));
    expect(text).toContain('Община Пещера');
    expect(text).toContain('Годишен анализ на обратната връзка за 2026 г.');
    expect(text).toContain('Получени: 5');
    expect(text).toContain('в срок: 2 от 3');
    expect(text).toContain('66,7%');
    expect(text).toContain('средна оценка 3,67 от 5 (оценки: 3; с препоръка: 1)');
    expect(text).toContain('Препоръки');
    expect(text).toContain('Улици, осветление');
    expect(text).toContain('Анонимни');
  });

  it('names the versions of the charter in force during the year, in the report and its PDF', async () => {
    const versions = [
      { version: 1, effectiveFrom: '2025-03-01', terms: { deadlines: {} } },
      { version: 2, effectiveFrom: '2026-07-01', terms: { deadlines: {} } },
      { version: 3, effectiveFrom: '2027-01-01', terms: { deadlines: {} } },
    ];
    const versioned = annualReport(CASES, { ...seedTenant('peshtera'), versions }, 2026, '2026-12-31');
    expect(versioned.charterVersions).toEqual([
      { version: 1, effectiveFrom: '2025-03-01' },
      { version: 2, effectiveFrom: '2026-07-01' },
    ]);
    expect(report.charterVersions).toEqual([{ version: 1, effectiveFrom: '2000-01-01' }]);
    const text = await pdfText(await reportPdf(versioned, new Date('2026-12-31T00:00:00Z')));
    expect(text).toContain('версия 2 (в сила от 2026-07-01)');
  });
});
