import { foldCase, type CaseEvent, type CaseState, type RegisteredCase } from '@civic/domain';
import { readStreamIfExists, type EventStore } from '@civic/event-store';
import { caseEventFromRecorded, caseStreamName, UUID_PATTERN } from '@civic/platform';
import { CaseNotFoundError } from './errors';
import { isRegistered } from './public-view';

export interface CaseHistory {
  events: CaseEvent[];
  state: CaseState;
  /** The person whose data the case carries, from its first event; undefined before registration. */
  dataSubjectId?: string;
  /** The stream's revision (its last event's, 0-based): what a client's `If-Match` names. -1 before registration. */
  revision: number;
}

export type RegisteredCaseHistory = CaseHistory & { state: RegisteredCase };

/**
 * Reads a case stream for decisions intake makes outside the decider (which command to send, what to
 * show). It reads the store as stored, WITHOUT decrypting: the fold and the public view use only
 * non-personal fields (the domain keeps everything `evolve` needs outside the personal paths).
 */
export class CaseReader {
  constructor(private readonly store: EventStore) {}

  async read(caseId: string): Promise<CaseHistory> {
    const recorded = (await readStreamIfExists(this.store, caseStreamName(caseId))) ?? [];
    const events = recorded.map(caseEventFromRecorded);
    const subject = recorded[0]?.metadata.dataSubjectId;
    return {
      events,
      state: foldCase(events),
      revision: recorded.at(-1)?.revision ?? -1,
      ...(typeof subject === 'string' ? { dataSubjectId: subject } : {}),
    };
  }

  /**
   * A registered case of this tenant; any other id (malformed, unknown, another tenant's) is not found,
   * named by what it was asked by, so nothing is learnt by guessing.
   */
  async registered(tenant: string, caseId: string, askedBy: CaseNotFoundError['field'] = 'caseId'): Promise<RegisteredCaseHistory> {
    if (!UUID_PATTERN.test(caseId)) throw new CaseNotFoundError(askedBy);
    const history = await this.read(caseId);
    const { state } = history;
    if (!isRegistered(state) || state.facts.tenant !== tenant) throw new CaseNotFoundError(askedBy);
    return { ...history, state };
  }
}
