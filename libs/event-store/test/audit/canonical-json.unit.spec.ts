import fc from 'fast-check';
import { canonicalJson, NotCanonicalisableError } from '../../src/audit';

/** The same value with every object's keys in reverse order, as a store may hand it back. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it('writes the same text whatever order the keys come in, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}');
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === canonicalJson(reverseKeys(value))));
  });

  it('survives a JSON round trip unchanged (what a store does to the data)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(JSON.parse(JSON.stringify(value))) === canonicalJson(value)));
  });

  it('is valid JSON for the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('leaves out undefined members and writes dates as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: new Date('2025-01-02T03:04:05.000Z') })).toBe(
      '{"b":[null],"c":"2025-01-02T03:04:05.000Z"}',
    );
  });

  it('refuses values with no JSON form, naming where they are', () => {
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow(NotCanonicalisableError);
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow('.a.b');
    expect(() => canonicalJson({ f: () => 1 })).toThrow(NotCanonicalisableError);
  });
});
