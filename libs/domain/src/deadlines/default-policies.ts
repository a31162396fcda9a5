import type { Kind } from '../shared/vocabulary';
import type { DeadlinePolicy } from './policy';

/** Warn 5 and 1 working days before the due date unless a tenant says otherwise. */
export const DEFAULT_WARNINGS: readonly number[] = [5, 1];

const NO_TERM_SOURCE = 'Харти на клиента: мнения, похвали и препоръки нямат законов срок; отчитат се в анализа на обратната връзка';

/** The charters promise to answer questions in time but name no term: a tenant whose policy has one sets it. */
const QUESTION_SOURCE = "Харти на клиента (Пещера, Момчилград): 'Да отговаряме в срок на поставените въпроси'; без законов срок";

function untimed(kind: 'opinion' | 'praise' | 'recommendation' | 'question', source = NO_TERM_SOURCE): DeadlinePolicy {
  return {
    kind,
    term: null,
    startsOn: 'receipt',
    pausesWhileAwaitingSubmitter: false,
    extension: null,
    decisionNotice: null,
    acknowledgement: null,
    warnWorkingDaysBefore: [],
    source,
  };
}

/**
 * The terms the law and the charters set (LEGAL-SOURCES.md, "Kinds of submission"). Every tenant starts
 * from these; its charter overrides them (resolveDeadlinePolicy). Facts marked "check" could not be
 * confirmed from a primary text and are data precisely so that a tenant can correct them.
 * Pausing while awaiting the submitter is on for complaints, proposals and signals as practice
 * (see COUNTING_SOURCES.pause, "check"); the ЗДОИ restarts the term instead (art. 29), and the
 * whistleblower law counts from the acknowledgement.
 */
export const DEFAULT_DEADLINE_POLICIES: Readonly<Record<Kind, DeadlinePolicy>> = {
  complaint: {
    kind: 'complaint',
    term: { unit: 'months', amount: 1 },
    startsOn: 'receipt',
    pausesWhileAwaitingSubmitter: true,
    // Peshtera's charter lets the municipality name a later final date, with reasons, but sets no cap:
    // a tenant that wants it adds an extension in its override.
    extension: null,
    decisionNotice: null,
    acknowledgement: null,
    warnWorkingDaysBefore: [...DEFAULT_WARNINGS],
    source: 'Харта на клиента на Община Пещера (Заповед № 28/20.01.2006): писмен отговор в едномесечен срок',
  },
  proposal: {
    kind: 'proposal',
    term: { unit: 'months', amount: 2 },
    startsOn: 'receipt',
    pausesWhileAwaitingSubmitter: true,
    extension: {
      maxTotal: { unit: 'months', amount: 6 },
      requiresReason: true,
      requiresNoticeToSubmitter: true,
      source: 'АПК чл. 118, ал. 2 (по-горестоящият орган може да продължи срока до 6 месеца, като съобщи на подателя)',
    },
    decisionNotice: { unit: 'calendar-days', amount: 7 },
    acknowledgement: null,
    warnWorkingDaysBefore: [...DEFAULT_WARNINGS],
    source: 'АПК чл. 118, ал. 1 (решение най-късно два месеца след постъпването; съобщава се в 7-дневен срок)',
  },
  signal: {
    kind: 'signal',
    term: { unit: 'months', amount: 2 },
    startsOn: 'receipt',
    pausesWhileAwaitingSubmitter: true,
    extension: null,
    decisionNotice: { unit: 'calendar-days', amount: 7 },
    acknowledgement: null,
    warnWorkingDaysBefore: [...DEFAULT_WARNINGS],
    // The 2 months are common practice by analogy with art. 118(1): no article sets a term for signals.
    source: 'АПК чл. 107, 111 и 123, ал. 1 (мотивирано решение, съобщено в 7-дневен срок); срок от 2 месеца по аналогия с чл. 118, ал. 1',
  },
  'public-information-request': {
    kind: 'public-information-request',
    term: { unit: 'calendar-days', amount: 14 },
    startsOn: 'registration',
    pausesWhileAwaitingSubmitter: false,
    extension: {
      maxTotal: { unit: 'calendar-days', amount: 28 },
      requiresReason: true,
      requiresNoticeToSubmitter: true,
      // The maximum of 14 + 14 days is the longer of the two extensions; confirm when a tenant relies on it.
      source: 'ЗДОИ чл. 30, ал. 1 (до 10 дни) и чл. 31, ал. 1 (до 14 дни)',
    },
    decisionNotice: null,
    acknowledgement: null,
    warnWorkingDaysBefore: [...DEFAULT_WARNINGS],
    source:
      'ЗДОИ чл. 28, ал. 1 (14 дни от регистрирането); при неясно заявление срокът тече от уточняването, а без уточняване в 30 дни заявлението се оставя без разглеждане (чл. 29)',
  },
  'whistleblower-report': {
    kind: 'whistleblower-report',
    term: { unit: 'months', amount: 3 },
    startsOn: 'acknowledgement',
    pausesWhileAwaitingSubmitter: false,
    extension: null,
    decisionNotice: null,
    acknowledgement: { unit: 'calendar-days', amount: 7 },
    warnWorkingDaysBefore: [...DEFAULT_WARNINGS],
    // Which points of art. 15 set the 7 days and the 3 months is to be confirmed against the law's text.
    source:
      'ЗЗЛПСПОИН чл. 15 (потвърждаване в 7 дни; обратна информация до 3 месеца след потвърждаването); Директива (ЕС) 2019/1937 чл. 9, пар. 1, б. „б“ и „е“',
  },
  opinion: untimed('opinion'),
  praise: untimed('praise'),
  recommendation: untimed('recommendation'),
  question: untimed('question', QUESTION_SOURCE),
};
