import { Inject, Injectable } from '@nestjs/common';
import {
  caseEventPrivacy,
  isEncryptedValue,
  mapPaths,
  pathsHolding,
  PersonalDataDecryptionError,
  readStreamIfExists,
  type EventStore,
  type RecordedEvent,
  type SignedCheckpoint,
} from '@civic/event-store';
import { CASE_STORE, caseStreamName, EVENT_STORE } from '@civic/platform';
import { CheckpointLog } from './checkpoints/checkpoint-log';
import type { ReadCaseEvent } from './history';

/** No case with this id belongs to this tenant (another tenant's case is, for this caller, no case at all). */
export class CaseNotFoundError extends Error {
  constructor(
    readonly tenant: string,
    readonly caseId: string,
  ) {
    super(`no case ${caseId} for tenant ${tenant}`);
    this.name = 'CaseNotFoundError';
  }
}

/** One snapshot of a case's stream, read twice from the same store: as stored and as people read it. */
export interface CaseRecord {
  tenant: string;
  caseId: string;
  /** As stored (ciphertext, hash fields): what the chain is verified on. */
  stored: RecordedEvent[];
  /** The same revisions through the case store: personal data decrypted, or null and listed when erased. */
  read: ReadCaseEvent[];
  /** The signed checkpoints of the stream, read just before it: each names a revision the stream had then. */
  checkpoints: SignedCheckpoint[];
}

/**
 * Reads a case for the auditor from the event store itself, never from a projection. Nothing here writes.
 */
@Injectable()
export class CaseRecords {
  constructor(
    @Inject(EVENT_STORE) private readonly stored: EventStore,
    @Inject(CASE_STORE) private readonly cases: EventStore,
    private readonly checkpointLog: CheckpointLog,
  ) {}

  async read(tenant: string, caseId: string): Promise<CaseRecord> {
    const streamName = caseStreamName(caseId);
    // The checkpoints first: each names a revision the stream had when it was signed, so the stream read
    // after them must still hold it. (Read the other way round, a head signed in between would look removed.)
    const checkpoints = await this.checkpointLog.read(streamName);
    const stored = await readStreamIfExists(this.stored, streamName, { direction: 'forwards' });
    if (!stored || stored.length === 0 || stored[0].metadata.tenant !== tenant) throw new CaseNotFoundError(tenant, caseId);
    // The decrypted read stops at the revision read above, so both views are of the same snapshot.
    const toRevision = stored[stored.length - 1].revision;
    try {
      const read = await this.cases.readStream(streamName, { direction: 'forwards', toRevision });
      return { tenant, caseId, stored, read: read.map((event) => ({ event })), checkpoints };
    } catch (error) {
      if (!(error instanceof PersonalDataDecryptionError)) throw error;
      // Altered ciphertext fails the whole read; the auditor still gets every event, the bad fields named.
      return { tenant, caseId, stored, read: await this.eventByEvent(streamName, stored), checkpoints };
    }
  }

  private async eventByEvent(streamName: string, stored: RecordedEvent[]): Promise<ReadCaseEvent[]> {
    const read: ReadCaseEvent[] = [];
    for (const event of stored) {
      try {
        const [one] = await this.cases.readStream(streamName, { fromRevision: event.revision, toRevision: event.revision });
        read.push({ event: one ?? event });
      } catch (error) {
        if (!(error instanceof PersonalDataDecryptionError)) throw error;
        const paths = caseEventPrivacy.personalPaths(event);
        const unreadable = pathsHolding(event.data, paths, isEncryptedValue);
        const data = mapPaths(event.data, paths, (value) => (isEncryptedValue(value) ? null : value));
        read.push({ event: { ...event, data }, unreadable });
      }
    }
    return read;
  }
}
