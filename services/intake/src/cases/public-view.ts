import {
  decide,
  type CaseCommand,
  type CaseCommandBody,
  type CaseEvent,
  type CaseState,
  type Channel,
  type Instant,
  type IsoDate,
  type PublicActions,
  type PublicCaseView,
  type PublicStatus,
  type PublicStep,
  type RegisteredCase,
} from '@civic/domain';
import { caseCommand } from '@civic/platform';

// The view's shape is intake's public contract, shared with the portal through the domain.
export type { PublicActions, PublicCaseView, PublicStatus, PublicStep };

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
    case 'PersonalDataErased':
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
