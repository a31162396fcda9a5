/**
 * Officers' workload as a read model: one document per case saying which officer holds it and whether it
 * is still open for them. An officer's open cases are the count of their open documents. Each document
 * keeps the stream revision it has seen, so a redelivered or replayed event changes nothing
 * (a read model evolves like a decider's state: `evolve(doc | null, event)`).
 */
export interface CaseLoad {
  /** The case id. */
  _id: string;
  tenant: string;
  officerId: string | null;
  /** Counted against the officer: assigned and not yet answered, closed, redirected or withdrawn. */
  open: boolean;
  /**
   * Routed and not yet assigned: its unit had no officer present then. Assigned when its CaseRouted is
   * delivered or when the officers change (CaseRouter.assignWaiting). Absent in older documents: false.
   */
  waiting?: boolean;
  /** The revision in `case-<id>` of the last event applied. */
  revision: number;
}

/** The part of a case event the workload needs. */
export interface LoadEvent {
  type: string;
  tenant: string;
  caseId: string;
  revision: number;
  /** `officerId` of CaseAssigned and CaseReassigned. */
  officerId?: string;
}

/** Events after which the officer no longer works on the case. */
const FINISHING = new Set(['CaseAnswered', 'CaseClosed', 'CaseRedirected', 'CaseWithdrawn', 'CaseLinkedAsDuplicate']);

/** The types that change a workload; the consumer skips the rest without touching MongoDB. */
export const LOAD_EVENT_TYPES: ReadonlySet<string> = new Set([
  ...FINISHING,
  'CaseAssigned',
  'CaseReassigned',
  'CaseRouted',
  'CaseReopened',
]);

/** The document after the event; the same document (identical) when the event changes nothing or was seen. */
export function evolveCaseLoad(doc: CaseLoad | null, event: LoadEvent): CaseLoad | null {
  if (doc && event.revision <= doc.revision) return doc;
  const base: CaseLoad = doc ?? { _id: event.caseId, tenant: event.tenant, officerId: null, open: false, waiting: false, revision: -1 };
  const at = { ...base, revision: event.revision };
  switch (event.type) {
    case 'CaseAssigned':
    case 'CaseReassigned':
      return event.officerId ? { ...at, officerId: event.officerId, open: true, waiting: false } : doc;
    case 'CaseRouted':
      // Re-routing clears the assignment (the case decider's rule): the case waits for an officer of its unit.
      return { ...at, officerId: null, open: false, waiting: true };
    case 'CaseReopened':
      // An answered case goes back to the officer who answered it.
      return { ...at, open: at.officerId !== null };
    default:
      return FINISHING.has(event.type) ? { ...at, open: false, waiting: false } : doc;
  }
}
