import type { NationalOverride } from './types';

/**
 * One-off national days off and working Saturdays, each citing the Council of Ministers decision
 * (Labour Code art. 154). Data, never code: add a decision here when the government adopts one.
 * Decisions known only from the press, not from the State Gazette text, say so in a comment beside them.
 * Since 2017 the weekend shift is automatic (weekend-shift.ts), so decisions have become rare.
 */
export const BULGARIA_NATIONAL_OVERRIDES: readonly NationalOverride[] = [
  // 2015: 31 Dec day off, worked in advance on Saturday 12 Dec (press reports; the decision's number and
  // State Gazette issue are not confirmed).
  {
    date: '2015-12-12',
    kind: 'working-day',
    name: { bg: 'Работна събота (отработване на 31 декември 2015)', en: 'Working Saturday (in lieu of 31 Dec 2015)' },
    source: 'Решение на Министерския съвет за 2015 г.',
  },
  {
    date: '2015-12-31',
    kind: 'day-off',
    name: { bg: 'Почивен ден (31 декември 2015)', en: 'Day off (31 Dec 2015)' },
    source: 'Решение на Министерския съвет за 2015 г.',
  },
  // 2016: the text of РМС № 935/30.11.2015 (ДВ бр. 94 от 4.12.2015): four days off, four working Saturdays.
  ...pairs2016(),
  // 2025–2026: the euro changeover (adopted 19.11.2025; the decision's number and State Gazette issue are
  // not confirmed); no working Saturday was set in exchange.
  {
    date: '2025-12-31',
    kind: 'day-off',
    name: {
      bg: 'Неработен ден във връзка с въвеждането на еврото',
      en: 'Day off for the euro changeover',
    },
    source: 'Решение на Министерския съвет от 19.11.2025 г.',
  },
  {
    date: '2026-01-02',
    kind: 'day-off',
    name: {
      bg: 'Неработен ден във връзка с въвеждането на еврото',
      en: 'Day off for the euro changeover',
    },
    source: 'Решение на Министерския съвет от 19.11.2025 г.',
  },
];

function pairs2016(): NationalOverride[] {
  const source = 'Решение № 935 на Министерския съвет от 30.11.2015 г. (ДВ бр. 94 от 4.12.2015)';
  const pairs: [dayOff: string, workingSaturday: string][] = [
    ['2016-03-04', '2016-03-12'],
    ['2016-05-23', '2016-05-14'],
    ['2016-09-05', '2016-09-10'],
    ['2016-09-23', '2016-09-17'],
  ];
  return pairs.flatMap(([dayOff, saturday]): NationalOverride[] => [
    {
      date: dayOff,
      kind: 'day-off',
      name: { bg: `Почивен ден (отработва се на ${saturday})`, en: `Day off (worked on ${saturday})` },
      source,
    },
    {
      date: saturday,
      kind: 'working-day',
      name: { bg: `Работна събота (вместо ${dayOff})`, en: `Working Saturday (in lieu of ${dayOff})` },
      source,
    },
  ]);
}
