import { caseListFilter, caseListSort, parseCaseListQuery } from './case-query';
import { kpiFilter } from '../kpis/kpi-query';
import fc from 'fast-check';
import { comparator, firstInOrder, matches, UnsupportedFilterError } from './row-match';

const row = (fields: Record<string, unknown>) => ({
  _id: 'c-1',
  kind: 'complaint',
  channel: 'web-form',
  status: 'Assigned',
  unit: 'public-works',
  officerId: 'pw-1',
  open: true,
  dueDate: '2026-06-20',
  receivedOn: '2026-05-10',
  confidential: null,
  ...fields,
});

describe('MongoDB filters applied to rows in memory', () => {
  it('equality, and null matches a missing field as in MongoDB', () => {
    expect(matches(row({}), { unit: 'public-works' })).toBe(true);
    expect(matches(row({}), { unit: 'local-taxes' })).toBe(false);
    expect(matches(row({}), { confidential: null })).toBe(true);
    const { confidential: _unused, ...withoutField } = row({});
    void _unused;
    expect(matches(withoutField, { confidential: null })).toBe(true);
    expect(matches(row({ confidential: 'whistleblower' }), { confidential: null })).toBe(false);
  });

  it('$in, $ne and comparisons between values of one type only (null never compares)', () => {
    expect(matches(row({}), { status: { $in: ['Routed', 'Assigned'] } })).toBe(true);
    expect(matches(row({}), { status: { $in: ['Routed'] } })).toBe(false);
    expect(matches(row({}), { dueDate: { $ne: null, $lt: '2026-06-21' } })).toBe(true);
    expect(matches(row({}), { dueDate: { $ne: null, $lt: '2026-06-20' } })).toBe(false);
    expect(matches(row({ dueDate: null }), { dueDate: { $ne: null, $lt: '2026-06-21' } })).toBe(false);
    expect(matches(row({ dueDate: null }), { dueDate: { $lt: '2026-06-21' } })).toBe(false);
    expect(matches(row({}), { receivedOn: { $gte: '2026-05-10', $lte: '2026-05-10' } })).toBe(true);
    expect(matches(row({}), { receivedOn: { $gt: '2026-05-10' } })).toBe(false);
  });

  it("$or: the list's filter for a viewer who may not see confidential cases", () => {
    const parsed = parseCaseListQuery({});
    if (!parsed.ok) throw new Error('not parsed');
    const filter = caseListFilter('peshtera', parsed.value, { id: 'pw-1', roles: ['officer'] }, '2026-06-15', 5);
    expect(matches(row({ tenant: 'peshtera' }), filter)).toBe(true);
    expect(matches(row({ tenant: 'peshtera', confidential: 'whistleblower' }), filter)).toBe(true);
    expect(matches(row({ tenant: 'peshtera', confidential: 'whistleblower', officerId: 'other' }), filter)).toBe(false);
    expect(matches(row({ tenant: 'sopot' }), filter)).toBe(false);
  });

  it("the KPI filter's groups leave confidential cases out", () => {
    const filter = kpiFilter('peshtera', { unit: 'public-works', from: '2026-05-01', to: '2026-05-31' });
    expect(matches(row({ tenant: 'peshtera' }), filter)).toBe(true);
    expect(matches(row({ tenant: 'peshtera', confidential: 'corruption' }), filter)).toBe(false);
    expect(matches(row({ tenant: 'peshtera', receivedOn: '2026-06-01' }), filter)).toBe(false);
  });

  it('an operator it does not know is an error, never a silent match', () => {
    expect(() => matches(row({}), { unit: { $regex: 'public' } })).toThrow(UnsupportedFilterError);
    expect(() => matches(row({}), { $where: 'true' })).toThrow(UnsupportedFilterError);
  });
});

describe('MongoDB sorts applied to rows in memory', () => {
  const a = row({ _id: 'a', dueDate: '2026-06-20', receivedAt: '2026-05-01T08:00:00.000Z' });
  const b = row({ _id: 'b', dueDate: null, receivedAt: '2026-05-02T08:00:00.000Z' });
  const c = row({ _id: 'c', dueDate: '2026-06-10', receivedAt: '2026-05-02T08:00:00.000Z' });

  it('null sorts first ascending and last descending; ties by case id in the same direction', () => {
    const ids = (sort: Parameters<typeof caseListSort>[0]) => [a, b, c].sort(comparator(caseListSort(sort))).map((r) => r._id);
    expect(ids('dueDate')).toEqual(['b', 'c', 'a']);
    expect(ids('-dueDate')).toEqual(['a', 'c', 'b']);
    expect(ids('-receivedAt')).toEqual(['c', 'b', 'a']);
    expect(ids('receivedAt')).toEqual(['a', 'b', 'c']);
  });
});

describe('the first rows of a page without sorting them all', () => {
  it('equals sort then slice, for any rows, sort and count (the sorts end on the case id: a total order)', () => {
    const rowArb = fc.record({
      _id: fc.uuid(),
      dueDate: fc.option(fc.constantFrom('2026-06-10', '2026-06-20', '2026-07-01'), { nil: null }),
      receivedAt: fc.constantFrom('2026-05-01T08:00:00.000Z', '2026-05-02T08:00:00.000Z'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { selector: (r) => r._id, maxLength: 200 }),
        fc.constantFrom('dueDate', '-dueDate', 'receivedAt', '-receivedAt') as fc.Arbitrary<Parameters<typeof caseListSort>[0]>,
        fc.nat(60),
        (rows, sort, count) => {
          const compare = comparator(caseListSort(sort));
          expect(firstInOrder(rows, compare, count)).toEqual([...rows].sort(compare).slice(0, count));
        },
      ),
    );
  });
});
