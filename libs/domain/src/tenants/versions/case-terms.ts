import type { Instant, IsoDate } from '../../shared/vocabulary';
import type { TenantCharter } from '../charter.schema';
import { versionInForceAt } from './charter-events';

/** What a case keeps of the charter in force on the day it was received: its terms and how long its data are kept. */
export type CaseTerms = Pick<TenantCharter, 'deadlines' | 'retention'>;

/** One version's terms, from its day. */
export interface DatedTerms {
  version: number;
  effectiveFrom: IsoDate;
  terms: CaseTerms;
}

/**
 * A charter as a service holds it: the version in force now, with the terms of every version, so that each
 * case is counted on the version in force on its receipt. A charter without `versions` (a test's, a file's)
 * is its own only version.
 */
export interface CharterVersions {
  versions?: readonly DatedTerms[];
}

/** The terms a case received at `receivedAt` keeps, and which version they are (undefined: the charter has one version). */
export function termsOnReceipt<C extends CaseTerms & CharterVersions & Pick<TenantCharter, 'timeZone'>>(
  charter: C,
  receivedAt: Instant,
): { terms: CaseTerms; version?: { version: number; effectiveFrom: IsoDate } } {
  const versions = charter.versions ?? [];
  const held = versions.length > 1 ? versionInForceAt(versions, receivedAt, charter.timeZone) : undefined;
  if (!held) return { terms: charter };
  return { terms: held.terms, version: { version: held.version, effectiveFrom: held.effectiveFrom } };
}

/** How an explanation names the version a case is counted on. */
export const versionSource = ({ version, effectiveFrom }: { version: number; effectiveFrom: IsoDate }): string =>
  `Харта, версия ${version}, в сила от ${effectiveFrom} / charter version ${version}, in force from ${effectiveFrom}`;
