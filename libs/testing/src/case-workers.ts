import { caseStanding, type Actor, type CaseState, type Role } from '@civic/domain';

/**
 * Who issues a scripted command in `role`: the person in that role who works the case now, so that the
 * decider's authority over this case (the domain's authority.ts) lets a test's story through as it lets the
 * platform's own callers: an officer is the one the case is assigned to, a head of unit heads its unit.
 * Anyone else, or a case nobody works yet, keeps the id the script gave.
 */
export function workerOn(state: CaseState, role: Role, id: string): { actor: Actor; unitsHeaded: string[] } {
  if (state.status === 'NotRegistered') return { actor: { id, role }, unitsHeaded: [] };
  const { unit, officerId } = caseStanding(state, () => null);
  const handles = role === 'officer' || role === 'anti-corruption-officer';
  return {
    actor: { id: handles && officerId !== null ? officerId : id, role },
    unitsHeaded: role === 'head-of-unit' && unit !== null ? [unit] : [],
  };
}
