import type { Actor, CaseCommand, CaseState } from '@civic/domain';
import { WrongExpectedRevisionError } from '@civic/event-store';
import type { CaseCommands } from '@civic/platform';
import { CaseRejectedError, ConcurrentChangeError, PreconditionFailedError } from './errors';

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

/**
 * Several commands on one case, decided in order on one read and appended together (all or nothing); the
 * case's state after them. Errors as handleCaseCommand.
 */
export async function handleCaseCommands(commands: CaseCommands, list: CaseCommand[]): Promise<CaseState> {
  let outcome;
  try {
    outcome = await commands.handleAll(list);
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) throw new ConcurrentChangeError(list[0].metadata.caseId);
    throw error;
  }
  if (!outcome.ok) throw new CaseRejectedError(outcome.rejection);
  return outcome.state;
}
