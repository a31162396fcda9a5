/**
 * The case read model: one document per case with what the case list, the work queues and the KPIs need,
 * and nothing personal (no names, addresses, texts or comments), so an erasure leaves nothing here to
 * erase. `evolveCaseDocument(doc | null, event, context)` is pure: the tenant's calendar and deadline
 * policy arrive as functions in `context` (the application builds them), never read from anywhere.
 *
 * Every document keeps the revision of the last event of its stream that changed it; an event at or below
 * that revision is ignored, so a redelivered or replayed event changes nothing.
 */
import {
  confidentialityAfterFlags,
  confidentialityOfKind,
  daysBetween,
  type CaseEvent,
  type Confidentiality,
  type CaseStatus,
  type Channel,
  type ErasureGround,
  type Instant,
  type IsoDate,
  type Kind,
  type Language,
  type NoProceedingsGround,
  type SatisfactionRating,
} from '@civic/domain';

export type CaseDocumentStatus = Exclude<CaseStatus, 'NotRegistered'>;

/** Still being handled (the domain's `isOpen`): counted in the backlog, may be due soon or overdue. */
export const OPEN_STATUSES: readonly CaseDocumentStatus[] = [
  'Registered',
  'Flagged',
  'Accepted',
  'Routed',
  'Assigned',
  'AwaitingSubmitter',
];

/** What the legal clock of a case depends on; the context turns it into a due date. */
export interface ClockFacts {
  kind: Kind;
  receivedAt: Instant;
  registeredAt: Instant;
  /** Finished pauses while the case waited for the submitter (only those that stopped the clock). */
  pauses: { from: Instant; to: Instant }[];
  /** A pause still running: the case waits for the submitter and the clock stands still. */
  pausedSince: Instant | null;
  /** The final date the last extension set. */
  extendedTo: IsoDate | null;
  /** When the submitter last replied to a request (a term may run from the clarification); absent in older documents. */
  clarifiedAt?: Instant | null;
  /** When the acknowledgement of receipt was first sent to the submitter (whistleblower reports); absent in older documents. */
  acknowledgedAt?: Instant | null;
}

/** The tenant's calendar and deadline policy, as pure functions. */
export interface CaseModelContext {
  /** The instant's calendar date in the tenant's time zone. */
  localDate(instant: Instant): IsoDate;
  /** The due date these facts give under the tenant's policy; null when no term runs or the clock stands still. */
  dueDate(clock: ClockFacts): IsoDate | null;
}

export interface CaseDocument {
  /** The case id. */
  _id: string;
  tenant: string;
  registryNumber: string;
  kind: Kind;
  channel: Channel;
  category: string | null;
  language: Language;
  /**
   * Whether, and why, the case's existence is confidential (the domain's `facts.confidential`): lists show it
   * only to whom may see it, KPIs count it only in totals. Absent in older documents, which means null (a
   * filter `{ confidential: null }` matches a missing field too).
   */
  confidential?: Confidentiality | null;
  status: CaseDocumentStatus;
  open: boolean;
  /** Where a case waiting for the submitter goes back to when they reply. */
  resumeStatus: CaseDocumentStatus | null;
  unit: string | null;
  officerId: string | null;
  urgent: boolean;
  receivedAt: Instant;
  /** Local date and month of receipt: KPIs group a case by the month it was received in. */
  receivedOn: IsoDate;
  receivedMonth: string;
  clock: ClockFacts;
  /** The due date in effect: recomputed while the case is open, frozen at the first answer or when it closes. */
  dueDate: IsoDate | null;
  extensions: number;
  /** The first answer: the one the legal term is about. Later answers (after reopening) count in `answers`. */
  answeredAt: Instant | null;
  answeredOn: IsoDate | null;
  /** Calendar days from the day of receipt to the day of the first answer. */
  daysToAnswer: number | null;
  /** The first answer on or before the due date; null for kinds without a term. */
  onTime: boolean | null;
  answers: number;
  closedAt: Instant | null;
  closedOutcome: 'answered' | 'no-proceedings' | null;
  breaches: number;
  escalations: number;
  redirected: boolean;
  /** The authority a redirected case went to (an institution, never a person). */
  redirectedTo: string | null;
  /** The ground of the no-proceedings decision in force (cleared when a reopened case is accepted). */
  noProceedingsGround: NoProceedingsGround | null;
  ratings: SatisfactionRating[];
  /**
   * How many of the ratings came with a recommendation (the Petrich charter's feedback): whether one was
   * given, never what it says. Absent in documents written before, which means none (a rebuild fills it in).
   */
  recommendations?: number;
  /**
   * When the case's personal data were erased (GDPR art. 17 on request, art. 5(1)(e) when its retention ended),
   * and on which ground: the model holds nothing personal, so this only says that the case's events now read as
   * erased. Absent in documents written before, which means not erased (a rebuild fills it in).
   */
  erasedAt?: Instant | null;
  erasureGround?: ErasureGround | null;
  /** The revision in `case-<id>` of the last event applied. */
  revision: number;
}

