import {
  foldCase,
  dueDateOfCase,
  toLocalDate,
  type CaseEvent,
  type CaseEventOf,
  type CaseEventType,
  type CaseState,
  type Instant,
  type IsoDate,
  type Language,
  type LocalizedText,
  type RegisteredCase,
  type TenantCharter,
  type WorkingCalendar,
} from '@civic/domain';
import type { MessageId } from './catalog';
import { unitOf } from './plan';
import { trackingLink } from './tracking-link';
import { formatDate, greeting, groundWords, kindWord, roleWords } from './words';

export interface VariableContext {
  message: MessageId;
  /** The case's events up to and including the one that called for the message, decrypted. */
  history: CaseEvent[];
  charter: TenantCharter;
  /** The tenant's working calendar, for the legal due dates a message states. */
  calendar: WorkingCalendar;
  language: Language;
  /** `TRACKING_URL` as configured: where the submitter follows the case with their code (`{tenant}`, optionally `{code}`). */
  trackingUrl: string;
  /** `TRACKING_PAGE_URL` as configured: where the submitter types their code (`{tenant}`), for links without it. */
  trackingPageUrl: string;
  /**
   * The submitter's name may be used in the greeting: their address is confirmed, or the message goes by post.
   * Otherwise a stranger may have typed the name (a link, a lure) and someone else's address: the greeting is
   * neutral, so the municipality never says a stranger's words to a person who never wrote to it.
   */
  addressConfirmed: boolean;
  /** The acknowledgement's link where the submitter confirms their address; null when nothing is to confirm. */
  confirmationLink?: string | null;
  /** The tenant's units as routing keeps them (names included); the charter's departments when not given. */
  units?: readonly { id: string; name: LocalizedText }[];
}

/** The event or history does not fit the message (a bug or a corrupted stream): not worth a retry. */
export class VariablesUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VariablesUnavailableError';
  }
}

function registered(state: CaseState): RegisteredCase {
  if (state.status === 'NotRegistered') throw new VariablesUnavailableError('the case has no registration');
  return state;
}

const isOfType = <T extends CaseEventType>(event: CaseEvent, type: T): event is CaseEventOf<T> => event.type === type;

function trigger<T extends CaseEventType>(history: readonly CaseEvent[], type: T): CaseEventOf<T> {
  const event = history.at(-1);
  if (!event || !isOfType(event, type))
    throw new VariablesUnavailableError(`the message expects a ${type} event, not ${event?.type ?? 'none'}`);
  return event;
}

/**
 * What a message's template may say, filled in from the case as it was at the triggering event (not as
 * it is now), so a retry days later says the same thing. Every variable the catalog lists is present;
 * optional facts are `null`, never absent, so strict templates can test them with `{{#if}}`.
 */
export function messageVariables({
  message,
  history,
  charter,
  calendar,
  language,
  trackingUrl,
  trackingPageUrl,
  addressConfirmed,
  confirmationLink = null,
  units = charter.departments,
}: VariableContext): Record<string, unknown> {
  const state = registered(foldCase(history));
  const { facts } = state;
  const day = (instant: Instant): IsoDate => toLocalDate(instant, charter.timeZone);
  const words = (date: IsoDate | null | undefined) => (date ? formatDate(date, language) : null);
  const first = history[0];
  const submitter = first?.type === 'CaseRegistered' ? first.data.submitter : null;
  const name = submitter?.name;
  // The submitter's private code: only the acknowledgement carries it. null for cases
  // registered without one (before codes were recorded); an erased person gets no message at all.
  const trackingCode = submitter?.trackingCode ?? null;
  const unitName = (): string | null => {
    const unit = unitOf(history);
    if (unit === undefined) return null;
    return units.find((candidate) => candidate.id === unit)?.name[language] ?? unit;
  };

  const citizen = {
    greeting: greeting(addressConfirmed ? name : undefined, language),
    municipality: charter.name[language],
    municipalityAddress: charter.address[language],
    registryNumber: facts.registryNumber,
    kind: kindWord(facts.kind, language),
    receivedOn: formatDate(day(facts.receivedAt), language),
    trackingLink: trackingLink(trackingPageUrl, charter.slug),
  };
  const staff = (dueDate: IsoDate | null) => ({
    municipality: charter.name[language],
    registryNumber: facts.registryNumber,
    caseId: facts.caseId,
    kind: kindWord(facts.kind, language),
    dueDate: words(dueDate),
  });

  switch (message) {
    case 'acknowledgement':
      return {
        ...citizen,
        trackingCode,
        trackingLink: trackingCode ? trackingLink(trackingUrl, charter.slug, trackingCode) : citizen.trackingLink,
        dueDate: words(dueDateOfCase(state, charter, calendar)),
        confirmationLink,
      };
    case 'no-proceedings': {
      const { ground, reason } = trigger(history, 'NoProceedingsDecided').data;
      return { ...citizen, ground: groundWords(ground, language), reason: reason?.trim() || groundWords(ground, language) };
    }
    case 'redirect': {
      const { authority, reason } = trigger(history, 'CaseRedirected').data;
      return { ...citizen, authority, reason };
    }
    case 'information-request': {
      const { missing, pausesClock } = trigger(history, 'InformationRequested').data;
      return { ...citizen, missing, pausesClock };
    }
    case 'extension': {
      const { reason, newFinalDate } = trigger(history, 'DeadlineExtended').data;
      const before = foldCase(history.slice(0, -1));
      return { ...citizen, reason, newFinalDate: words(newFinalDate), previousDueDate: words(dueDateOfCase(before, charter, calendar)) };
    }
    case 'answer': {
      const answered = trigger(history, 'CaseAnswered');
      return { ...citizen, answerText: answered.data.text, answeredOn: words(day(answered.metadata.occurredAt)), unit: unitName() };
    }
    case 'survey': {
      const answered = history.filter((event) => event.type === 'CaseAnswered').at(-1);
      return { ...citizen, answeredOn: words(answered ? day(answered.metadata.occurredAt) : null) };
    }
    case 'staff-assigned': {
      const event = history.at(-1);
      const reassigned = event?.type === 'CaseReassigned';
      return {
        ...staff(dueDateOfCase(state, charter, calendar)),
        unit: unitName(),
        reassigned,
        reason: reassigned ? event.data.reason : null,
      };
    }
    case 'staff-deadline-approaching': {
      const { dueDate, workingDaysBefore } = trigger(history, 'DeadlineApproaching').data;
      return { ...staff(dueDate), workingDaysBefore };
    }
    case 'staff-deadline-breached':
      return staff(trigger(history, 'DeadlineBreached').data.dueDate);
    case 'staff-escalated': {
      const { dueDate, toRole } = trigger(history, 'CaseEscalated').data;
      return { ...staff(dueDate), toRole: roleWords(toRole, language) };
    }
  }
}
