import { basedOnVersion, etagOf, versionFromIfMatch } from './entity-tags';

describe('entity tags of versioned data', () => {
  it('a version is its quoted number, and If-Match gives it back (weak tags too)', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(versionFromIfMatch(etagOf(3))).toBe(3);
    expect(versionFromIfMatch(' W/"12" ')).toBe(12);
  });

  it('absent or blank: no precondition; anything else: malformed', () => {
    expect(versionFromIfMatch(undefined)).toBeUndefined();
    expect(versionFromIfMatch('  ')).toBeUndefined();
    expect(versionFromIfMatch('3')).toBe('malformed');
    expect(versionFromIfMatch('*')).toBe('malformed');
  });

  it('an edit based on a malformed If-Match is a 400 naming the header, never an edit without a precondition', () => {
    expect(basedOnVersion('"4"')).toBe(4);
    expect(basedOnVersion(undefined)).toBeUndefined();
    expect(() => basedOnVersion('version 4')).toThrow(expect.objectContaining({ response: { statusCode: 400, errors: [{ field: 'If-Match', reason: 'must be the ETag of a version, e.g. "3"' }] } }));
  });
});
