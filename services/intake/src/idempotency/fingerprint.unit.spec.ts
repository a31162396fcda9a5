import { canonicalJson, requestFingerprint } from './fingerprint';

describe('request fingerprints', () => {
  it('do not depend on the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(requestFingerprint('op', { a: 1, b: 2 })).toBe(requestFingerprint('op', { b: 2, a: 1 }));
  });

  it('differ for another request or another operation', () => {
    expect(requestFingerprint('op', { a: 1 })).not.toBe(requestFingerprint('op', { a: 2 }));
    expect(requestFingerprint('staff-register', { a: 1 })).not.toBe(requestFingerprint('citizen-submit', { a: 1 }));
  });

  it('treat an absent key and an undefined one alike', () => {
    expect(requestFingerprint('op', { a: 1, b: undefined })).toBe(requestFingerprint('op', { a: 1 }));
  });
});
