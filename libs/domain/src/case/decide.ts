/**
 * `decide(command, state)`: the checks every command shares (role, existence, same case, the actor's authority
 * over this case), then the command's own handler. Pure: everything it knows came in with the command or the folded state.
 */
import { mayActOn, relationOf, sensitivityOf } from './authority';
import type { CaseCommand } from './commands';
import { exhaustive } from './exhaustive';
import { extendDeadline, provideInformation, requestInformation } from './handlers/clock';
import { erasePersonalData } from './handlers/erasure';
import { recordIdentityDisclosure } from './handlers/identity';
import { registerCase, resolveFlag, screenCase } from './handlers/intake';
import { answerCase, closeCase, linkAsDuplicate, recordSatisfaction, reopenCase, withdrawCase } from './handlers/outcome';
import { assignCase, reassignCase, redirectCase, routeCase } from './handlers/routing';
import {
  escalateCase,
  recordDeadlineApproaching,
  recordDeadlineBreach,
  recordNotificationFailed,
  recordNotificationSent,
} from './handlers/watch';
import { mayIssue } from './permissions';
import { rejections } from './rejections';
import { reject, type CaseResult } from './result';
import type { CaseState } from './state';

export function decide(command: CaseCommand, state: CaseState): CaseResult {
  const { actor, tenant, caseId } = command.metadata;
  const commandType = command.type;
  if (!mayIssue(actor.role, command.type)) return reject(rejections.notPermittedForRole(actor.role, command.type));
  if (command.type === 'RegisterCase') return registerCase(command, state);
  if (state.status === 'NotRegistered') return reject(rejections.caseNotFound(caseId));
  // A command routed to the wrong stream must never change it (tenants are isolated).
  if (state.facts.tenant !== tenant || state.facts.caseId !== caseId) {
    return reject(rejections.commandForAnotherCase({ tenant: state.facts.tenant, caseId: state.facts.caseId }, { tenant, caseId }));
  }
  // Nothing new is written about a person whose data are gone; a notification already on its way may still report.
  // Who may act on this case, not just on cases: the assigned officer, the unit's head, the office (authority.ts).
  const relation = relationOf(actor, command.metadata.unitsHeaded ?? [], state);
  if (!mayActOn(actor.role, command.type, relation, sensitivityOf(state))) {
    return reject(rejections.notYourCase(actor.role, command.type, relation));
  }
  const afterErasure = command.type === 'RecordNotificationSent' || command.type === 'RecordNotificationFailed';
  if (state.facts.erasedAt !== null && !afterErasure) return reject(rejections.personalDataAlreadyErased(state.facts.erasedAt));
  switch (command.type) {
    case 'ScreenCase':
      return screenCase(command, state);
    case 'ResolveFlag':
      return resolveFlag(command, state);
    case 'RouteCase':
      return routeCase(command, state);
    case 'AssignCase':
      return assignCase(command, state);
    case 'ReassignCase':
      return reassignCase(command, state);
    case 'RedirectCase':
      return redirectCase(command, state);
    case 'RequestInformation':
      return requestInformation(command, state);
    case 'ProvideInformation':
      return provideInformation(command, state);
    case 'ExtendDeadline':
      return extendDeadline(command, state);
    case 'AnswerCase':
      return answerCase(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'ReopenCase':
      return reopenCase(command, state);
    case 'WithdrawCase':
      return withdrawCase(command, state);
    case 'LinkAsDuplicate':
      return linkAsDuplicate(command, state);
    case 'RecordSatisfaction':
      return recordSatisfaction(command, state);
    case 'RecordDeadlineApproaching':
      return recordDeadlineApproaching(command, state);
    case 'RecordDeadlineBreach':
      return recordDeadlineBreach(command, state);
    case 'EscalateCase':
      return escalateCase(command, state);
    case 'RecordNotificationSent':
      return recordNotificationSent(command, state);
    case 'RecordNotificationFailed':
      return recordNotificationFailed(command, state);
    case 'RecordIdentityDisclosure':
      return recordIdentityDisclosure(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    default:
      return exhaustive(command, reject(rejections.illegalTransition(state.status, commandType)));
  }
}
