import fc from 'fast-check';
import { computeKpis, groupKpis, KPI_DIMENSIONS, median, monthsBetween, percentile, type KpiCase } from './kpis';

const TODAY = '2026-06-15';

const kase = (over: Partial<KpiCase> = {}): KpiCase => ({
  unit: 'public-works',
  kind: 'complaint',
  channel: 'web-form',
  category: 'roads-lighting',
  receivedOn: '2026-03-02',
  receivedMonth: '2026-03',
  open: false,
  dueDate: '2026-04-02',
  answeredAt: null,
  daysToAnswer: null,
  onTime: null,
  breaches: 0,
  escalations: 0,
  extensions: 0,
  redirected: false,
  noProceedingsGround: null,
  ratings: [],
  recommendations: 0,
  confidential: null,
  ...over,
});
const answered = (days: number, onTime: boolean | null, over: Partial<KpiCase> = {}) =>
  kase({ answeredAt: '2026-03-20T10:00:00.000Z', daysToAnswer: days, onTime, ...over });

describe('KPI arithmetic', () => {
  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('90th percentile by nearest rank: the smallest value with 90% at or below it', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });

  it('percentiles lie within the values, the median no further than the 90th', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1 }), (values) => {
        const p90 = percentile(values, 90) as number;
        const mid = median(values) as number;
        expect(values).toContain(p90);
        expect(mid).toBeLessThanOrEqual(p90);
        expect(mid).toBeGreaterThanOrEqual(Math.min(...values));
      }),
    );
  });

  it('counts received, answered, on time (of those with a term), days, breaches, extensions, redirects', () => {
    const kpis = computeKpis(
      [
        answered(10, true, { breaches: 0, extensions: 1 }),
        answered(40, false, { breaches: 1 }),
        answered(20, true),
        answered(90, null, { kind: 'praise', dueDate: null }),
        kase({ redirected: true }),
      ],
      TODAY,
    );
    expect(kpis).toMatchObject({
      received: 5,
      answered: 4,
      answeredOnTime: 2,
      answeredWithTerm: 3,
      onTimeRate: 66.7,
      daysToAnswer: { median: 30, p90: 90 },
      breaches: 1,
      extensions: 1,
      redirects: 1,
    });
  });

  it('the open backlog by age since receipt, and what of it is overdue, as of today', () => {
    const kpis = computeKpis(
      [
        kase({ open: true, receivedOn: '2026-06-15', dueDate: '2026-07-15' }),
        kase({ open: true, receivedOn: '2026-06-08', dueDate: '2026-07-08' }),
        kase({ open: true, receivedOn: '2026-06-01', dueDate: '2026-07-01' }),
        kase({ open: true, receivedOn: '2026-05-16', dueDate: '2026-06-16' }),
        kase({ open: true, receivedOn: '2026-04-16', dueDate: '2026-05-16' }),
        kase({ open: true, receivedOn: '2026-04-15', dueDate: null }),
        kase({ open: false, receivedOn: '2026-01-01' }),
      ],
      TODAY,
    );
    expect(kpis.backlog).toEqual({ open: 6, overdue: 1, byAge: { '0-7': 2, '8-14': 1, '15-30': 1, '31-60': 1, '61+': 1 } });
  });

  it('no proceedings by ground; satisfaction: every rating, average to two decimals, distribution', () => {
    const kpis = computeKpis(
      [
        kase({ noProceedingsGround: 'anonymous' }),
        kase({ noProceedingsGround: 'anonymous' }),
        kase({ noProceedingsGround: 'time-barred' }),
        kase({ ratings: [5, 4] }),
        kase({ ratings: [1] }),
      ],
      TODAY,
    );
    expect(kpis.noProceedings).toEqual({
      total: 3,
      byGround: { anonymous: 2, 'time-barred': 1, 'offensive-language': 0, 'personal-or-classified-information': 0, other: 0 },
    });
    expect(kpis.satisfaction).toEqual({
      ratings: 3,
      average: 3.33,
      distribution: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 1 },
      recommendations: 0,
    });
  });

  it('Petrich charter (feedback to assess the service and recommend improvements): ratings, average and recommendations per group', () => {
    const older = kase({ unit: 'b', ratings: [3] }) as Partial<KpiCase>;
    delete older.recommendations; // a document written before recommendations were counted: none
    const cases = [
      kase({ unit: 'a', ratings: [5], recommendations: 1 }),
      kase({ unit: 'a', ratings: [2], recommendations: 1 }),
      kase({ unit: 'a', ratings: [4] }),
      older as KpiCase,
      kase({ unit: 'b' }),
    ];
    expect(computeKpis(cases, TODAY).satisfaction).toMatchObject({ ratings: 4, average: 3.5, recommendations: 2 });
    expect(
      groupKpis(cases, 'unit', TODAY).map((g) => [
        g.key,
        g.kpis.satisfaction.ratings,
        g.kpis.satisfaction.average,
        g.kpis.satisfaction.recommendations,
      ]),
    ).toEqual([
      ['a', 3, 3.67, 2],
      ['b', 1, 3, 0],
    ]);
  });

  it('nothing to measure: nulls, never NaN', () => {
    const kpis = computeKpis([], TODAY);
    expect(kpis).toMatchObject({
      received: 0,
      onTimeRate: null,
      daysToAnswer: { median: null, p90: null },
      satisfaction: { average: null },
    });
  });

  it('groups by a dimension; the cases with no unit last', () => {
    const groups = groupKpis([kase({ unit: 'b' }), kase({ unit: null }), kase({ unit: 'a' }), kase({ unit: 'b' })], 'unit', TODAY);
    expect(groups.map((g) => [g.key, g.kpis.received])).toEqual([
      ['a', 1],
      ['b', 2],
      [null, 1],
    ]);
  });

  it('by month: a series without gaps between the first and the last month (or the period asked for)', () => {
    const cases = [kase({ receivedMonth: '2026-01' }), kase({ receivedMonth: '2026-04' })];
    expect(groupKpis(cases, 'month', TODAY).map((g) => [g.key, g.kpis.received])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 0],
      ['2026-04', 1],
    ]);
    expect(groupKpis([], 'month', TODAY, { from: '2025-11', to: '2026-02' }).map((g) => g.key)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween('2026-12', '2027-01')).toEqual(['2026-12', '2027-01']);
  });

  it('confidential cases count in the total, in no group of any dimension', () => {
    const ordinary = [kase(), kase({ unit: 'local-taxes', kind: 'signal', channel: 'post', receivedMonth: '2026-04' })];
    const report = kase({
      kind: 'whistleblower-report',
      unit: 'anti-corruption',
      channel: 'email',
      category: null,
      receivedOn: '2026-05-04',
      receivedMonth: '2026-05',
      confidential: 'whistleblower-report',
    });
    const flagged = answered(5, true, { kind: 'signal', confidential: 'corruption-signal', ratings: [1], recommendations: 1 });
    const older = kase({ unit: 'environment-waste' }) as Partial<KpiCase>;
    delete older.confidential; // written before the field existed: not confidential
    const cases = [...ordinary, report, flagged, older as KpiCase];
    expect(computeKpis(cases, TODAY)).toMatchObject({ received: 5, answered: 1, satisfaction: { ratings: 1, recommendations: 1 } });
    for (const by of KPI_DIMENSIONS) {
      const groups = groupKpis(cases, by, TODAY);
      expect(groups.reduce((n, g) => n + g.kpis.received, 0)).toBe(3);
      expect(groups.reduce((n, g) => n + g.kpis.answered + g.kpis.satisfaction.ratings + g.kpis.satisfaction.recommendations, 0)).toBe(0);
      // No key of theirs alone: neither the anti-corruption unit nor the whistleblower kind nor May.
      expect(groups.map((g) => g.key)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/anti-corruption|whistleblower|2026-05/)]),
      );
    }
  });

  it('groups add up to the total of the cases that are not confidential (property)', () => {
    const arbitraryCase = fc.record({
      confidential: fc.constantFrom(null, null, 'whistleblower-report', 'corruption-signal') as fc.Arbitrary<KpiCase['confidential']>,
      unit: fc.constantFrom('a', 'b', null),
      answered: fc.boolean(),
      onTime: fc.constantFrom(true, false, null),
      days: fc.integer({ min: 0, max: 100 }),
      breaches: fc.integer({ min: 0, max: 2 }),
      ratings: fc.array(fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>, { maxLength: 2 }),
      recommended: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryCase), (specs) => {
        const cases = specs.map((c) => {
          const recommendations = c.recommended ? c.ratings.length : 0;
          const over = { unit: c.unit, breaches: c.breaches, ratings: c.ratings, recommendations, confidential: c.confidential };
          return c.answered ? answered(c.days, c.onTime, over) : kase(over);
        });
        const total = computeKpis(
          cases.filter((c) => c.confidential === null),
          TODAY,
        );
        expect(computeKpis(cases, TODAY).received).toBe(cases.length);
        const groups = groupKpis(cases, 'unit', TODAY);
        const sum = (f: (k: typeof total) => number) => groups.reduce((n, g) => n + f(g.kpis), 0);
        expect(sum((k) => k.received)).toBe(total.received);
        expect(sum((k) => k.answered)).toBe(total.answered);
        expect(sum((k) => k.answeredOnTime)).toBe(total.answeredOnTime);
        expect(sum((k) => k.breaches)).toBe(total.breaches);
        expect(sum((k) => k.satisfaction.ratings)).toBe(total.satisfaction.ratings);
        expect(sum((k) => k.satisfaction.recommendations)).toBe(total.satisfaction.recommendations);
      }),
    );
  });
});
