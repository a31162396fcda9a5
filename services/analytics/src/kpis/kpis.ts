/**
 * The KPIs of a set of cases, computed from their read-model documents (pure: `today` is given).
 *
 * A case counts in the group of the month it was received in (a cohort): "of the cases received in March,
 * how many were answered, how many on time". Every figure of a group is about the same cases, so the
 * numbers add up across groups and a figure never moves to another month when the case is answered.
 */
import { addCalendarDays, daysBetween, NO_PROCEEDINGS_GROUNDS, type IsoDate, type NoProceedingsGround } from '@civic/domain';
import type { CaseDocument } from '../projection/case-document';

/** The fields of a case document the KPIs read (what the store projects). */
export type KpiCase = Pick<
  CaseDocument,
  | 'unit'
  | 'kind'
  | 'channel'
  | 'category'
  | 'receivedOn'
  | 'receivedMonth'
  | 'open'
  | 'dueDate'
  | 'answeredAt'
  | 'daysToAnswer'
  | 'onTime'
  | 'breaches'
  | 'escalations'
  | 'extensions'
  | 'redirected'
  | 'noProceedingsGround'
  | 'ratings'
  | 'recommendations'
  | 'confidential'
>;

export const KPI_FIELDS: readonly (keyof KpiCase)[] = [
  'unit',
  'kind',
  'channel',
  'category',
  'receivedOn',
  'receivedMonth',
  'open',
  'dueDate',
  'answeredAt',
  'daysToAnswer',
  'onTime',
  'breaches',
  'escalations',
  'extensions',
  'redirected',
  'noProceedingsGround',
  'ratings',
  'recommendations',
  'confidential',
];

/**
 * A confidential case (a whistleblower report, a signal flagged for corruption) counts in totals only: a
 * group by unit, kind, channel, category or month could be one case, and show that it exists.
 */
export const isConfidential = (c: Pick<KpiCase, 'confidential'>): boolean => (c.confidential ?? null) !== null;

/** Ages of the open backlog in calendar days since receipt, inclusive bounds. */
export const BACKLOG_AGES = [
  { bucket: '0-7', upTo: 7 },
  { bucket: '8-14', upTo: 14 },
  { bucket: '15-30', upTo: 30 },
  { bucket: '31-60', upTo: 60 },
  { bucket: '61+', upTo: Infinity },
] as const;
export type BacklogAge = (typeof BACKLOG_AGES)[number]['bucket'];

export const RATINGS = ['1', '2', '3', '4', '5'] as const;
export type RatingKey = (typeof RATINGS)[number];

export interface Kpis {
  received: number;
  /** Answered at least once (the first answer is the one measured). */
  answered: number;
  /** First answers on or before the due date. */
  answeredOnTime: number;
  /** First answers to cases with a legal term: the base of the on-time rate. */
  answeredWithTerm: number;
  /** answeredOnTime / answeredWithTerm in percent, one decimal; null when nothing with a term was answered. */
  onTimeRate: number | null;
  /** Calendar days from receipt to the first answer. */
  daysToAnswer: { median: number | null; p90: number | null };
  backlog: { open: number; overdue: number; byAge: Record<BacklogAge, number> };
  /** DeadlineBreached events. */
  breaches: number;
  /** CaseEscalated events: a term in danger handed to the tenant's escalation role. */
  escalations: number;
  /** DeadlineExtended events. */
  extensions: number;
  /** Cases sent on to another authority. */
  redirects: number;
  noProceedings: { total: number; byGround: Record<NoProceedingsGround, number> };
  /**
   * Every rating given: average to two decimals (null when none), how many of each, and how many came with a
   * recommendation (counted, never quoted: the text is the citizen's personal data).
   */
  satisfaction: { ratings: number; average: number | null; distribution: Record<RatingKey, number>; recommendations: number };
}

