/** How a case ends (answer, close, withdrawal, duplicate), starts again (reopen), and is rated. */
import type { AnswerCase, CloseCase, LinkAsDuplicate, RecordSatisfaction, ReopenCase, WithdrawCase } from '../commands';
import type { SatisfactionRating } from '../events.v1';
import { rejections } from '../rejections';
import { accept, eventFrom, isBlank, reject, type CaseResult } from '../result';
import { isOpen, type RegisteredCase } from '../state';
import { assignedOfficer } from './routing';

function isInadmissible(state: RegisteredCase): boolean {
  return state.status === 'NoProceedings' || (state.status === 'Closed' && state.outcome === 'no-proceedings');
}

/** The written reply by the assigned officer's unit; answering also ends any wait for the submitter. */
export function answerCase(command: AnswerCase, state: RegisteredCase): CaseResult {
  // АПК чл. 111(4): no proceedings means no answer on the merits.
  if (isInadmissible(state)) return reject(rejections.cannotAnswerInadmissibleCase());
  if (assignedOfficer(state) === undefined) return reject(rejections.illegalTransition(state.status, command.type));
  const { text, attachments, channel } = command.data;
  return accept(eventFrom(command, 'CaseAnswered', { text, attachments, channel }));
}

export function closeCase(command: CloseCase, state: RegisteredCase): CaseResult {
  if (state.status === 'Answered') return accept(eventFrom(command, 'CaseClosed', { outcome: 'answered' }));
  if (state.status === 'NoProceedings') return accept(eventFrom(command, 'CaseClosed', { outcome: 'no-proceedings' }));
  return reject(rejections.illegalTransition(state.status, command.type));
}

/** A closed case may be reopened with a reason: an answered one goes back to its officer, a no-proceedings one to screening. */
export function reopenCase(command: ReopenCase, state: RegisteredCase): CaseResult {
  if (state.status !== 'Closed') return reject(rejections.illegalTransition(state.status, command.type));
  if (isBlank(command.data.reason)) return reject(rejections.reasonRequired(command.type));
  return accept(eventFrom(command, 'CaseReopened', { reason: command.data.reason }));
}

/** The submitter may withdraw while the case is open; once answered there is nothing left to withdraw. */
export function withdrawCase(command: WithdrawCase, state: RegisteredCase): CaseResult {
  if (!isOpen(state)) return reject(rejections.illegalTransition(state.status, command.type));
  const reason = isBlank(command.data.reason) ? null : (command.data.reason ?? null);
  return accept(eventFrom(command, 'CaseWithdrawn', { reason }));
}

export function linkAsDuplicate(command: LinkAsDuplicate, state: RegisteredCase): CaseResult {
  if (!isOpen(state)) return reject(rejections.illegalTransition(state.status, command.type));
  if (command.data.originalCaseId === state.facts.caseId) return reject(rejections.cannotBeDuplicateOfItself());
  return accept(eventFrom(command, 'CaseLinkedAsDuplicate', { originalCaseId: command.data.originalCaseId }));
}

function isRating(rating: number): rating is SatisfactionRating {
  return Number.isInteger(rating) && rating >= 1 && rating <= 5;
}

/** Charters: satisfaction is measured on the answer given, so only an answered case is rated. */
export function recordSatisfaction(command: RecordSatisfaction, state: RegisteredCase): CaseResult {
  const { rating, comment, recommendation } = command.data;
  if (!isRating(rating)) return reject(rejections.ratingOutOfRange(rating));
  const answered = state.status === 'Answered' || (state.status === 'Closed' && state.outcome === 'answered');
  if (!answered) return reject(rejections.ratingBeforeAnswer());
  // One rating per case, whoever records it: a registrar's phone survey is the case's rating as much as the
  // citizen's own, so the KPIs count each case once. A reopened and answered again case keeps its rating.
  if (state.facts.ratings.length > 0) return reject(rejections.alreadyRated());
  return accept(
    eventFrom(command, 'SatisfactionRecorded', { rating, comment: textOrNull(comment), recommendation: textOrNull(recommendation) }),
  );
}

const textOrNull = (text: string | undefined): string | null => (isBlank(text) ? null : (text ?? null));
