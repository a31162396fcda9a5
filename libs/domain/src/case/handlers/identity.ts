/** The law's exception to a whistleblower's anonymity, recorded by the designated officer (ЗЗЛПСПОИН чл. 31). */
import type { RecordIdentityDisclosure } from '../commands';
import { rejections } from '../rejections';
import { accept, eventFrom, isBlank, reject, type CaseResult } from '../result';
import type { RegisteredCase } from '../state';

export function recordIdentityDisclosure(command: RecordIdentityDisclosure, state: RegisteredCase): CaseResult {
  const { facts } = state;
  if (facts.confidential !== 'whistleblower-report') return reject(rejections.notAWhistleblowerReport());
  const { ground, disclosedTo, reason } = command.data;
  if (isBlank(reason)) return reject(rejections.reasonRequired(command.type));
  if (facts.identityDisclosedTo.includes(disclosedTo)) return reject(rejections.identityAlreadyDisclosed(disclosedTo));
  return accept(eventFrom(command, 'IdentityDisclosureRecorded', { ground, disclosedTo, reason }));
}
