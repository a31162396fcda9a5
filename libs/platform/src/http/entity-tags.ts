import { badRequest, preconditionFailed, type FieldProblem } from './error-body';

/** The header a client names the revision or version it decided on in (RFC 9110, 13.1.1). */
export const IF_MATCH_HEADER = 'If-Match';

/** A version (or a stream revision) as its entity tag: `"3"`. Strong: a number names exactly one state. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * What `If-Match` asks: `any` (absent, or `*`: the resource only has to exist), or the versions it names
 * (`"7"`, or a list `"6", "7"`). If-Match compares strongly (RFC 9110, 13.1.1), so a weak tag (`W/"7"`)
 * never matches: it is read, and names no version.
 */
export type VersionPrecondition = { kind: 'any' } | { kind: 'one-of'; versions: number[] };

export type ReadPrecondition = { ok: true; precondition: VersionPrecondition } | { ok: false; problem: FieldProblem };

const ENTITY_TAG = /^(W\/)?"(\d{1,15})"$/;

const MALFORMED: FieldProblem = { field: IF_MATCH_HEADER, reason: 'must be an ETag as it was given, e.g. "7" (with the quotes), or *' };

/** The one reading of `If-Match` in the platform; a malformed header is a problem naming the header, never ignored. */
export function readIfMatch(header: string | undefined): ReadPrecondition {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return { ok: true, precondition: { kind: 'any' } };
  const versions: number[] = [];
  for (const tag of header.split(',').map((part) => part.trim())) {
    const match = ENTITY_TAG.exec(tag);
    if (!match) return { ok: false, problem: MALFORMED };
    if (match[1] === undefined) versions.push(Number(match[2]));
  }
  return { ok: true, precondition: { kind: 'one-of', versions } };
}

/** The version to decide on: the current one when the precondition holds, undefined when it asks none. */
export function pinnedVersion(precondition: VersionPrecondition, current: number): number | undefined | 'mismatch' {
  if (precondition.kind === 'any') return undefined;
  return precondition.versions.includes(current) ? current : 'mismatch';
}

/**
 * The version an edit of versioned set-up data is based on, for a decider that compares it with the
 * current one: undefined without a precondition. A malformed header is a 400 naming it; a header of weak
 * tags only can match no version and is a 412; a list of several versions is a 400, as an edit is made
 * on one version.
 */
export function basedOnVersion(ifMatch: string | undefined): number | undefined {
  const read = readIfMatch(ifMatch);
  if (!read.ok) throw badRequest([read.problem]);
  const { precondition } = read;
  if (precondition.kind === 'any') return undefined;
  const [version, ...others] = precondition.versions;
  if (version === undefined) throw preconditionFailed([{ field: IF_MATCH_HEADER, reason: 'a weak ETag never matches' }]);
  if (others.length > 0) throw badRequest([{ field: IF_MATCH_HEADER, reason: 'must name the one version the edit was made on' }]);
  return version;
}
