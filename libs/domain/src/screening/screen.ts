import type { LocalizedText } from '../shared/vocabulary';
import type { ExclusionCode } from '../tenants/charter-parts.schema';
import { missingIdentity, type IdentityPart } from './anonymity';
import { probableDuplicates } from './duplicates';
import { ALL_EXCLUSIONS } from './exclusions';
import { timeBar } from './limitation';
import type { ScreeningPolicy } from './policy';
import { textFlags } from './text-flags';
import { cited, type ScreeningFlag, type ScreeningInput, type ScreeningOutcome, type ScreeningReason, type ScreeningResult } from './types';

/**
 * Screening of a submission that has already been registered (АПК чл. 111(2): everything is registered).
 * It only proposes an outcome and explains it: no proceedings where the law says so, a registrar's
 * decision where a charter allows one, otherwise proceed. Every reason, flag and link names its source.
 */

const IDENTITY_WORDS: Record<IdentityPart, LocalizedText> = {
  'full-name': { bg: 'пълно име', en: 'full name' },
  address: { bg: 'адрес', en: 'address' },
  contact: { bg: 'валиден контакт', en: 'valid contact' },
};

function anonymityReasons(input: ScreeningInput, policy: ScreeningPolicy): ScreeningReason[] {
  if (!policy.anonymity.appliesTo.includes(input.kind)) return [];
  const missing = missingIdentity(input.submitter, policy.anonymity);
  if (missing.length === 0) return [];
  const bg = missing.map((part) => IDENTITY_WORDS[part].bg).join(', ');
  const en = missing.map((part) => IDENTITY_WORDS[part].en).join(', ');
  if (input.healthSafetyThreat && policy.healthSafetyThreat.overridesAnonymity) {
    return [
      {
        code: 'anonymity-overridden-by-threat',
        reason: {
          bg: `Анонимно (липсва: ${bg}), но проблемът застрашава здравето или сигурността на гражданите и се разглежда.`,
          en: `Anonymous (missing: ${en}), but the problem threatens citizens' health or safety and is examined.`,
        },
        ...cited(policy.healthSafetyThreat.source),
      },
    ];
  }
  return [
    {
      code: 'anonymous',
      reason: {
        bg: `Анонимно (липсва: ${bg}): не се образува производство; преписката остава регистрирана.`,
        en: `Anonymous (missing: ${en}): no proceedings are opened; the submission stays registered.`,
      },
      source: policy.anonymity.source,
    },
  ];
}

function limitationCheck(input: ScreeningInput, policy: ScreeningPolicy): { reasons: ScreeningReason[]; flags: ScreeningFlag[] } {
  const { violationDate } = input;
  if (violationDate === undefined || !policy.limitation.appliesTo.includes(input.kind)) return { reasons: [], flags: [] };
  const bar = timeBar(violationDate, input.receivedOn, policy.limitation.years);
  const years = policy.limitation.years;
  switch (bar.state) {
    case 'within':
      return { reasons: [], flags: [] };
    case 'time-barred':
      return {
        reasons: [
          {
            code: 'time-barred',
            reason: {
              bg: `Нарушението (${violationDate}) е извършено преди повече от ${years} години преди получаването (${input.receivedOn}): не се образува производство.`,
              en: `The violation (${violationDate}) happened more than ${years} years before receipt (${input.receivedOn}): no proceedings are opened.`,
            },
            source: policy.limitation.source,
          },
        ],
        flags: [],
      };
    case 'unreadable':
      // The time bar cannot be judged, so a person must: never a guess either way.
      return {
        reasons: [],
        flags: [
          {
            code: 'violation-date-unreadable',
            reason: {
              bg: 'Датата на нарушението не е валидна дата преди получаването: регистраторът проверява давността.',
              en: 'The violation date is not a valid date before receipt: the registrar checks the time bar.',
            },
            matched: [violationDate],
            source: policy.limitation.source,
          },
        ],
      };
    default: {
      const unhandled: never = bar;
      throw new Error(`Unhandled time bar: ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * `exclusions`: the codes of the tenant's charter exclusions; a word-list flag the charter does not list is
 * not raised (exclusions.ts). Omitted, every flag is raised: the law's screening, with no charter.
 * The law's grounds (anonymous, time-barred) follow the policy, not this list: АПК чл. 111(4) binds every tenant.
 */
export function screen(
  input: ScreeningInput,
  policy: ScreeningPolicy,
  exclusions: readonly ExclusionCode[] = ALL_EXCLUSIONS,
): ScreeningResult {
  const limitation = limitationCheck(input, policy);
  const reasons = [...anonymityReasons(input, policy), ...limitation.reasons];
  const flags = [...limitation.flags, ...textFlags(input.text, policy, exclusions)];
  const duplicateOf = probableDuplicates(
    input.text,
    input.openCases,
    policy.duplicates.threshold,
    policy.duplicates.source,
    input.textKeys,
  );

  // Only the law's grounds close a case: flags and duplicates ask a person, they never reject.
  const barred = reasons.some((reason) => reason.code === 'anonymous' || reason.code === 'time-barred');
  const outcome: ScreeningOutcome = barred ? 'no-proceedings' : flags.length > 0 || duplicateOf.length > 0 ? 'needs-registrar' : 'proceed';
  return { outcome, reasons, flags, duplicateOf };
}
