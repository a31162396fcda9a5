import { randomUUID } from 'node:crypto';
import type { Actor, CaseCommand, CaseCommandOf, CaseCommandType, Instant } from '@civic/domain';
import { WrongExpectedRevisionError } from '@civic/event-store';
import type { CaseCommands } from '@civic/platform';
import { CaseRejectedError, ConcurrentChangeError, PreconditionFailedError } from './errors';

/** Who asks, about which case, in which conversation, and when: the envelope every command needs. */
export interface CommandContext {
  tenant: string;
  caseId: string;
  actor: Actor;
  correlationId: string;
  now: Instant;
}

/** A case command with a fresh command id (the causation id of the events it produces). */
export function caseCommand<T extends CaseCommandType>(
  type: T,
  data: CaseCommandOf<T>['data'],
  context: CommandContext,
): CaseCommandOf<T> {
  // TypeScript cannot tie `T` to its member of the union; `CaseCommandOf<T>` names exactly that member.
  return { type, data, metadata: { ...context, commandId: randomUUID() } } as CaseCommandOf<T>;
}

/** The platform itself, when it screens a submission or registers one from the web form. */
export const SCREENING_ACTOR: Actor = { id: 'intake:screening', role: 'system' };
export const WEB_FORM_ACTOR: Actor = { id: 'intake:web-form', role: 'system' };

/**
 * Runs a command through the platform's CASE_COMMANDS: a rejection becomes CaseRejectedError, a race lost
 * even after the handler's retries ConcurrentChangeError. With the revision the caller decided on
 * (If-Match), it is decided on that revision only, without retries: another one is PreconditionFailedError.
 */
export async function handleCaseCommand(commands: CaseCommands, command: CaseCommand, expectedRevision?: number): Promise<void> {
  let outcome;
  try {
    outcome = await commands.handle(command, expectedRevision === undefined ? {} : { expectedRevision });
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) {
      if (expectedRevision === undefined) throw new ConcurrentChangeError(command.metadata.caseId);
      throw new PreconditionFailedError(typeof error.actual === 'number' ? error.actual : -1);
    }
    throw error;
  }
  if (!outcome.ok) throw new CaseRejectedError(outcome.rejection);
}
