import type { IsoDate } from '../shared/vocabulary';
import { clockStartText, COUNTING_SOURCES, termText } from './counting-rules';
import type { DueDateStep } from './due-date.types';
import type { DeadlinePolicy, Term } from './policy';

/** The explanation lines computeDueDate adds around the counting itself. */

export function noTermStep(policy: DeadlinePolicy): DueDateStep {
  return {
    rule: 'no-term',
    detail: { bg: 'Няма законов срок за отговор', en: 'There is no legal term for an answer' },
    source: policy.source,
  };
}

export function termStep(policy: DeadlinePolicy, term: Term, start: IsoDate): DueDateStep {
  const text = termText(term);
  const startsOn = clockStartText(policy.startsOn);
  return {
    rule: 'term',
    detail: { bg: `Срок: ${text.bg} от ${startsOn.bg} (${start})`, en: `Term: ${text.en} from ${startsOn.en} (${start})` },
    source: policy.source,
  };
}

export function pauseIgnoredStep(policy: DeadlinePolicy): DueDateStep {
  return {
    rule: 'pause-ignored',
    detail: {
      bg: 'Срокът за този вид преписка не спира в очакване на подателя',
      en: "This kind of case's term does not stop while awaiting the submitter",
    },
    source: policy.source,
  };
}

export function openPauseAfterTermStep(from: IsoDate, lastDay: IsoDate): DueDateStep {
  return {
    rule: 'pause-after-term',
    detail: {
      bg: `Изчакването на подателя от ${from} започна след последния ден на срока (${lastDay})`,
      en: `Waiting for the submitter since ${from} began after the term's last day (${lastDay})`,
    },
    source: COUNTING_SOURCES.pause,
  };
}

/** `remaining` is in working days for a working-day term, else in calendar days. */
export function openPauseStep(term: Term, from: IsoDate, remaining: number): DueDateStep {
  const left = termText({ unit: term.unit === 'working-days' ? 'working-days' : 'calendar-days', amount: remaining });
  return {
    rule: 'open-pause',
    detail: {
      bg: `Срокът е спрян от ${from} в очакване на подателя; остават ${left.bg}`,
      en: `The clock has been stopped since ${from} awaiting the submitter; ${left.en} remain`,
    },
    source: COUNTING_SOURCES.pause,
  };
}

export function extensionStep(policy: DeadlinePolicy, extendedTo: IsoDate, maximum: IsoDate): DueDateStep {
  return {
    rule: 'extension',
    detail: {
      bg: `Срокът е удължен до ${extendedTo} (най-късно ${maximum})`,
      en: `The term was extended to ${extendedTo} (at the latest ${maximum})`,
    },
    source: policy.extension?.source ?? policy.source,
  };
}
