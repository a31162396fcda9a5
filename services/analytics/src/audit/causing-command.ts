import type { CaseCommandType, CaseEvent, CaseEventType } from '@civic/domain';

/**
 * Which command caused an event. Events carry the command's id (`causationId`) but not its type, so the
 * type is DERIVED from the event: every event type is produced by exactly one command type, except
 * `CaseAccepted` and `NoProceedingsDecided`, which screening and the registrar's decision on flags both
 * produce; their recorded `basis` tells the two apart. The table is typed over every event type, so a new
 * one does not compile until it is listed here.
 */
const PRODUCED_BY: { readonly [T in CaseEventType]: CaseCommandType | ((data: { basis?: unknown }) => CaseCommandType) } = {
  CaseRegistered: 'RegisterCase',
  CaseAccepted: byBasis,
  CaseFlagged: 'ScreenCase',
  NoProceedingsDecided: byBasis,
  CaseRouted: 'RouteCase',
  CaseAssigned: 'AssignCase',
  CaseReassigned: 'ReassignCase',
  CaseRedirected: 'RedirectCase',
  InformationRequested: 'RequestInformation',
  InformationProvided: 'ProvideInformation',
  DeadlineExtended: 'ExtendDeadline',
  CaseAnswered: 'AnswerCase',
  CaseClosed: 'CloseCase',
  CaseReopened: 'ReopenCase',
  CaseWithdrawn: 'WithdrawCase',
  CaseLinkedAsDuplicate: 'LinkAsDuplicate',
  SatisfactionRecorded: 'RecordSatisfaction',
  DeadlineApproaching: 'RecordDeadlineApproaching',
  DeadlineBreached: 'RecordDeadlineBreach',
  CaseEscalated: 'EscalateCase',
  NotificationSent: 'RecordNotificationSent',
  NotificationFailed: 'RecordNotificationFailed',
  IdentityDisclosureRecorded: 'RecordIdentityDisclosure',
  PersonalDataErased: 'ErasePersonalData',
};

function byBasis(data: { basis?: unknown }): CaseCommandType {
  return data.basis === 'registrar-decision' ? 'ResolveFlag' : 'ScreenCase';
}

export interface CausingCommand {
  /** Derived from the event (see above); undefined for an event type this build does not know. */
  type?: CaseCommandType;
  /** The command's id, as the event recorded it (`metadata.causationId`). */
  id: string | null;
}

export function causingCommand(event: Pick<CaseEvent, 'type' | 'data' | 'metadata'>): CausingCommand {
  const rule = Object.hasOwn(PRODUCED_BY, event.type) ? PRODUCED_BY[event.type] : undefined;
  const type = typeof rule === 'function' ? rule(event.data as { basis?: unknown }) : rule;
  const id = typeof event.metadata.causationId === 'string' ? event.metadata.causationId : null;
  return { ...(type ? { type } : {}), id };
}
