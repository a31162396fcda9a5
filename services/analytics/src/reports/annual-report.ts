/**
 * The annual analysis of feedback the charters promise (libs/domain/LEGAL-SOURCES.md, "Feedback and reporting": per channel,
 * kind, unit, on-time rate; satisfaction): what was received in the year, how it was handled, and what
 * people thought of the answers. Pure: the cases of the year and the tenant's charter in, the report out.
 */
import {
  NO_PROCEEDINGS_GROUNDS,
  versionsInForceBetween,
  type CharterVersions,
  type IsoDate,
  type Kind,
  type LocalizedText,
  type TenantCharter,
  type Channel,
} from '@civic/domain';
import { computeKpis, groupKpis, isConfidential, type KpiCase, type KpiDimension, type Kpis } from '../kpis/kpis';
import { CHANNEL_LABELS, GROUND_LABELS, KIND_LABELS, monthLabel, NO_CATEGORY_LABEL, NO_UNIT_LABEL } from './labels';

export const REPORT_SECTIONS = ['total', 'kind', 'channel', 'unit', 'category', 'ground', 'month'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface ReportRow {
  section: ReportSection;
  key: string | null;
  label: LocalizedText;
  /** Of all cases received in the year, in percent (one decimal). */
  share: number;
  kpis: Kpis;
}

export interface AnnualReport {
  tenant: string;
  municipality: LocalizedText;
  year: number;
  /** The date the open backlog and the overdue cases are counted on. */
  asOf: IsoDate;
  total: ReportRow;
  /** Each section's rows: the largest first, months in calendar order. */
  sections: { [S in Exclude<ReportSection, 'total'>]: ReportRow[] };
  /** The categories most written about (up to five). */
  mainCategories: ReportRow[];
  /** The versions of the charter in force during the year (each case is counted on the one of its receipt). */
  charterVersions: { version: number; effectiveFrom: IsoDate }[];
}

export const MAIN_CATEGORIES = 5;

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** Whose name to print for a group's key, from the charter where it names it. */
function labeller(charter: TenantCharter, by: KpiDimension | 'ground'): (key: string | null) => LocalizedText {
  switch (by) {
    case 'kind':
      return (key) => KIND_LABELS[key as Kind] ?? { bg: String(key), en: String(key) };
    case 'channel':
      return (key) => CHANNEL_LABELS[key as Channel] ?? { bg: String(key), en: String(key) };
    case 'unit':
      return (key) => (key === null ? NO_UNIT_LABEL : (charter.departments.find((d) => d.id === key)?.name ?? { bg: key, en: key }));
    case 'category':
      return (key) => (key === null ? NO_CATEGORY_LABEL : (charter.categories.find((c) => c.id === key)?.name ?? { bg: key, en: key }));
    case 'month':
      return (key) => monthLabel(String(key));
    case 'ground':
      return (key) => GROUND_LABELS[key as keyof typeof GROUND_LABELS];
  }
}

const byReceived = (a: ReportRow, b: ReportRow) => b.kpis.received - a.kpis.received || String(a.key).localeCompare(String(b.key));

/**
 * Confidential cases (whistleblower reports, signals flagged for corruption) count in the total only: a row
 * of a section could be that one case, so every section (groupKpis, the grounds) leaves them out and its
 * shares are still of every case received.
 */
export function annualReport(
  cases: readonly KpiCase[],
  charter: TenantCharter & CharterVersions,
  year: number,
  asOf: IsoDate,
): AnnualReport {
  const inYear = cases.filter((c) => c.receivedOn.startsWith(`${year}-`));
  const received = inYear.length;
  const rows = (by: KpiDimension): ReportRow[] => {
    const label = labeller(charter, by);
    const months = by === 'month' ? { from: `${year}-01`, to: `${year}-12` } : {};
    return groupKpis(inYear, by, asOf, months).map((group) => ({
      section: by,
      key: group.key,
      label: label(group.key),
      share: share(group.kpis.received, received),
      kpis: group.kpis,
    }));
  };
  const groundLabel = labeller(charter, 'ground');
  const grounds = NO_PROCEEDINGS_GROUNDS.map((ground) => {
    // Like every section, the grounds leave confidential cases out: they count in the total only.
    const members = inYear.filter((c) => c.noProceedingsGround === ground && !isConfidential(c));
    return {
      section: 'ground' as const,
      key: ground,
      label: groundLabel(ground),
      share: share(members.length, received),
      kpis: computeKpis(members, asOf),
    };
  }).filter((row) => row.kpis.received > 0);
  const categories = rows('category').sort(byReceived);
  return {
    tenant: charter.slug,
    municipality: charter.name,
    year,
    asOf,
    charterVersions: versionsInForceBetween(charter.versions ?? [], `${year}-01-01`, `${year}-12-31`).map(({ version, effectiveFrom }) => ({
      version,
      effectiveFrom,
    })),
    total: {
      section: 'total',
      key: null,
      label: { bg: 'Общо', en: 'Total' },
      share: received === 0 ? 0 : 100,
      kpis: computeKpis(inYear, asOf),
    },
    sections: {
      kind: rows('kind').sort(byReceived),
      channel: rows('channel').sort(byReceived),
      unit: rows('unit').sort(byReceived),
      category: categories,
      ground: grounds.sort(byReceived),
      month: rows('month'),
    },
    mainCategories: categories.filter((row) => row.key !== null).slice(0, MAIN_CATEGORIES),
  };
}
