import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  type CaseCommand,
  type CaseEvent,
  type CaseRejection,
  type CaseState,
  type Decider,
} from '@civic/domain';
import { createCommandHandler, type CommandHandler, type EventStore, type JsonObject } from '@civic/event-store';
import { caseEventFromRecorded, caseStreamName } from '@civic/platform';

/** A case command with the person whose data its events carry (their opaque id, never an e-mail). */
export interface SubjectCommand {
  command: CaseCommand;
  /** Absent only for a case written without one; events with personal data then fail to encrypt, loudly. */
  dataSubjectId?: string;
}

/** intake's way to change a case: read → fold → decide → append, retried on a concurrent write. */
export type IntakeCaseCommands = CommandHandler<SubjectCommand, CaseRejection>;
export const INTAKE_CASE_COMMANDS = Symbol('INTAKE_CASE_COMMANDS');

const decider: Decider<SubjectCommand, CaseEvent, CaseState, CaseRejection> = {
  decide: (subjectCommand, state) => caseDecider.decide(subjectCommand.command, state),
  evolve: caseDecider.evolve,
  initialState: caseDecider.initialState,
};

/**
 * The platform's CASE_COMMANDS, plus `metadata.dataSubjectId` on every event. The decider's commands do
 * not carry the subject (CaseCommandMetadata has no such field, and `eventFrom` copies only its own), yet
 * the case store encrypts personal fields with the subject's key and refuses events that have them but
 * name no subject (MissingDataSubjectError). Once the domain carries the subject in the command's
 * metadata, this becomes CASE_COMMANDS itself.
 */
export function createIntakeCaseCommands(caseStore: EventStore): IntakeCaseCommands {
  return createCommandHandler<SubjectCommand, CaseEvent, CaseState, CaseRejection>({
    store: caseStore,
    decider,
    streamName: (subjectCommand) => caseStreamName(subjectCommand.command.metadata.caseId),
    fromRecorded: caseEventFromRecorded,
    toEventsToAppend: (events, subjectCommand) =>
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data as unknown as JsonObject,
        metadata: {
          ...event.metadata,
          ...(subjectCommand.dataSubjectId === undefined ? {} : { dataSubjectId: subjectCommand.dataSubjectId }),
        },
      })),
  });
}
