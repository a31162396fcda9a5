import {
  decide,
  type CaseCommand,
  type CaseCommandBody,
  type CaseEvent,
  type CaseState,
  type Channel,
  type Instant,
  type IsoDate,
  type Kind,
  type NoProceedingsGround,
  type RegisteredCase,
} from '@civic/domain';
import { caseCommand } from '@civic/platform';

/**
 * What anyone holding a case's tracking code may see: where the case is and what happened to it, in the
 * platform's words, and the texts the municipality wrote *to* the submitter, which the law says they must be
 * told: what is missing (АПК чл. 111(3)), the reasons and final date of an extension (АПК чл. 118; the
 * charters: a written notice of the reasons and the final date) and the answer (АПК чл. 118, 123; the
 * charters: the answer in writing). Never names, contacts, the citizen's own words, reasons written for
 * staff (screening, reassignment, reopening), or who on the staff did what: the tracking code proves
 * possession of a receipt, not who someone is. A view that shows those texts is recorded in the tenant's
 * audit log (the answer's text is the submitter's personal data, encrypted with their key).
 */
export type PublicStatus =
  | 'registered'
  | 'under-review'
  | 'no-proceedings'
  | 'accepted'
  | 'in-progress'
  | 'awaiting-information'
  | 'answered'
  | 'closed'
  | 'redirected'
  | 'withdrawn'
  | 'duplicate';

export type PublicStep =
  | { step: 'registered'; at: Instant }
  | { step: 'under-review'; at: Instant }
  | { step: 'accepted'; at: Instant }
  | { step: 'no-proceedings'; at: Instant; ground: NoProceedingsGround }
  | { step: 'sent-to-unit'; at: Instant; unit: string }
  | { step: 'assigned'; at: Instant }
  | { step: 'redirected'; at: Instant; authority: string }
  | { step: 'information-requested'; at: Instant }
  | { step: 'information-provided'; at: Instant }
  | { step: 'deadline-extended'; at: Instant; newFinalDate: IsoDate }
  | { step: 'answered'; at: Instant; channel: Channel }
  | { step: 'closed'; at: Instant }
  | { step: 'reopened'; at: Instant }
  | { step: 'withdrawn'; at: Instant }
  | { step: 'linked-as-duplicate'; at: Instant }
  | { step: 'rated'; at: Instant; rating: number };

export interface PublicCaseView {
  registryNumber: string;
  kind: Kind;
  category: string | null;
  status: PublicStatus;
  receivedAt: Instant;
  registeredAt: Instant;
  /** The legal due date while one runs. */
  dueDate: IsoDate | null;
  history: PublicStep[];
  /** What the municipality asks for, while the case waits for the submitter (status `awaiting-information`). */
  informationRequest: { at: Instant; missing: string } | null;
  /** The latest extension of the term: its reasons and the new final date. */
  extension: { at: Instant; reason: string; newFinalDate: IsoDate } | null;
  /**
   * The latest answer: its text (null once the submitter's data was erased) and, while there is a text, where
   * it is served as a PDF letter (a path on intake).
   */
  answer: { at: Instant; text: string | null; channel: Channel; letterUrl: string | null } | null;
  /** What the holder of the code may do now, as the decider would judge it. */
  actions: PublicActions;
}

export interface PublicActions {
  /** Withdraw the case: while it is open. */
  withdraw: boolean;
  /** Answer a request for information: while the case waits for the submitter. */
  provideInformation: boolean;
  /** Rate the answer: once answered, and only if the case has no rating yet. */
  rate: boolean;
}

/** Where the view was asked for: the case's public path (`/public/:tenant/cases/:trackingCode`) and the moment. */
export interface PublicViewContext {
  dueDate: IsoDate | null;
  casePath: string;
  now: Instant;
}

/** The answer's letter, under the case's public path. */
export const ANSWER_LETTER = 'answer-letter.pdf';

export function publicStatus(state: RegisteredCase): PublicStatus {
  switch (state.status) {
    case 'Registered':
      return 'registered';
    case 'Flagged':
      return 'under-review';
    case 'NoProceedings':
      return 'no-proceedings';
    case 'Accepted':
      return 'accepted';
    case 'Routed':
    case 'Assigned':
      return 'in-progress';
    case 'AwaitingSubmitter':
      return 'awaiting-information';
    case 'Answered':
      return 'answered';
    case 'Closed':
      return 'closed';
    case 'Redirected':
      return 'redirected';
    case 'Withdrawn':
      return 'withdrawn';
    case 'Duplicate':
      return 'duplicate';
    default: {
      const unhandled: never = state;
      throw new Error(`Unhandled case status: ${JSON.stringify(unhandled)}`);
    }
  }
}

