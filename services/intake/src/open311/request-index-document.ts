import {
  evolve,
  initialState,
  type CaseEvent,
  type CaseState,
  type Confidentiality,
  type Instant,
  type Kind,
  type RegisteredCase,
} from '@civic/domain';
import { serviceCode } from './services';

/**
 * One case in the read model behind GET requests: what the list filters on (tenant, service code,
 * requested time, open or closed) and the folded state to answer with. The state holds only facts
 * outside the personal-data paths, so nothing personal is copied here (cases/case-reader.ts).
 */
export interface RequestIndexDocument {
  /** The case id. */
  _id: string;
  tenant: string;
  registryNumber: string;
  kind: Kind;
  serviceCode: string;
  /** When the case was received: the spec's `requested_datetime`, which the window filters on. */
  requestedAt: Date;
  updatedAt: Date;
  open: boolean;
  /**
   * Whether the case is confidential (a whistleblower report, a signal of corruption): then never listed.
   * Documents written before cases could be confidential have none: read as null, an ordinary case.
   */
  confidential?: Confidentiality | null;
  /** The revision of the case stream folded so far: an event at or below it changes nothing. */
  revision: number;
  state: RegisteredCase;
}

export const isRegisteredState = (state: CaseState): state is RegisteredCase => state.status !== 'NotRegistered';

const OPEN_STATUSES: readonly RegisteredCase['status'][] = ['Registered', 'Flagged', 'Accepted', 'Routed', 'Assigned', 'AwaitingSubmitter'];

/** The document for a case's state at a revision; JSON-clean, since MongoDB would keep `undefined` as null. */
export function documentOf(state: RegisteredCase, revision: number, updatedAt: Instant): RequestIndexDocument {
  const { facts } = state;
  return {
    _id: facts.caseId,
    tenant: facts.tenant,
    registryNumber: facts.registryNumber,
    kind: facts.kind,
    serviceCode: serviceCode(facts.kind, facts.category),
    requestedAt: new Date(facts.receivedAt),
    updatedAt: new Date(updatedAt),
    open: OPEN_STATUSES.includes(state.status),
    // A state folded onto a document from before the field may lack it.
    confidential: facts.confidential ?? null,
    revision,
    state: JSON.parse(JSON.stringify(state)) as RegisteredCase,
  };
}

/** What one event does to the read model. */
export type IndexStep =
  | { action: 'skip' }
  | { action: 'write'; document: RequestIndexDocument }
  /** The document is behind by more than this event (it was lost or never written): fold the stream again. */
  | { action: 'refold' };

/**
 * `evolve(document | null, event)`: the event at stream revision `revision` applied to what the read
 * model holds. Already seen: skip, so redelivery and replay change nothing. The next one: the new
 * document. Anything else: a gap, which only a fold of the whole stream can close.
 */
export function nextDocument(current: RequestIndexDocument | null, event: CaseEvent, revision: number): IndexStep {
  if (current && current.revision >= revision) return { action: 'skip' };
  const previous = current ? current.revision : -1;
  if (previous !== revision - 1) return { action: 'refold' };
  const state = evolve(current?.state ?? initialState(), event);
  return isRegisteredState(state)
    ? { action: 'write', document: documentOf(state, revision, event.metadata.occurredAt) }
    : { action: 'skip' };
}