/** A case event with its place in its stream. */
export interface ModelEvent {
  revision: number;
  event: CaseEvent;
}

function registered(event: Extract<CaseEvent, { type: 'CaseRegistered' }>, revision: number, context: CaseModelContext): CaseDocument {
  const { data, metadata } = event;
  const receivedOn = context.localDate(data.receivedAt);
  const clock: ClockFacts = {
    kind: data.kind,
    receivedAt: data.receivedAt,
    registeredAt: metadata.occurredAt,
    pauses: [],
    pausedSince: null,
    extendedTo: null,
    clarifiedAt: null,
    acknowledgedAt: null,
  };
  return {
    _id: metadata.caseId,
    tenant: metadata.tenant,
    registryNumber: data.registryNumber,
    kind: data.kind,
    channel: data.channel,
    category: data.category,
    language: data.language,
    confidential: confidentialityOfKind(data.kind),
    status: 'Registered',
    open: true,
    resumeStatus: null,
    unit: null,
    officerId: null,
    urgent: false,
    receivedAt: data.receivedAt,
    receivedOn,
    receivedMonth: receivedOn.slice(0, 7),
    clock,
    dueDate: context.dueDate(clock),
    extensions: 0,
    answeredAt: null,
    answeredOn: null,
    daysToAnswer: null,
    onTime: null,
    answers: 0,
    closedAt: null,
    closedOutcome: null,
    breaches: 0,
    escalations: 0,
    redirected: false,
    redirectedTo: null,
    noProceedingsGround: null,
    ratings: [],
    recommendations: 0,
    erasedAt: null,
    erasureGround: null,
    revision,
  };
}

/** The clock facts as the case stops waiting for the submitter at `at`: a running pause ends then. */
function settled(clock: ClockFacts, at: Instant): ClockFacts {
  if (clock.pausedSince === null) return clock;
  return { ...clock, pauses: [...clock.pauses, { from: clock.pausedSince, to: at }], pausedSince: null };
}

/** A closing status: the case leaves the backlog and its clock (due date frozen) with it. */
function finished(doc: CaseDocument, status: CaseDocumentStatus, at: Instant, context: CaseModelContext): CaseDocument {
  const clock = settled(doc.clock, at);
  return { ...doc, status, open: false, resumeStatus: null, clock, dueDate: doc.open ? context.dueDate(clock) : doc.dueDate };
}

function answered(doc: CaseDocument, at: Instant, context: CaseModelContext): CaseDocument {
  const done = finished(doc, 'Answered', at, context);
  if (doc.answeredAt !== null) return { ...done, answers: doc.answers + 1 };
  const answeredOn = context.localDate(at);
  return {
    ...done,
    answers: doc.answers + 1,
    answeredAt: at,
    answeredOn,
    daysToAnswer: daysBetween(doc.receivedOn, answeredOn),
    onTime: done.dueDate === null ? null : answeredOn <= done.dueDate,
  };
}

