import type { Role } from '@civic/domain';
import type { FieldProblem } from '@civic/platform';
import type { CaseListQuery } from './case-query';
import { READER_ROLES } from '../http/reader-roles';

const WHOLE_LIST_ROLES: ReadonlySet<Role> = new Set([...READER_ROLES, 'anti-corruption-officer', 'auditor']);

/**
 * An officer's list is their own queue: the cases assigned to them. Someone who holds a role that reads the whole
 * list (a head of unit, the secretary…) lists as that role. Asking for another officer's queue is refused.
 */
export function ownQueue(
  viewer: { id: string; roles: readonly Role[] },
  query: CaseListQuery,
): { ok: true; query: CaseListQuery } | { ok: false; problem: FieldProblem } {
  if (viewer.roles.some((role) => WHOLE_LIST_ROLES.has(role))) return { ok: true, query };
  if (query.officer !== undefined && query.officer !== viewer.id) {
    return { ok: false, problem: { field: 'officer', reason: 'an officer lists only the cases assigned to them' } };
  }
  return { ok: true, query: { ...query, officer: viewer.id } };
}
