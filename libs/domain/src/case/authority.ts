/**
 * Who may act on *this* case. PERMISSIONS says what a role may ever do; this says through which relation to
 * the case a person in that role does it: the officer it is assigned to, the head of the unit it is routed to,
 * or nobody in particular. The municipality's heads answer for the whole office (ЗМСМА чл. 44(1) т. 1 for the
 * mayor; the secretary organises the administration's work) but not for confidential reports, which only the
 * designated officer and whom they assign work (ЗЗЛПСПОИН чл. 31; the charters' anti-corruption rules).
 * Pure: which units the actor heads comes in with the command.
 */
import type { CaseCommandType } from './commands';
import { mayIssue } from './permissions';
import type { Actor, Role } from './roles';
import type { RegisteredCase } from './state';

/** The actor's closest tie to the case: assigned to it, heading its unit, or neither. */
export const CASE_RELATIONS = ['assigned-officer', 'head-of-its-unit', 'none'] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

/** Whether a case is an ordinary one or a confidential report (a corruption signal, a whistleblower's report). */
export type CaseSensitivity = 'ordinary' | 'confidential';

type Relations = readonly CaseRelation[];
const ANY: Relations = CASE_RELATIONS;
const WORKS_IT: Relations = ['assigned-officer', 'head-of-its-unit'];
const NEVER: Relations = [];

/**
 * Per role, the relations through which it acts on an ordinary and on a confidential case. Roles whose
 * authority is not about a person's tie to a case act through any: the citizen (the portal proves it is their
 * case by its tracking code), the platform itself, and the data protection officer, who erases on a person's
 * request (GDPR art. 17) without seeing the case.
 */
export const AUTHORITY: { readonly [R in Role]: { readonly ordinary: Relations; readonly confidential: Relations } } = {
  // The registry registers, screens and records paper on every ordinary case; confidential ones it never sees.
  registrar: { ordinary: ANY, confidential: NEVER },
  officer: { ordinary: ['assigned-officer'], confidential: ['assigned-officer'] },
  'head-of-unit': { ordinary: WORKS_IT, confidential: WORKS_IT },
  secretary: { ordinary: ANY, confidential: WORKS_IT },
  mayor: { ordinary: ANY, confidential: WORKS_IT },
  // The designated officer handles every confidential report; an ordinary case only when it is theirs.
  'anti-corruption-officer': { ordinary: ['assigned-officer'], confidential: ANY },
  'data-protection-officer': { ordinary: ANY, confidential: ANY },
  citizen: { ordinary: ANY, confidential: ANY },
  system: { ordinary: ANY, confidential: ANY },
  'tenant-admin': { ordinary: NEVER, confidential: NEVER },
  ops: { ordinary: NEVER, confidential: NEVER },
  'platform-operator': { ordinary: NEVER, confidential: NEVER },
  auditor: { ordinary: NEVER, confidential: NEVER },
};

/** The actor's relation to the case: `unitsHeaded` are the units the application found them heading. */
export function relationOf(actor: Actor, unitsHeaded: readonly string[], state: RegisteredCase): CaseRelation {
  const working = state.status === 'AwaitingSubmitter' ? state.resume : state;
  if ('officerId' in working && working.officerId === actor.id) return 'assigned-officer';
  if ('unit' in working && unitsHeaded.includes(working.unit)) return 'head-of-its-unit';
  return 'none';
}

export const sensitivityOf = (state: RegisteredCase): CaseSensitivity => (state.facts.confidential === null ? 'ordinary' : 'confidential');

/** Whether a person in `role`, with `relation` to a case of that sensitivity, may issue `command` on it. */
export function mayActOn(role: Role, command: CaseCommandType, relation: CaseRelation, sensitivity: CaseSensitivity): boolean {
  return mayIssue(role, command) && AUTHORITY[role][sensitivity].includes(relation);
}