/** What the event changes, before the revision and the due date are brought up to date; `doc` when nothing. */
function apply(doc: CaseDocument, event: CaseEvent, context: CaseModelContext): CaseDocument {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'CaseRegistered':
      return doc;
    case 'CaseAccepted':
      return { ...doc, status: 'Accepted', noProceedingsGround: null };
    case 'CaseFlagged': {
      const confidential = confidentialityAfterFlags(
        doc.confidential ?? null,
        event.data.flags.map((flag) => flag.code),
      );
      return { ...doc, status: 'Flagged', confidential };
    }
    case 'NoProceedingsDecided':
      return { ...finished(doc, 'NoProceedings', at, context), noProceedingsGround: event.data.ground };
    case 'CaseRouted':
      return { ...doc, status: 'Routed', unit: event.data.unit, urgent: event.data.urgent, officerId: null };
    case 'CaseAssigned':
      return { ...doc, status: 'Assigned', officerId: event.data.officerId };
    case 'CaseReassigned':
      return { ...doc, officerId: event.data.officerId };
    case 'CaseRedirected':
      return { ...finished(doc, 'Redirected', at, context), redirected: true, redirectedTo: event.data.authority };
    case 'InformationRequested':
      if (!doc.open || doc.status === 'AwaitingSubmitter') return doc;
      return {
        ...doc,
        status: 'AwaitingSubmitter',
        resumeStatus: doc.status,
        clock: { ...doc.clock, pausedSince: event.data.pausesClock ? at : null },
      };
    case 'InformationProvided':
      if (doc.status !== 'AwaitingSubmitter') return doc;
      return {
        ...doc,
        status: doc.resumeStatus ?? 'Registered',
        resumeStatus: null,
        clock: { ...settled(doc.clock, at), clarifiedAt: at },
      };
    case 'DeadlineExtended':
      return { ...doc, extensions: doc.extensions + 1, clock: { ...doc.clock, extendedTo: event.data.newFinalDate } };
    case 'CaseAnswered':
      return doc.open ? answered(doc, at, context) : doc;
    case 'CaseClosed':
      return { ...doc, status: 'Closed', open: false, closedAt: at, closedOutcome: event.data.outcome };
    case 'CaseReopened':
      if (doc.status !== 'Closed') return doc;
      // An answered case goes back to its officer; a no-proceedings one back to screening.
      return doc.closedOutcome === 'answered'
        ? { ...doc, status: 'Assigned', open: true, closedAt: null, closedOutcome: null }
        : { ...doc, status: 'Registered', open: true, closedAt: null, closedOutcome: null, noProceedingsGround: null };
    case 'CaseWithdrawn':
      return finished(doc, 'Withdrawn', at, context);
    case 'CaseLinkedAsDuplicate':
      return finished(doc, 'Duplicate', at, context);
    case 'SatisfactionRecorded': {
      const recommended = hasRecommendation(event.data);
      return { ...doc, ratings: [...doc.ratings, event.data.rating], recommendations: (doc.recommendations ?? 0) + (recommended ? 1 : 0) };
    }
    case 'DeadlineBreached':
      return { ...doc, breaches: doc.breaches + 1 };
    case 'CaseEscalated':
      return { ...doc, escalations: doc.escalations + 1 };
    case 'NotificationSent': {
      // The first acknowledgement sent to the submitter starts a whistleblower report's term (as the domain counts it).
      const acknowledgement = event.data.template === 'acknowledgement' && event.data.recipient.kind === 'submitter';
      if (!acknowledgement || doc.clock.acknowledgedAt) return doc;
      return { ...doc, clock: { ...doc.clock, acknowledgedAt: at } };
    }
    case 'PersonalDataErased':
      // Once per case (the decider refuses a second erasure); the first one stands.
      return doc.erasedAt ? doc : { ...doc, erasedAt: at, erasureGround: event.data.ground };
    // Nothing a KPI counts (whom an identity was disclosed to is no figure either).
    case 'DeadlineApproaching':
    case 'NotificationFailed':
    case 'IdentityDisclosureRecorded':
      return doc;
    default:
      return unhandled(event, doc);
  }
}

/**
 * Whether the rating came with a recommendation. The model reads events as stored, where the recommendation
 * is encrypted personal data: present (ciphertext, still there after the subject's key is erased) means given;
 * null, or absent in events from before recommendations, means none.
 */
function hasRecommendation(data: { recommendation?: unknown }): boolean {
  return data.recommendation !== undefined && data.recommendation !== null;
}

/** A new event type fails to compile here until it is handled above; at run time an unknown one changes nothing. */
function unhandled(event: never, doc: CaseDocument): CaseDocument {
  void event;
  return doc;
}

/**
 * The document after the event. The same object back when the event was applied before (its revision is
 * not above the document's) or changes nothing the model keeps; null while no case was registered.
 */
export function evolveCaseDocument(
  doc: CaseDocument | null,
  { revision, event }: ModelEvent,
  context: CaseModelContext,
): CaseDocument | null {
  if (doc === null) return event.type === 'CaseRegistered' ? registered(event, revision, context) : null;
  if (revision <= doc.revision) return doc;
  const next = apply(doc, event, context);
  if (next === doc) return doc;
  // While the case is open its due date follows every change of its clock (a pause, a reply, an extension).
  return { ...next, revision, dueDate: next.open ? context.dueDate(next.clock) : next.dueDate };
}