/** One event as a public step: only the fields named here leave the stream. Unknown (newer) types are left out. */
export function publicStep(event: CaseEvent): PublicStep | undefined {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'CaseRegistered':
      return { step: 'registered', at };
    case 'CaseFlagged':
      return { step: 'under-review', at };
    case 'CaseAccepted':
      return { step: 'accepted', at };
    case 'NoProceedingsDecided':
      return { step: 'no-proceedings', at, ground: event.data.ground };
    case 'CaseRouted':
      return { step: 'sent-to-unit', at, unit: event.data.unit };
    case 'CaseAssigned':
    case 'CaseReassigned':
      return { step: 'assigned', at };
    case 'CaseRedirected':
      return { step: 'redirected', at, authority: event.data.authority };
    case 'InformationRequested':
      return { step: 'information-requested', at };
    case 'InformationProvided':
      return { step: 'information-provided', at };
    case 'DeadlineExtended':
      return { step: 'deadline-extended', at, newFinalDate: event.data.newFinalDate };
    case 'CaseAnswered':
      return { step: 'answered', at, channel: event.data.channel };
    case 'CaseClosed':
      return { step: 'closed', at };
    case 'CaseReopened':
      return { step: 'reopened', at };
    case 'CaseWithdrawn':
      return { step: 'withdrawn', at };
    case 'CaseLinkedAsDuplicate':
      return { step: 'linked-as-duplicate', at };
    case 'SatisfactionRecorded':
      return { step: 'rated', at, rating: event.data.rating };
    // The platform's own bookkeeping (deadline alerts, letters sent) and the officer's record of a disclosure:
    // not part of the public history.
    case 'DeadlineApproaching':
    case 'DeadlineBreached':
    case 'CaseEscalated':
    case 'NotificationSent':
    case 'NotificationFailed':
    case 'IdentityDisclosureRecorded':
      return undefined;
    default: {
      const _unhandled: never = event;
      return undefined;
    }
  }
}

/**
 * The public view of a registered case from its folded state and its events as the case store decrypts them
 * (the answer's text is read from them; without decryption, or once erased, it is null).
 */
export function publicView(state: RegisteredCase, events: readonly CaseEvent[], context: PublicViewContext): PublicCaseView {
  const { facts } = state;
  const extension = facts.extensions.at(-1);
  const answer = latestAnswer(events);
  return {
    registryNumber: facts.registryNumber,
    kind: facts.kind,
    category: facts.category,
    status: publicStatus(state),
    receivedAt: facts.receivedAt,
    registeredAt: facts.registeredAt,
    dueDate: context.dueDate,
    history: events.flatMap((event) => publicStep(event) ?? []),
    informationRequest: state.status === 'AwaitingSubmitter' ? { at: state.request.since, missing: state.request.missing } : null,
    extension: extension ? { at: extension.at, reason: extension.reason, newFinalDate: extension.newFinalDate } : null,
    answer: answer
      ? { ...answer, letterUrl: answer.text === null ? null : `${context.casePath.replace(/\/+$/, '')}/${ANSWER_LETTER}` }
      : null,
    actions: publicActions(state, context.now),
  };
}

/** The latest answer given, with its text as read (a string, or null once the submitter's key is erased). */
export function latestAnswer(events: readonly CaseEvent[]): { at: Instant; text: string | null; channel: Channel } | undefined {
  const answered = events.filter((event) => event.type === 'CaseAnswered').at(-1);
  if (answered?.type !== 'CaseAnswered') return undefined;
  const text: unknown = answered.data.text;
  return { at: answered.metadata.occurredAt, text: typeof text === 'string' ? text : null, channel: answered.data.channel };
}

/** The fields of the view that carry texts written to the submitter, by name, for the audit log (never the values). */
export function textsShown(view: PublicCaseView): string[] {
  return [
    ...(view.informationRequest ? ['informationRequest.missing'] : []),
    ...(view.extension ? ['extension.reason'] : []),
    ...(view.answer?.text != null ? ['answer.text'] : []),
  ];
}

/** Stand-in values: what the citizen may do depends on the case's state, never on their words. */
const PROBES: { readonly [A in keyof PublicActions]: CaseCommandBody } = {
  withdraw: { type: 'WithdrawCase', data: {} },
  provideInformation: { type: 'ProvideInformation', data: { text: 'probe', attachments: [] } },
  rate: { type: 'RecordSatisfaction', data: { rating: 5 } },
};
const PROBE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * What the holder of the code may do now, judged by the decider itself on the folded state with a probe
 * command by a citizen (as desk-possible.ts does for staff): nothing is written, and the answer can never
 * disagree with what the action would meet.
 */
export function publicActions(state: RegisteredCase, now: Instant): PublicActions {
  const allowed = (body: CaseCommandBody): boolean => {
    const command = caseCommand(body, {
      tenant: state.facts.tenant,
      caseId: state.facts.caseId,
      actor: { id: PROBE_ID, role: 'citizen' },
      correlationId: PROBE_ID,
      commandId: PROBE_ID,
      now,
    });
    return decide(command as CaseCommand, state).ok;
  };
  return { withdraw: allowed(PROBES.withdraw), provideInformation: allowed(PROBES.provideInformation), rate: allowed(PROBES.rate) };
}

export const isRegistered = (state: CaseState): state is RegisteredCase => state.status !== 'NotRegistered';
