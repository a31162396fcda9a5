import { foldCase, type CaseEvent, type CaseState } from '@civic/domain';
import { StreamNotFoundError, type EventStore } from '@civic/event-store';
import { caseEventFromRecorded, caseStreamName } from '@civic/platform';

export interface CaseHistory {
  events: CaseEvent[];
  state: CaseState;
  /** The person whose data the case carries, from its first event; undefined before registration. */
  dataSubjectId?: string;
  /** The stream's revision (its last event's, 0-based): what a client's `If-Match` names. -1 before registration. */
  revision: number;
}

/**
 * Reads a case stream for decisions intake makes outside the decider (which command to send, what to
 * show). It reads the store as stored, WITHOUT decrypting: the fold and the public view use only
 * non-personal fields (the domain keeps everything `evolve` needs outside the personal paths).
 */
export class CaseReader {
  constructor(private readonly store: EventStore) {}

  async read(caseId: string): Promise<CaseHistory> {
    try {
      const recorded = await this.store.readStream(caseStreamName(caseId));
      const events = recorded.map(caseEventFromRecorded);
      const subject = recorded[0]?.metadata.dataSubjectId;
      return {
        events,
        state: foldCase(events),
        revision: recorded.at(-1)?.revision ?? -1,
        ...(typeof subject === 'string' ? { dataSubjectId: subject } : {}),
      };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { events: [], state: { status: 'NotRegistered' }, revision: -1 };
      throw error;
    }
  }
}
