import {
  cited,
  screen,
  toLocalDate,
  type CaseFlag,
  type LocalizedText,
  type ScreenCase,
  type ScreeningResult,
  type TenantCharter,
} from '@civic/domain';
import type { DuplicateCandidates } from '../submitter-cases/submitter-cases';
import type { Submission } from './submission';

const NO_CANDIDATES: DuplicateCandidates = { openCases: [], textKeys: [] };

/**
 * The submission screened by the tenant's policy and its charter's exclusions, as registered (АПК чл. 111(2):
 * screening follows registration). `candidates`: the same submitter's open cases (submitter-cases.ts).
 */
export function screenSubmission(
  submission: Submission,
  receivedAt: string,
  charter: TenantCharter,
  candidates: DuplicateCandidates = NO_CANDIDATES,
): ScreeningResult {
  const { submitter } = submission;
  return screen(
    {
      kind: submission.kind,
      channel: submission.channel,
      submitter: submitter && {
        ...(submitter.name === undefined ? {} : { name: submitter.name }),
        ...(submitter.address === undefined ? {} : { address: submitter.address }),
        ...(submitter.email === undefined ? {} : { email: submitter.email }),
        ...(submitter.phone === undefined ? {} : { phone: submitter.phone }),
      },
      text: submission.text,
      healthSafetyThreat: submission.healthSafetyThreat,
      ...(submission.violationDate === undefined ? {} : { violationDate: submission.violationDate }),
      receivedOn: toLocalDate(receivedAt, charter.timeZone),
      openCases: candidates.openCases,
      textKeys: candidates.textKeys,
    },
    charter.screening,
    charter.exclusions.map((exclusion) => exclusion.code),
  );
}

/** Screening's reason codes that would close the case without proceedings: grounds of the law. */
const BARRING_REASONS = new Set(['anonymous', 'time-barred']);

/**
 * What the platform itself (role `system`) may do with screening's result. It accepts what is clear and
 * flags everything else for a registrar, including the law's grounds for no proceedings: the decider lets
 * only a registrar decide those (libs/domain/LEGAL-SOURCES.md: a recorded decision, never a silent automatic rejection). The
 * ground comes first among the flags, with screening's reason, so the registrar sees what is proposed.
 */
export function systemScreening(result: ScreeningResult): ScreenCase['data'] {
  if (result.outcome === 'proceed') return { outcome: 'accept' };
  const grounds: CaseFlag[] = result.reasons
    .filter((reason) => BARRING_REASONS.has(reason.code))
    .map((reason) => ({ code: reason.code, reason: reason.reason, ...cited(reason.source) }));
  const flags: CaseFlag[] = result.flags.map((flag) => ({
    code: flag.code,
    reason: flag.reason,
    matched: flag.matched,
    ...cited(flag.source),
  }));
  const duplicates: CaseFlag[] = result.duplicateOf.map((duplicate) => ({
    code: 'probable-duplicate',
    reason: duplicateReason(duplicate.registryNumber, duplicate.score),
    ...cited(duplicate.source),
  }));
  return { outcome: 'flag', flags: [...grounds, ...flags, ...duplicates] };
}

const duplicateReason = (registryNumber: string, score: number): LocalizedText => ({
  bg: `Вероятно повтаря преписка ${registryNumber} (сходство ${score}).`,
  en: `Probably repeats case ${registryNumber} (similarity ${score}).`,
});

/** Screening's result as the registrar and the citizen may see it: the reasons and flags, never the matched text. */
export interface ScreeningSummary {
  outcome: ScreeningResult['outcome'];
  /** What the platform did with it: accepted, or left for a registrar's decision. */
  action: 'accepted' | 'flagged-for-registrar';
  /** `source`: the law's article or the charter's clause, absent where neither says it. */
  reasons: { code: string; reason: LocalizedText; source?: string }[];
  flags: { code: string; reason: LocalizedText; source?: string }[];
}

export function screeningSummary(result: ScreeningResult): ScreeningSummary {
  const decision = systemScreening(result);
  return {
    outcome: result.outcome,
    action: decision.outcome === 'accept' ? 'accepted' : 'flagged-for-registrar',
    reasons: result.reasons.map(({ code, reason, source }) => ({ code, reason, ...cited(source) })),
    flags: decision.outcome === 'flag' ? decision.flags.map(({ code, reason, source }) => ({ code, reason, ...cited(source) })) : [],
  };
}
