/**
 * The case events as the domain reads them today: the newest version of each type. Deciders and read
 * models see only these; older stored versions reach them through `upcast`.
 */
import type { PersonalDataErasedV1 } from './events.erasure';
import type { IdentityDisclosureRecordedV1 } from './events.identity';
import type { CaseRegisteredV2, CaseRoutedV2 } from './events.v2';
import type { CaseEscalatedV1, DeadlineApproachingV1, DeadlineBreachedV1, NotificationFailedV1, NotificationSentV1 } from './events.watch';
import type {
  CaseAcceptedV1,
  CaseAnsweredV1,
  CaseAssignedV1,
  CaseClosedV1,
  CaseFlaggedV1,
  CaseLinkedAsDuplicateV1,
  CaseReassignedV1,
  CaseRedirectedV1,
  CaseRegisteredV1,
  CaseReopenedV1,
  CaseRoutedV1,
  CaseWithdrawnV1,
  DeadlineExtendedV1,
  InformationProvidedV1,
  InformationRequestedV1,
  NoProceedingsDecidedV1,
  SatisfactionRecordedV1,
} from './events.v1';

export type CaseRegistered = CaseRegisteredV2;
export type CaseAccepted = CaseAcceptedV1;
export type CaseFlagged = CaseFlaggedV1;
export type NoProceedingsDecided = NoProceedingsDecidedV1;
export type CaseRouted = CaseRoutedV2;
export type CaseAssigned = CaseAssignedV1;
export type CaseReassigned = CaseReassignedV1;
export type CaseRedirected = CaseRedirectedV1;
export type InformationRequested = InformationRequestedV1;
export type InformationProvided = InformationProvidedV1;
export type DeadlineExtended = DeadlineExtendedV1;
export type CaseAnswered = CaseAnsweredV1;
export type CaseClosed = CaseClosedV1;
export type CaseReopened = CaseReopenedV1;
export type CaseWithdrawn = CaseWithdrawnV1;
export type CaseLinkedAsDuplicate = CaseLinkedAsDuplicateV1;
export type SatisfactionRecorded = SatisfactionRecordedV1;
export type DeadlineApproaching = DeadlineApproachingV1;
export type DeadlineBreached = DeadlineBreachedV1;
export type CaseEscalated = CaseEscalatedV1;
export type NotificationSent = NotificationSentV1;
export type NotificationFailed = NotificationFailedV1;
export type IdentityDisclosureRecorded = IdentityDisclosureRecordedV1;
export type PersonalDataErased = PersonalDataErasedV1;

export type CaseEvent =
  | CaseRegistered
  | CaseAccepted
  | CaseFlagged
  | NoProceedingsDecided
  | CaseRouted
  | CaseAssigned
  | CaseReassigned
  | CaseRedirected
  | InformationRequested
  | InformationProvided
  | DeadlineExtended
  | CaseAnswered
  | CaseClosed
  | CaseReopened
  | CaseWithdrawn
  | CaseLinkedAsDuplicate
  | SatisfactionRecorded
  | DeadlineApproaching
  | DeadlineBreached
  | CaseEscalated
  | NotificationSent
  | NotificationFailed
  | IdentityDisclosureRecorded
  | PersonalDataErased;

export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** Any shape ever written to a case stream. Grows with every new version; never shrinks. */
export type StoredCaseEvent = CaseEvent | CaseRegisteredV1 | CaseRoutedV1;

/** The version each type is written in today; the decider stamps it on new events. */
export const CURRENT_SCHEMA_VERSION = {
  CaseRegistered: 2,
  CaseAccepted: 1,
  CaseFlagged: 1,
  NoProceedingsDecided: 1,
  CaseRouted: 2,
  CaseAssigned: 1,
  CaseReassigned: 1,
  CaseRedirected: 1,
  InformationRequested: 1,
  InformationProvided: 1,
  DeadlineExtended: 1,
  CaseAnswered: 1,
  CaseClosed: 1,
  CaseReopened: 1,
  CaseWithdrawn: 1,
  CaseLinkedAsDuplicate: 1,
  SatisfactionRecorded: 1,
  DeadlineApproaching: 1,
  DeadlineBreached: 1,
  CaseEscalated: 1,
  NotificationSent: 1,
  NotificationFailed: 1,
  IdentityDisclosureRecorded: 1,
  PersonalDataErased: 1,
} as const satisfies { [T in CaseEventType]: CaseEventOf<T>['metadata']['schemaVersion'] };

export const CASE_EVENT_TYPES = Object.keys(CURRENT_SCHEMA_VERSION) as CaseEventType[];