export const KPI_DIMENSIONS = ['unit', 'kind', 'channel', 'category', 'month'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

export interface KpiGroup {
  /** The unit, kind, channel, category or month (`YYYY-MM`); null for cases not routed or without a category. */
  key: string | null;
  kpis: Kpis;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  return medianOfSorted(Float64Array.from(values).sort());
}

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

function medianOfSorted(sorted: Float64Array): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentileOfSorted(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

function ageBucket(days: number): BacklogAge {
  return (BACKLOG_AGES.find((age) => days <= age.upTo) ?? BACKLOG_AGES[BACKLOG_AGES.length - 1]).bucket;
}

/**
 * The KPIs of these cases as of `today` (the tenant's local date: the backlog's age and what is overdue). One
 * pass over the cases and one sort of the days to answer: a national tenant's KPIs run over tens of thousands.
 */
export function computeKpis(cases: readonly KpiCase[], today: IsoDate): Kpis {
  let answered = 0;
  let withTerm = 0;
  let onTime = 0;
  let open = 0;
  let overdue = 0;
  let breaches = 0;
  let escalations = 0;
  let extensions = 0;
  let redirects = 0;
  let noProceedings = 0;
  let ratings = 0;
  let ratingsSum = 0;
  let recommendations = 0;
  const days: number[] = [];
  const byAge = zeros(BACKLOG_AGES.map((age) => age.bucket));
  const byGround = zeros(NO_PROCEEDINGS_GROUNDS);
  const distribution = zeros(RATINGS);
  for (const c of cases) {
    if (c.answeredAt !== null) {
      answered += 1;
      if (c.onTime !== null) {
        withTerm += 1;
        if (c.onTime === true) onTime += 1;
      }
      if (c.daysToAnswer !== null) days.push(c.daysToAnswer);
    }
    if (c.open) {
      open += 1;
      byAge[ageBucket(Math.max(0, daysBetween(c.receivedOn, today)))] += 1;
      if (c.dueDate !== null && c.dueDate < today) overdue += 1;
    }
    if (c.noProceedingsGround !== null) {
      noProceedings += 1;
      byGround[c.noProceedingsGround] += 1;
    }
    breaches += c.breaches;
    escalations += c.escalations ?? 0;
    extensions += c.extensions;
    if (c.redirected) redirects += 1;
    for (const rating of c.ratings) {
      ratings += 1;
      ratingsSum += rating;
      distribution[String(rating) as RatingKey] += 1;
    }
    recommendations += c.recommendations ?? 0;
  }
  const sortedDays = Float64Array.from(days).sort();
  return {
    received: cases.length,
    answered,
    answeredOnTime: onTime,
    answeredWithTerm: withTerm,
    onTimeRate: withTerm === 0 ? null : round((onTime / withTerm) * 100, 1),
    daysToAnswer: { median: medianOfSorted(sortedDays), p90: percentileOfSorted(sortedDays, 90) },
    backlog: { open, overdue, byAge },
    breaches,
    escalations,
    extensions,
    redirects,
    noProceedings: { total: noProceedings, byGround },
    satisfaction: {
      ratings,
      average: ratings === 0 ? null : round(ratingsSum / ratings, 2),
      distribution,
      recommendations,
    },
  };
}

export function keyOf(c: KpiCase, by: KpiDimension): string | null {
  switch (by) {
    case 'unit':
      return c.unit;
    case 'kind':
      return c.kind;
    case 'channel':
      return c.channel;
    case 'category':
      return c.category;
    case 'month':
      return c.receivedMonth;
  }
}

/** The months from `first` to `last` (`YYYY-MM`), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addCalendarDays(`${month}-28`, 7).slice(0, 7)) months.push(month);
  return months;
}

/**
 * The KPIs per value of one dimension, by key (null last), of the cases that are not confidential (those
 * count in the total only). By month the series has no gaps: every month from `months.from` (or the first
 * with a case) to `months.to` (or the last) is there, empty ones as zeros, so a trend line is drawn over
 * calendar time.
 */
export function groupKpis(
  all: readonly KpiCase[],
  by: KpiDimension,
  today: IsoDate,
  months: { from?: string; to?: string } = {},
): KpiGroup[] {
  const cases = all.filter((c) => !isConfidential(c));
  const groups = new Map<string | null, KpiCase[]>();
  if (by === 'month') {
    const present = cases.map((c) => c.receivedMonth).sort();
    const first = months.from ?? present[0];
    const last = months.to ?? present.at(-1);
    if (first !== undefined && last !== undefined) for (const month of monthsBetween(first, last)) groups.set(month, []);
  }
  for (const c of cases) {
    const key = keyOf(c, by);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([key, members]) => ({ key, kpis: computeKpis(members, today) }));
}
