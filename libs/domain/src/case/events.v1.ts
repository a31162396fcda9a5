/**
 * Schema version 1 of every case event, FROZEN. Events already stored in these shapes are read for as long
 * as the store exists, so nothing here may change: a breaking change is a new version in a new file
 * (`events.v2.ts`) plus an upcaster in `upcast.ts`. Adding a member to a union of codes is the only
 * edit allowed, because old events stay valid. See VERSIONING.md.
 */
import type { Channel, Instant, IsoDate, Kind, LocalizedText } from '../shared/vocabulary';
import type { AttachmentMeta, CaseEventEnvelope } from './envelope';

/** Why no proceedings are opened (АПК чл. 111(4); the charters' reservations). */
export const NO_PROCEEDINGS_GROUNDS = [
  'anonymous', // АПК чл. 111(4); charters: unless health or safety is threatened
  'time-barred', // АПК чл. 111(4): signals about violations more than two years old
  'offensive-language', // charters (Peshtera, Momchilgrad): obscene or offensive language
  'personal-or-classified-information', // charters: answering would disclose personal or classified data
  'other',
] as const;
export type NoProceedingsGround = (typeof NO_PROCEEDINGS_GROUNDS)[number];

/**
 * Something screening noticed that a registrar must decide on. Shaped so the screening library's flags
 * (src/screening) fit as they are; defined here because a stored shape must not follow another module.
 */
export interface CaseFlag {
  /** The screening rule's code, e.g. `offensive-language`; the rules are tenant data. */
  code: string;
  reason: LocalizedText;
  /** The passages of the submitter's text that raised the flag: personal data. */
  matched?: string[];
  /** The law's article or the charter's clause; absent where neither says it. */
  source?: string;
}

/** Whether a decision came straight from screening or from a registrar resolving a flag. */
export type DecisionBasis = 'screening' | 'registrar-decision';

export type SatisfactionRating = 1 | 2 | 3 | 4 | 5;

/** v1 kept the submitter flat and had no language: every case was taken to be in Bulgarian. */
export type CaseRegisteredV1 = CaseEventEnvelope<
  'CaseRegistered',
  {
    kind: Kind;
    channel: Channel;
    receivedAt: Instant;
    registryNumber: string;
    category: string | null;
    submitterGiven: boolean;
    submitterName: string | null;
    submitterEmail: string | null;
    submitterPhone: string | null;
    submitterAddress: string | null;
    text: string;
    attachments: AttachmentMeta[];
    healthSafetyThreat: boolean;
    violationDate: IsoDate | null;
  },
  1
>;

export type CaseAcceptedV1 = CaseEventEnvelope<'CaseAccepted', { basis: DecisionBasis; reason: string | null }>;

export type CaseFlaggedV1 = CaseEventEnvelope<'CaseFlagged', { flags: CaseFlag[] }>;

export type NoProceedingsDecidedV1 = CaseEventEnvelope<
  'NoProceedingsDecided',
  { basis: DecisionBasis; ground: NoProceedingsGround; reason: string | null }
>;

export type CaseRoutedV1 = CaseEventEnvelope<'CaseRouted', { unit: string; ruleId: string; ruleVersion: number }>;

export type CaseAssignedV1 = CaseEventEnvelope<'CaseAssigned', { officerId: string }>;

export type CaseReassignedV1 = CaseEventEnvelope<'CaseReassigned', { fromOfficerId: string; officerId: string; reason: string }>;

/** The case leaves this municipality for the competent authority; the submitter is to be told. */
export type CaseRedirectedV1 = CaseEventEnvelope<
  'CaseRedirected',
  { authority: string; reason: string; noticeToSubmitterRequired: boolean }
>;

export type InformationRequestedV1 = CaseEventEnvelope<'InformationRequested', { missing: string; pausesClock: boolean }>;

export type InformationProvidedV1 = CaseEventEnvelope<
  'InformationProvided',
  { text: string; attachments: AttachmentMeta[]; pausedSince: Instant | null }
>;

export type DeadlineExtendedV1 = CaseEventEnvelope<
  'DeadlineExtended',
  { reason: string; newFinalDate: IsoDate; maxFinalDate: IsoDate; noticeToSubmitterRequired: true }
>;

export type CaseAnsweredV1 = CaseEventEnvelope<'CaseAnswered', { text: string; attachments: AttachmentMeta[]; channel: Channel }>;

export type CaseClosedV1 = CaseEventEnvelope<'CaseClosed', { outcome: 'answered' | 'no-proceedings' }>;

export type CaseReopenedV1 = CaseEventEnvelope<'CaseReopened', { reason: string }>;

/** `reason` is the submitter's own words: personal data. */
export type CaseWithdrawnV1 = CaseEventEnvelope<'CaseWithdrawn', { reason: string | null }>;

export type CaseLinkedAsDuplicateV1 = CaseEventEnvelope<'CaseLinkedAsDuplicate', { originalCaseId: string }>;

/**
 * `recommendation` (what the citizen suggests to improve the service, as the Petrich charter asks of its
 * feedback) was added later as an optional field, a compatible change (VERSIONING.md): events written before
 * it lack it, which means none was given. New events always write it, null when none.
 */
export type SatisfactionRecordedV1 = CaseEventEnvelope<
  'SatisfactionRecorded',
  { rating: SatisfactionRating; comment: string | null; recommendation?: string | null }
>;
