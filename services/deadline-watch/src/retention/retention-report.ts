import { KIND_LABELS, KINDS, type IsoDate, type Kind, type LocalizedText, type RetentionPolicy } from '@civic/domain';
import type { RetentionTally } from '../watch/timer.store';

/** How far ahead the report counts the erasures to come. */
export const RETENTION_DUE_WITHIN_DAYS = 30;
/** How many of each kind's latest erasures the report lists. */
export const RETENTION_LATEST = 5;

export interface RetentionKindReport {
  kind: Kind;
  label: LocalizedText;
  /** The term in force: whole years or months, where it comes from, and whether it is the platform's default. */
  policy: { years?: number; months?: number; source: string; default: boolean };
  /** Cases of the kind whose personal data were erased because their retention ended. */
  erased: number;
  /** The latest of them: registry number, the day the case ended, when its data were erased. No personal data. */
  latest: { registryNumber: string | null; endedOn: IsoDate; erasedAt: string | null }[];
  /** Finished cases of the kind whose retention ends by `dueBy` (and those already due, about to be erased). */
  dueSoon: number;
}

export interface RetentionReport {
  tenant: string;
  asOf: string;
  dueWithinDays: number;
  dueBy: string;
  kinds: RetentionKindReport[];
}

/** One entry per kind, every kind listed (a kind with no cases still shows the term in force). */
export function buildRetentionReport(
  head: Omit<RetentionReport, 'kinds'>,
  policy: RetentionPolicy,
  tallies: readonly RetentionTally[],
): RetentionReport {
  const kinds = KINDS.map((kind): RetentionKindReport => {
    const tally = tallies.find((candidate) => candidate.kind === kind);
    const { period, source, default: isDefault } = policy[kind];
    return {
      kind,
      label: KIND_LABELS[kind],
      policy: { ...period, source, default: isDefault },
      erased: tally?.erased ?? 0,
      latest: (tally?.latest ?? []).map((erasure) => ({
        registryNumber: erasure.registryNumber,
        endedOn: erasure.endedOn,
        erasedAt: erasure.erasedAt?.toISOString() ?? null,
      })),
      dueSoon: tally?.due ?? 0,
    };
  });
  return { ...head, kinds };
}
