import { basedOnVersion, etagOf, pinnedVersion, readIfMatch } from './entity-tags';

const MALFORMED = {
  ok: false,
  problem: { field: 'If-Match', reason: 'must be an ETag as it was given, e.g. "7" (with the quotes), or *' },
};

describe('If-Match, read one way for every API (RFC 9110, 13.1.1)', () => {
  it('a version is its quoted number, and If-Match gives it back', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(readIfMatch(etagOf(3))).toEqual({ ok: true, precondition: { kind: 'one-of', versions: [3] } });
    expect(readIfMatch('"6", "7"')).toEqual({ ok: true, precondition: { kind: 'one-of', versions: [6, 7] } });
  });

  it('absent, blank or *: no version asked for', () => {
    for (const header of [undefined, '  ', ' * ']) expect(readIfMatch(header)).toEqual({ ok: true, precondition: { kind: 'any' } });
  });

  it('a weak tag is read but never matches (strong comparison)', () => {
    expect(readIfMatch('W/"7"')).toEqual({ ok: true, precondition: { kind: 'one-of', versions: [] } });
    expect(readIfMatch('W/"7", "8"')).toEqual({ ok: true, precondition: { kind: 'one-of', versions: [8] } });
  });

  it('anything else is malformed, named by the header', () => {
    for (const bad of ['7', 'version 4', '"7', '"-1"', '"7" "8"']) expect([bad, readIfMatch(bad)]).toEqual([bad, MALFORMED]);
  });

  it('pins the current version when the precondition holds', () => {
    expect(pinnedVersion({ kind: 'any' }, 4)).toBeUndefined();
    expect(pinnedVersion({ kind: 'one-of', versions: [3, 4] }, 4)).toBe(4);
    expect(pinnedVersion({ kind: 'one-of', versions: [3] }, 4)).toBe('mismatch');
  });
});

describe('an edit of versioned set-up data', () => {
  it('is based on the one version If-Match names, or on none', () => {
    expect(basedOnVersion('"4"')).toBe(4);
    expect(basedOnVersion(undefined)).toBeUndefined();
    expect(basedOnVersion('*')).toBeUndefined();
  });

  it('a malformed If-Match is a 400 naming the header, never an edit without a precondition', () => {
    expect(() => basedOnVersion('version 4')).toThrow(
      expect.objectContaining({ response: { statusCode: 400, errors: [MALFORMED.problem] } }),
    );
  });

  it('weak tags only: a 412, as they can match no version; several versions: a 400', () => {
    expect(() => basedOnVersion('W/"4"')).toThrow(expect.objectContaining({ response: expect.objectContaining({ statusCode: 412 }) }));
    expect(() => basedOnVersion('"3", "4"')).toThrow(expect.objectContaining({ response: expect.objectContaining({ statusCode: 400 }) }));
  });
});
