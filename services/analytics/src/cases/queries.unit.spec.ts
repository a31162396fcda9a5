import type { Role } from '@civic/domain';
import { listedForFilter } from '@civic/platform';
import { caseListFilter, caseListSort, parseCaseListQuery } from './case-query';
import { kpiFilter, parseKpiQuery } from '../kpis/kpi-query';

const viewer = (...roles: Role[]) => ({ id: 'peshtera:u-1', roles });
const ONLY_WHAT_THEY_MAY = { $or: [{ confidential: null }, { officerId: 'peshtera:u-1' }] };

describe('the case list query', () => {
  it('defaults: newest first, page 1 of 20', () => {
    expect(parseCaseListQuery({})).toEqual({ ok: true, value: { sort: '-receivedAt', page: 1, pageSize: 20 } });
  });

  it('filters by kind, channel and status (lists), unit, officer; due soon or overdue against today', () => {
    const parsed = parseCaseListQuery({
      kind: 'complaint,signal',
      channel: 'post',
      status: 'Routed,Assigned',
      unit: 'public-works',
      officer: 'pw-1',
      due: 'overdue',
      sort: 'dueDate',
      page: '2',
      pageSize: '50',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(caseListFilter('peshtera', parsed.value, viewer('auditor'), '2026-06-15', 5)).toEqual({
      tenant: 'peshtera',
      kind: { $in: ['complaint', 'signal'] },
      channel: { $in: ['post'] },
      status: { $in: ['Routed', 'Assigned'] },
      unit: 'public-works',
      officerId: 'pw-1',
      open: true,
      dueDate: { $ne: null, $lt: '2026-06-15' },
    });
    expect(caseListSort(parsed.value.sort)).toEqual({ dueDate: 1, _id: 1 });
    const soon = parseCaseListQuery({ due: 'soon' });
    if (!soon.ok) throw new Error('not parsed');
    expect(caseListFilter('peshtera', soon.value, viewer('secretary'), '2026-06-29', 5)).toMatchObject({
      open: true,
      dueDate: { $ne: null, $gte: '2026-06-29', $lte: '2026-07-04' },
    });
  });

  it('confidential cases: every one for the anti-corruption officer and auditors; for others only those assigned to them', () => {
    expect(listedForFilter(viewer('anti-corruption-officer'))).toEqual({});
    expect(listedForFilter(viewer('auditor'))).toEqual({});
    expect(listedForFilter(viewer('secretary', 'auditor'))).toEqual({});
    for (const role of ['registrar', 'secretary', 'mayor', 'head-of-unit', 'ops'] as Role[])
      expect(listedForFilter(viewer(role))).toEqual(ONLY_WHAT_THEY_MAY);
    // The viewer's rule and an officer queue filter side by side: both hold.
    const parsed = parseCaseListQuery({ officer: 'pw-1' });
    if (!parsed.ok) throw new Error('not parsed');
    expect(caseListFilter('peshtera', parsed.value, viewer('registrar'), '2026-06-15', 5)).toEqual({
      tenant: 'peshtera',
      officerId: 'pw-1',
      ...ONLY_WHAT_THEY_MAY,
    });
  });

  it('every bad parameter named with its reason; unknown ones too', () => {
    const parsed = parseCaseListQuery({
      kind: 'complaint,petition',
      status: 'Lost',
      due: 'later',
      sort: 'name',
      page: '0',
      pageSize: '1000',
      tenantz: 'x',
      unit: ['a', 'b'],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = parsed.problems.map((p) => p.field).sort();
    expect(fields).toEqual(['due', 'kind', 'page', 'pageSize', 'sort', 'status', 'tenantz', 'unit']);
    expect(parsed.problems.find((p) => p.field === 'kind')?.reason).toMatch(/"petition"/);
    expect(parsed.problems.find((p) => p.field === 'unit')?.reason).toBe('must be given once');
    expect(parsed.problems.find((p) => p.field === 'tenantz')?.reason).toBe('is not a known parameter');
  });
});

describe('the KPI query', () => {
  it('a period (dates received, both included), a dimension and filters', () => {
    const parsed = parseKpiQuery({
      from: '2026-01-01',
      to: '2026-06-30',
      by: 'month',
      unit: 'public-works',
      kind: 'complaint',
      channel: 'email',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(kpiFilter('sopot', parsed.value)).toEqual({
      tenant: 'sopot',
      receivedOn: { $gte: '2026-01-01', $lte: '2026-06-30' },
      unit: 'public-works',
      kind: 'complaint',
      channel: 'email',
      confidential: null,
    });
  });

  it('a filter by unit, kind or channel leaves confidential cases out; the period alone keeps them (they count in totals)', () => {
    const filterOf = (raw: Record<string, string>) => {
      const parsed = parseKpiQuery(raw);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return kpiFilter('sopot', parsed.value);
    };
    expect(filterOf({ kind: 'whistleblower-report' })).toEqual({ tenant: 'sopot', kind: 'whistleblower-report', confidential: null });
    expect(filterOf({ unit: 'public-works' })).toMatchObject({ confidential: null });
    expect(filterOf({ channel: 'post' })).toMatchObject({ confidential: null });
    expect(filterOf({ from: '2026-01-01', by: 'kind' })).toEqual({ tenant: 'sopot', receivedOn: { $gte: '2026-01-01' } });
  });

  it('names each bad parameter', () => {
    const parsed = parseKpiQuery({ from: '2026-13-01', to: 'yesterday', by: 'officer', kind: 'petition', extra: '1' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field).sort()).toEqual(['by', 'extra', 'from', 'kind', 'to']);
  });

  it('to before from is refused on `to`', () => {
    expect(parseKpiQuery({ from: '2026-05-01', to: '2026-04-01' })).toEqual({
      ok: false,
      problems: [{ field: 'to', reason: 'must not be before from (2026-05-01)' }],
    });
  });
});
