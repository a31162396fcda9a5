/**
 * What people and the platform ask of a case. The application fills in what needs I/O or policy (ids,
 * `now`, the registry number, routing rules, the legal maximum of an extension); the decider judges.
 */
import type { Channel, Instant, IsoDate, Kind, Language, Official } from '../shared/vocabulary';
import type { AttachmentMeta, CaseCommandEnvelope } from './envelope';
import type { NoProceedingsGround, CaseFlag } from './events.v1';
import type { CaseSubmitter, RouteInform } from './events.v2';
import type { ErasureGround } from './events.erasure';
import type { DisclosureGround } from './events.identity';
import type { NotificationChannel, NotificationRecipient } from './events.watch';
import type { Role } from './roles';

export type RegisterCase = CaseCommandEnvelope<
  'RegisterCase',
  {
    kind: Kind;
    channel: Channel;
    /** When the submission arrived; may be earlier than `now` (post, mailbox), never later. */
    receivedAt: Instant;
    /** Assigned by the application's registry, e.g. "ПЩ-2026-000123" (АПК чл. 111(2)). */
    registryNumber: string;
    category?: string;
    /** With the tracking code the application issued, if any: the decider carries it, never makes one. */
    submitter: CaseSubmitter | null;
    text: string;
    attachments: AttachmentMeta[];
    healthSafetyThreat: boolean;
    violationDate?: IsoDate;
    language: Language;
    /** Who received it in person: required on a reception day, allowed at a meeting with the leadership, nowhere else. */
    receivedBy?: Official;
  }
>;

export type ScreenCase = CaseCommandEnvelope<
  'ScreenCase',
  | { outcome: 'accept' }
  | { outcome: 'no-proceedings'; ground: NoProceedingsGround; reason: string }
  | { outcome: 'flag'; flags: CaseFlag[] }
>;

/** The registrar's decision on a flagged case, always with a recorded reason. */
export type ResolveFlag = CaseCommandEnvelope<
  'ResolveFlag',
  { decision: 'accept'; reason: string } | { decision: 'no-proceedings'; ground: NoProceedingsGround; reason: string }
>;

export type RouteCase = CaseCommandEnvelope<
  'RouteCase',
  /** `urgent` and `inform` come from the matching rule; absent: not urgent, nobody else informed. */
  { unit: string; ruleId: string; ruleVersion: number; urgent?: boolean; inform?: RouteInform }
>;

export type AssignCase = CaseCommandEnvelope<'AssignCase', { officerId: string }>;

export type ReassignCase = CaseCommandEnvelope<'ReassignCase', { officerId: string; reason: string }>;

export type RedirectCase = CaseCommandEnvelope<'RedirectCase', { authority: string; reason: string }>;

export type RequestInformation = CaseCommandEnvelope<
  'RequestInformation',
  {
    missing: string;
    /** From the tenant's deadline policy (`pausesWhileAwaitingSubmitter`). */
    pausesClock: boolean;
  }
>;

export type ProvideInformation = CaseCommandEnvelope<'ProvideInformation', { text: string; attachments: AttachmentMeta[] }>;

export type ExtendDeadline = CaseCommandEnvelope<
  'ExtendDeadline',
  {
    reason: string;
    newFinalDate: IsoDate;
    /** The furthest final date the policy allows for this case; null when the policy allows no extension. */
    maxFinalDate: IsoDate | null;
  }
>;

export type AnswerCase = CaseCommandEnvelope<'AnswerCase', { text: string; attachments: AttachmentMeta[]; channel: Channel }>;

export type CloseCase = CaseCommandEnvelope<'CloseCase', Record<string, never>>;

export type ReopenCase = CaseCommandEnvelope<'ReopenCase', { reason: string }>;

/** On the submitter's behalf: they may give a reason or not. */
export type WithdrawCase = CaseCommandEnvelope<'WithdrawCase', { reason?: string }>;

export type LinkAsDuplicate = CaseCommandEnvelope<'LinkAsDuplicate', { originalCaseId: string }>;

/** The case's one rating, with an optional comment and recommendation, whoever records it (citizen, registrar by phone, import). */
export type RecordSatisfaction = CaseCommandEnvelope<'RecordSatisfaction', { rating: number; comment?: string; recommendation?: string }>;

/** deadline-watch: a warning threshold was reached for the current due date. */
export type RecordDeadlineApproaching = CaseCommandEnvelope<
  'RecordDeadlineApproaching',
  { dueDate: IsoDate; workingDaysBefore: number; warnedOn: IsoDate }
>;

/** deadline-watch: the due date passed without an answer. */
export type RecordDeadlineBreach = CaseCommandEnvelope<'RecordDeadlineBreach', { dueDate: IsoDate }>;

/** deadline-watch: the breached case goes to the tenant's escalation role. */
export type EscalateCase = CaseCommandEnvelope<'EscalateCase', { toRole: Role; dueDate: IsoDate }>;

interface NotificationOutcome {
  notificationId: string;
  template: string;
  channel: NotificationChannel;
  recipient: NotificationRecipient;
  triggeredBy: string;
  attempts: number;
}

/** notification: a message went out. */
export type RecordNotificationSent = CaseCommandEnvelope<'RecordNotificationSent', NotificationOutcome>;

/** notification: a message could not be sent after the last retry. */
export type RecordNotificationFailed = CaseCommandEnvelope<'RecordNotificationFailed', NotificationOutcome & { error: string }>;

/** The anti-corruption officer records the law's exception to a whistleblower's anonymity (events.identity.ts). */
export type RecordIdentityDisclosure = CaseCommandEnvelope<
  'RecordIdentityDisclosure',
  { ground: DisclosureGround; disclosedTo: string; reason: string }
>;

/** The data protection officer erases a finished case's personal data, or the platform does when its retention ended. */
export type ErasePersonalData = CaseCommandEnvelope<'ErasePersonalData', { ground: ErasureGround; requestId: string }>;

export type CaseCommand =
  | RegisterCase
  | ScreenCase
  | ResolveFlag
  | RouteCase
  | AssignCase
  | ReassignCase
  | RedirectCase
  | RequestInformation
  | ProvideInformation
  | ExtendDeadline
  | AnswerCase
  | CloseCase
  | ReopenCase
  | WithdrawCase
  | LinkAsDuplicate
  | RecordSatisfaction
  | RecordDeadlineApproaching
  | RecordDeadlineBreach
  | EscalateCase
  | RecordNotificationSent
  | RecordNotificationFailed
  | RecordIdentityDisclosure
  | ErasePersonalData;

export type CaseCommandType = CaseCommand['type'];
export type CaseCommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;

/** A command without its envelope: what a caller decides; the application adds who, when and in which case. */
export type CaseCommandBody = { [C in CaseCommand as C['type']]: Pick<C, 'type' | 'data'> }[CaseCommandType];
