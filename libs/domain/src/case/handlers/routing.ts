/** Who handles the case: routing to a unit, assigning an officer, or sending it to the competent authority. */
import type { AssignCase, ReassignCase, RedirectCase, RouteCase } from '../commands';
import { rejections } from '../rejections';
import { accept, eventFrom, isBlank, reject, type CaseResult } from '../result';
import { isOpen, type RegisteredCase } from '../state';

/** The assigned officer, also while the case waits for the submitter; undefined when nobody is assigned. */
export function assignedOfficer(state: RegisteredCase): string | undefined {
  if (state.status === 'Assigned') return state.officerId;
  if (state.status === 'AwaitingSubmitter' && state.resume.status === 'Assigned') return state.resume.officerId;
  return undefined;
}

/** Routing rules run in the application; the case records which rule and version chose the unit. */
export function routeCase(command: RouteCase, state: RegisteredCase): CaseResult {
  // Re-routing (a wrong unit) is allowed until the case is answered; it clears the assignment.
  if (state.status !== 'Accepted' && state.status !== 'Routed' && state.status !== 'Assigned') {
    return reject(rejections.illegalTransition(state.status, command.type));
  }
  const { unit, ruleId, ruleVersion, urgent = false, inform = { units: [], roles: [] } } = command.data;
  return accept(eventFrom(command, 'CaseRouted', { unit, ruleId, ruleVersion, urgent, inform }));
}

export function assignCase(command: AssignCase, state: RegisteredCase): CaseResult {
  if (state.status !== 'Routed') return reject(rejections.illegalTransition(state.status, command.type));
  return accept(eventFrom(command, 'CaseAssigned', { officerId: command.data.officerId }));
}

export function reassignCase(command: ReassignCase, state: RegisteredCase): CaseResult {
  const current = assignedOfficer(state);
  if (current === undefined) return reject(rejections.illegalTransition(state.status, command.type));
  if (current === command.data.officerId) return reject(rejections.alreadyAssignedToOfficer(current));
  if (isBlank(command.data.reason)) return reject(rejections.reasonRequired(command.type));
  return accept(
    eventFrom(command, 'CaseReassigned', {
      fromOfficerId: current,
      officerId: command.data.officerId,
      reason: command.data.reason,
    }),
  );
}

/**
 * Not this municipality's competence: the case goes to the competent authority and closes here, and the
 * submitter is told (АПК чл. 31(2) for requests; check: the article for proposals and signals, and the
 * 7-day term). An anonymous submitter cannot be told, so the notice is required only when one was given.
 */
export function redirectCase(command: RedirectCase, state: RegisteredCase): CaseResult {
  if (!isOpen(state)) return reject(rejections.illegalTransition(state.status, command.type));
  if (isBlank(command.data.reason)) return reject(rejections.reasonRequired(command.type));
  return accept(
    eventFrom(command, 'CaseRedirected', {
      authority: command.data.authority,
      reason: command.data.reason,
      noticeToSubmitterRequired: state.facts.submitterGiven,
    }),
  );
}
