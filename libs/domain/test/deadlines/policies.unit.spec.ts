import { KINDS } from '../../src/shared/vocabulary';
import { DEFAULT_DEADLINE_POLICIES, deadlinePolicySchema, resolveDeadlinePolicies, resolveDeadlinePolicy } from '../../src/deadlines';

// LEGAL-SOURCES.md, "Kinds of submission": every default names its source and is valid policy data.
describe('default deadline policies', () => {
  it.each(KINDS)('given the default for %s, then it is valid data that names its source', (kind) => {
    const policy = DEFAULT_DEADLINE_POLICIES[kind];
    expect(deadlinePolicySchema.parse(policy)).toEqual(policy);
    expect(policy.kind).toBe(kind);
    expect(policy.source.length).toBeGreaterThan(10);
  });

  it('given a complaint, then one month from receipt (Peshtera charter: written answer within one month)', () => {
    expect(DEFAULT_DEADLINE_POLICIES.complaint).toMatchObject({
      term: { unit: 'months', amount: 1 },
      startsOn: 'receipt',
      source: expect.stringContaining('Пещера'),
    });
  });

  it('given a proposal, then two months, extendable to six with notice, decision told within 7 days (АПК чл. 118)', () => {
    expect(DEFAULT_DEADLINE_POLICIES.proposal).toMatchObject({
      term: { unit: 'months', amount: 2 },
      extension: {
        maxTotal: { unit: 'months', amount: 6 },
        requiresNoticeToSubmitter: true,
        source: expect.stringContaining('чл. 118, ал. 2'),
      },
      decisionNotice: { unit: 'calendar-days', amount: 7 },
      source: expect.stringContaining('АПК чл. 118, ал. 1'),
    });
  });

  it('given a signal, then two months, by analogy with art. 118(1), and the reasoned decision within 7 days (АПК чл. 123(1))', () => {
    expect(DEFAULT_DEADLINE_POLICIES.signal).toMatchObject({
      term: { unit: 'months', amount: 2 },
      decisionNotice: { unit: 'calendar-days', amount: 7 },
      source: expect.stringMatching(/чл\. 107.*123, ал\. 1.*по аналогия с чл\. 118, ал\. 1/),
    });
  });

  it('given a public-information request, then 14 days from registration, extensions of up to 14 days more (ЗДОИ чл. 28–31)', () => {
    expect(DEFAULT_DEADLINE_POLICIES['public-information-request']).toMatchObject({
      term: { unit: 'calendar-days', amount: 14 },
      startsOn: 'registration',
      pausesWhileAwaitingSubmitter: false,
      extension: { source: expect.stringMatching(/чл\. 30.*чл\. 31/) },
      source: expect.stringMatching(/чл\. 28, ал\. 1.*чл\. 29/),
    });
  });

  it('given a whistleblower report, then acknowledge in 7 days and answer within 3 months of it (ЗЗЛПСПОИН)', () => {
    expect(DEFAULT_DEADLINE_POLICIES['whistleblower-report']).toMatchObject({
      acknowledgement: { unit: 'calendar-days', amount: 7 },
      term: { unit: 'months', amount: 3 },
      startsOn: 'acknowledgement',
      source: expect.stringContaining('ЗЗЛПСПОИН'),
    });
  });

  it.each(['opinion', 'praise', 'recommendation'] as const)('given %s, then there is no term (the charters)', (kind) => {
    expect(DEFAULT_DEADLINE_POLICIES[kind]).toMatchObject({ term: null, warnWorkingDaysBefore: [] });
  });

  it('given the defaults with a term, then warnings come 5 and 1 working days before', () => {
    for (const kind of ['complaint', 'proposal', 'signal', 'public-information-request', 'whistleblower-report'] as const) {
      expect(DEFAULT_DEADLINE_POLICIES[kind].warnWorkingDaysBefore).toEqual([5, 1]);
    }
  });
});

describe('a tenant charter overriding a default', () => {
  const charter = { source: 'Харта на клиента (пример): отговор до 14 дни', term: { unit: 'calendar-days' as const, amount: 14 } };

  it('given a shorter term in the charter, then it replaces the term and keeps the rest, naming both sources', () => {
    const policy = resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES.complaint, charter);
    expect(policy.term).toEqual({ unit: 'calendar-days', amount: 14 });
    expect(policy.startsOn).toBe('receipt');
    expect(policy.source).toContain('Харта на клиента (пример)');
    expect(policy.source).toContain('Пещера');
  });

  it('given no override, then the default stands unchanged', () => {
    expect(resolveDeadlinePolicy(DEFAULT_DEADLINE_POLICIES.signal)).toBe(DEFAULT_DEADLINE_POLICIES.signal);
  });

  it('given overrides for some kinds, then every kind has a policy and only those kinds change', () => {
    const policies = resolveDeadlinePolicies(DEFAULT_DEADLINE_POLICIES, { complaint: charter });
    expect(Object.keys(policies).sort()).toEqual([...KINDS].sort());
    expect(policies.complaint.term?.amount).toBe(14);
    expect(policies.proposal).toBe(DEFAULT_DEADLINE_POLICIES.proposal);
  });
});
