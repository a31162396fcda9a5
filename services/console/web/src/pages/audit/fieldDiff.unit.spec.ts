import { fieldDiff } from './fieldDiff';

describe('the field difference of two states', () => {
  it('lists the changed, added and removed leaves, sorted by path', () => {
    const before = { status: 'Registered', facts: { kind: 'complaint', alerts: [] }, unitId: 'a' };
    const after = { status: 'Assigned', facts: { kind: 'complaint', alerts: ['x'] }, officerId: 'o' };
    expect(fieldDiff(before, after)).toEqual([
      { path: 'facts.alerts[0]', after: 'x' },
      { path: 'officerId', after: 'o' },
      { path: 'status', before: 'Registered', after: 'Assigned' },
      { path: 'unitId', before: 'a' },
    ]);
  });

  it('sees no change in the same object written in another key order', () => {
    expect(fieldDiff({ a: { x: 1, y: [1, 2] } }, { a: { y: [1, 2], x: 1 } })).toEqual([]);
  });

  it('compares an object with a leaf as a whole', () => {
    expect(fieldDiff({ a: null }, { a: { b: 1 } })).toEqual([{ path: 'a', before: null, after: { b: 1 } }]);
  });
});
