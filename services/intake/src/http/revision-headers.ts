import type { FieldProblem } from '../cases/errors';

/** The header a client names the revision it decided on in (RFC 9110, 13.1.1). */
export const IF_MATCH_HEADER = 'If-Match';

/** A case's revision as its entity tag: `"7"`. Strong, since a revision names exactly one state of the case. */
export { etagOf } from '@civic/platform';

/**
 * What `If-Match` asks: `any` (absent, or `*`: the case only has to exist), or the revisions it names
 * (`"7"`, or a list `"6", "7"`). Weak tags (`W/"7"`) never match (If-Match compares strongly), so they are
 * kept as names no revision has.
 */
export type RevisionPrecondition = { kind: 'any' } | { kind: 'one-of'; revisions: number[] };

const ENTITY_TAG = /^(W\/)?"(\d{1,15})"$/;

export type ReadPrecondition = { ok: true; precondition: RevisionPrecondition } | { ok: false; problem: FieldProblem };

export function readIfMatch(header: string | undefined): ReadPrecondition {
  if (header === undefined || header.trim() === '') return { ok: true, precondition: { kind: 'any' } };
  if (header.trim() === '*') return { ok: true, precondition: { kind: 'any' } };
  const revisions: number[] = [];
  for (const tag of header.split(',').map((part) => part.trim())) {
    const match = ENTITY_TAG.exec(tag);
    if (!match) {
      return { ok: false, problem: { field: IF_MATCH_HEADER, reason: 'must be the case\'s ETag as it was given, e.g. "7" (with the quotes), or *' } };
    }
    if (match[1] === undefined) revisions.push(Number(match[2]));
  }
  return { ok: true, precondition: { kind: 'one-of', revisions } };
}

/** The revision to decide on: the case's current one when the precondition holds, undefined when it asks none. */
export function pinnedRevision(precondition: RevisionPrecondition, current: number): number | undefined | 'mismatch' {
  if (precondition.kind === 'any') return undefined;
  return precondition.revisions.includes(current) ? current : 'mismatch';
}
