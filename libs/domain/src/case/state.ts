/**
 * The life of a case as a union of named states: a command that makes no sense in a state cannot be
 * expressed by the state's shape. Every registered state carries `facts`: what later decisions and the
 * due-date calculation need, and nothing personal (so a crypto-shredded stream folds to the same state).
 */
import type { Channel, Instant, IsoDate, Kind, Language, Official, TenantSlug } from '../shared/vocabulary';
import type { NoProceedingsGround, SatisfactionRating } from './events.v1';
import type { Confidentiality } from './confidentiality';
import type { ErasureGround } from './events.erasure';
import type { Role } from './roles';
import { exhaustive } from './exhaustive';

/** A stretch of time the legal clock stood still while the case waited for the submitter. */
export interface Pause {
  from: Instant;
  to: Instant;
}

export interface Extension {
  reason: string;
  newFinalDate: IsoDate;
  maxFinalDate: IsoDate;
  at: Instant;
}

export interface CaseFacts {
  tenant: TenantSlug;
  caseId: string;
  kind: Kind;
  channel: Channel;
  registryNumber: string;
  category: string | null;
  language: Language;
  receivedAt: Instant;
  registeredAt: Instant;
  submitterGiven: boolean;
  healthSafetyThreat: boolean;
  violationDate: IsoDate | null;
  /** The official who received it in person (reception day, meeting with the leadership); null otherwise. */
  receivedBy: Official | null;
  /** Whether, and why, only the anti-corruption officer and whom they assign may see the case (confidentiality.ts). */
  confidential: Confidentiality | null;
  /** Whom a whistleblower's identity was disclosed to under the law's exception (user ids; events.identity.ts). */
  identityDisclosedTo: string[];
  /** When its personal data were erased (events.erasure.ts); null while they are kept. */
  erasedAt: Instant | null;
  /** Why they were erased: on the person's request or at the end of the retention period; null while kept. */
  erasureGround: ErasureGround | null;
  /**
   * When the case last stopped being open (answered, closed, no proceedings, redirected, withdrawn, a
   * duplicate): its retention period runs from here (tenants/retention.ts). Null while it is open, so a
   * reopened case starts a new period when it ends again.
   */
  endedAt: Instant | null;
  /** Finished pauses; an open one lives in `AwaitingSubmitter.request`. */
  pauses: Pause[];
  /** When the submitter last provided what was asked: the start of a term that runs from the clarification. */
  clarifiedAt: Instant | null;
  /**
   * When the submitter was first sent the acknowledgement of receipt (notification's NotificationSent of the
   * `acknowledgement` message): the start of a term that runs from the acknowledgement (whistleblower reports).
   */
  acknowledgedAt: Instant | null;
  extensions: Extension[];
  /** When each answer was given (a reopened case may be answered again). */
  answeredAt: Instant[];
  ratings: SatisfactionRating[];
  reopenings: number;
  /** What deadline-watch recorded, so no warning, breach or escalation is ever recorded twice. */
  alerts: DeadlineAlert[];
  /** Messages recorded as sent or finally failed, by notification id. */
  notifications: { id: string; outcome: 'sent' | 'failed' }[];
}

/** A deadline observation: its kind, the due date it was about and, for warnings, the threshold. */
export type DeadlineAlert =
  | { type: 'approaching'; dueDate: IsoDate; workingDaysBefore: number }
  | { type: 'breached'; dueDate: IsoDate }
  | { type: 'escalated'; dueDate: IsoDate; toRole: Role };

export interface NotRegistered {
  status: 'NotRegistered';
}
/** Registered, awaiting screening. */
export interface Registered {
  status: 'Registered';
  facts: CaseFacts;
}
/** Screening raised flags a registrar must decide on. */
export interface Flagged {
  status: 'Flagged';
  facts: CaseFacts;
  flagCodes: string[];
}
/** Registered but no proceedings are opened (АПК чл. 111(4); the charters' reservations). */
export interface NoProceedings {
  status: 'NoProceedings';
  facts: CaseFacts;
  ground: NoProceedingsGround;
}
export interface Accepted {
  status: 'Accepted';
  facts: CaseFacts;
}
export interface Routed {
  status: 'Routed';
  facts: CaseFacts;
  unit: string;
  rule: { id: string; version: number };
  /** The matching rule marked the case urgent (a threat to health or safety). */
  urgent: boolean;
}
export interface Assigned {
  status: 'Assigned';
  facts: CaseFacts;
  unit: string;
  officerId: string;
}
/** The states a request for information can interrupt, and return to when the reply comes. */
export type Workable = Registered | Accepted | Routed | Assigned;

type WithoutFacts<S> = S extends unknown ? Omit<S, 'facts'> : never;
export type WorkStage = WithoutFacts<Workable>;

export interface AwaitingSubmitter {
  status: 'AwaitingSubmitter';
  facts: CaseFacts;
  request: { missing: string; pausesClock: boolean; since: Instant };
  resume: WorkStage;
}
export interface Answered {
  status: 'Answered';
  facts: CaseFacts;
  unit: string;
  officerId: string;
}
export type Closed = { status: 'Closed'; facts: CaseFacts; closedAt: Instant } & (
  | { outcome: 'answered'; unit: string; officerId: string }
  | { outcome: 'no-proceedings'; ground: NoProceedingsGround }
);
/** Sent on to the competent authority: closed here. */
export interface Redirected {
  status: 'Redirected';
  facts: CaseFacts;
  authority: string;
}
export interface Withdrawn {
  status: 'Withdrawn';
  facts: CaseFacts;
}
export interface Duplicate {
  status: 'Duplicate';
  facts: CaseFacts;
  originalCaseId: string;
}

export type RegisteredCase =
  | Registered
  | Flagged
  | NoProceedings
  | Accepted
  | Routed
  | Assigned
  | AwaitingSubmitter
  | Answered
  | Closed
  | Redirected
  | Withdrawn
  | Duplicate;
export type CaseState = NotRegistered | RegisteredCase;
export type CaseStatus = CaseState['status'];

/** Still being handled: it may be withdrawn, redirected, linked as a duplicate or extended. */
export type OpenState = Registered | Flagged | Accepted | Routed | Assigned | AwaitingSubmitter;

export function isOpen(state: CaseState): state is OpenState {
  switch (state.status) {
    case 'Registered':
    case 'Flagged':
    case 'Accepted':
    case 'Routed':
    case 'Assigned':
    case 'AwaitingSubmitter':
      return true;
    case 'NotRegistered':
    case 'NoProceedings':
    case 'Answered':
    case 'Closed':
    case 'Redirected':
    case 'Withdrawn':
    case 'Duplicate':
      return false;
    default:
      return exhaustive(state, false);
  }
}

export const initialState = (): CaseState => ({ status: 'NotRegistered' });
