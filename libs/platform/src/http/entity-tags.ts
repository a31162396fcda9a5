import { badRequest } from './error-body';

/** A version (or a stream revision) as its entity tag: `"3"`. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version an `If-Match` names, as an edit of versioned set-up data sends it back (`"3"`, or weak
 * `W/"3"`): undefined when the header is absent or blank, `malformed` when it names no version.
 */
export function versionFromIfMatch(ifMatch: string | undefined): number | undefined | 'malformed' {
  if (ifMatch === undefined || ifMatch.trim() === '') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim());
  return match ? Number(match[1]) : 'malformed';
}

/** The version an edit is based on: undefined without `If-Match`; a malformed one is a 400 naming the header. */
export function basedOnVersion(ifMatch: string | undefined): number | undefined {
  const version = versionFromIfMatch(ifMatch);
  if (version === 'malformed') throw badRequest([{ field: 'If-Match', reason: 'must be the ETag of a version, e.g. "3"' }]);
  return version;
}
