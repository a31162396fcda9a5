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
