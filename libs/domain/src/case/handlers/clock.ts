/**
 * What moves the legal clock: waiting for the submitter (it may stand still, per the tenant's policy) and
 * extending the final date. The due date itself is counted by the deadlines library from the facts
 * these events leave in the state; here only the rules about them are decided.
 */
import type { ExtendDeadline, ProvideInformation, RequestInformation } from '../commands';
import { exhaustive } from '../exhaustive';
import { rejections } from '../rejections';
import { accept, eventFrom, isBlank, reject, type CaseResult } from '../result';
import { isOpen, type RegisteredCase } from '../state';

/** АПК чл. 111(3): when something is missing, the submitter is told what; ЗДОИ: the term runs from the clarification. */
export function requestInformation(command: RequestInformation, state: RegisteredCase): CaseResult {
  switch (state.status) {
    case 'Registered':
    case 'Accepted':
    case 'Routed':
    case 'Assigned':
      break;
    case 'Flagged':
    case 'NoProceedings':
    case 'AwaitingSubmitter':
    case 'Answered':
    case 'Closed':
    case 'Redirected':
    case 'Withdrawn':
    case 'Duplicate':
      return reject(rejections.illegalTransition(state.status, command.type));
    default:
      return exhaustive(state, reject(rejections.illegalTransition((state as RegisteredCase).status, command.type)));
  }
  if (isBlank(command.data.missing)) return reject(rejections.reasonRequired(command.type));
  const { missing, pausesClock } = command.data;
  return accept(eventFrom(command, 'InformationRequested', { missing, pausesClock }));
}

/** The submitter's reply resumes the case where it stopped; the pause, if any, ends now. */
export function provideInformation(command: ProvideInformation, state: RegisteredCase): CaseResult {
  if (state.status !== 'AwaitingSubmitter') return reject(rejections.illegalTransition(state.status, command.type));
  return accept(
    eventFrom(command, 'InformationProvided', {
      text: command.data.text,
      attachments: command.data.attachments,
      pausedSince: state.request.pausesClock ? state.request.since : null,
    }),
  );
}

/**
 * АПК чл. 118(2) (proposals: up to 6 months, the submitter is told) and the charters (Peshtera: written
 * notice of the reasons and of the final date). The application computes `maxFinalDate` from the
 * tenant's policy; the decider refuses anything without a reason or beyond it.
 */
export function extendDeadline(command: ExtendDeadline, state: RegisteredCase): CaseResult {
  if (!isOpen(state)) return reject(rejections.illegalTransition(state.status, command.type));
  const { reason, newFinalDate, maxFinalDate } = command.data;
  if (isBlank(reason)) return reject(rejections.extensionWithoutReason());
  if (maxFinalDate === null) return reject(rejections.extensionNotAllowed());
  // IsoDate strings (YYYY-MM-DD) order like the dates they name.
  if (newFinalDate > maxFinalDate) return reject(rejections.extensionBeyondLegalMaximum(newFinalDate, maxFinalDate));
  const previous = state.facts.extensions.at(-1);
  if (previous && newFinalDate <= previous.newFinalDate) {
    return reject(rejections.extensionNotLater(newFinalDate, previous.newFinalDate));
  }
  return accept(eventFrom(command, 'DeadlineExtended', { reason, newFinalDate, maxFinalDate, noticeToSubmitterRequired: true }));
}
