import type { CaseEvent, CaseState, Channel, Instant, IsoDate, Kind, NoProceedingsGround, RegisteredCase } from '@civic/domain';

/**
 * What anyone holding a case's tracking code may see: where the case is and what happened to it, in the
 * platform's words. Never personal data (no names, contacts, texts, reasons written by people) and never
 * who on the staff did what: the tracking code proves possession of a receipt, not who someone is.
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
}

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

/** The public view of a registered case from its events and folded state. */
export function publicView(state: RegisteredCase, events: readonly CaseEvent[], dueDate: IsoDate | null): PublicCaseView {
  const { facts } = state;
  return {
    registryNumber: facts.registryNumber,
    kind: facts.kind,
    category: facts.category,
    status: publicStatus(state),
    receivedAt: facts.receivedAt,
    registeredAt: facts.registeredAt,
    dueDate,
    history: events.flatMap((event) => publicStep(event) ?? []),
  };
}

export const isRegistered = (state: CaseState): state is RegisteredCase => state.status !== 'NotRegistered';
