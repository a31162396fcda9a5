import { stringify } from 'csv-stringify/sync';
import { RATINGS } from '../kpis/kpis';
import type { AnnualReport, ReportRow } from './annual-report';

/** One table for spreadsheets: a row per group (section + key), the same columns for every row. */
export const CSV_COLUMNS = [
  'section',
  'key',
  'label_bg',
  'label_en',
  'received',
  'share_percent',
  'answered',
  'answered_on_time',
  'answered_with_term',
  'on_time_rate_percent',
  'median_days_to_answer',
  'p90_days_to_answer',
  'open_backlog',
  'overdue',
  'breaches',
  'extensions',
  'redirects',
  'no_proceedings',
  'ratings',
  'satisfaction_average',
  ...RATINGS.map((rating) => `rating_${rating}`),
  'recommendations',
] as const;

const blank = (value: number | null) => (value === null ? '' : value);

function line(row: ReportRow): (string | number)[] {
  const { kpis } = row;
  return [
    row.section,
    row.key ?? '',
    row.label.bg,
    row.label.en,
    kpis.received,
    row.share,
    kpis.answered,
    kpis.answeredOnTime,
    kpis.answeredWithTerm,
    blank(kpis.onTimeRate),
    blank(kpis.daysToAnswer.median),
    blank(kpis.daysToAnswer.p90),
    kpis.backlog.open,
    kpis.backlog.overdue,
    kpis.breaches,
    kpis.extensions,
    kpis.redirects,
    kpis.noProceedings.total,
    kpis.satisfaction.ratings,
    blank(kpis.satisfaction.average),
    ...RATINGS.map((rating) => kpis.satisfaction.distribution[rating]),
    kpis.satisfaction.recommendations,
  ];
}

/**
 * The report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Cyrillic
 * labels right). Decimal points, not commas: the figures are data, not prose.
 */
export function reportCsv(report: AnnualReport): Buffer {
  const { sections } = report;
  const rows = [
    report.total,
    ...sections.kind,
    ...sections.channel,
    ...sections.unit,
    ...sections.category,
    ...sections.ground,
    ...sections.month,
  ];
  const text = stringify(rows.map(line), { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]);
}
