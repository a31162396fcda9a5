/** A finished case's personal data erased (GDPR art. 17, art. 5(1)(e)); events.erasure.ts says what that means. */
import type { ErasePersonalData } from '../commands';
import { rejections } from '../rejections';
import { accept, eventFrom, reject, type CaseResult } from '../result';
import { isOpen, type RegisteredCase } from '../state';

export function erasePersonalData(command: ErasePersonalData, state: RegisteredCase): CaseResult {
  // The municipality still owes an answer on an open case (АПК чл. 121); the person may withdraw it first.
  if (isOpen(state)) return reject(rejections.erasureOfOpenCase(state.status));
  if (state.facts.erasedAt !== null) return reject(rejections.personalDataAlreadyErased(state.facts.erasedAt));
  return accept(eventFrom(command, 'PersonalDataErased', { ground: command.data.ground, requestId: command.data.requestId }));
}
