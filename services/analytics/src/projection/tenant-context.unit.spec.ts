import { seedTenant } from '../../test/fixtures/seed-tenants';
import type { ClockFacts } from './case-document';
import { caseModelContext, TenantContexts } from './tenant-context';

const clock = (over: Partial<ClockFacts> = {}): ClockFacts => ({
  kind: 'proposal',
  receivedAt: '2026-03-02T08:00:00.000Z',
  registeredAt: '2026-03-02T08:05:00.000Z',
  pauses: [],
  pausedSince: null,
  extendedTo: null,
  ...over,
});

describe("the tenant's calendar and deadline policy as the case model's context", () => {
  const sopot = caseModelContext(seedTenant('sopot'));

  it("dates are the tenant's (Europe/Sofia): 22:30 UTC on 1 March is already 2 March there", () => {
    expect(sopot.localDate('2026-03-01T22:30:00.000Z')).toBe('2026-03-02');
  });

  it("the kind's term from receipt on the tenant's calendar (the domain's dueDateOnClock): a proposal, 2 months, moved off the weekend", () => {
    // Two months from 2 March 2026 end on Saturday 2 May, moved to Monday 4 May.
    expect(sopot.dueDate(clock())).toBe('2026-05-04');
  });

  it('a pause pushes it; a running pause stops it; an extension replaces it', () => {
    const pushed = sopot.dueDate(clock({ pauses: [{ from: '2026-03-10T08:00:00.000Z', to: '2026-03-20T08:00:00.000Z' }] }));
    expect(pushed !== null && pushed > '2026-05-04').toBe(true);
    expect(sopot.dueDate(clock({ pausedSince: '2026-03-10T08:00:00.000Z' }))).toBeNull();
    expect(sopot.dueDate(clock({ extendedTo: '2026-07-01' }))).toBe('2026-07-01');
  });

  it('no term for praise; a tenant without a charter here: counted, never timed', () => {
    expect(sopot.dueDate(clock({ kind: 'praise' }))).toBeNull();
    expect(caseModelContext(undefined).dueDate(clock())).toBeNull();
  });

  it('whistleblower reports as the domain counts them: 3 months from the acknowledgement sent, or from the end of its 7-day period', () => {
    expect(sopot.dueDate(clock({ kind: 'whistleblower-report', acknowledgedAt: '2026-03-04T09:00:00.000Z' }))).toBe('2026-06-04');
    expect(sopot.dueDate(clock({ kind: 'whistleblower-report' }))).toBe('2026-06-09');
  });

  it("Peshtera's charter: complaints answered within one month", () => {
    expect(new TenantContexts(seedTenant).of('peshtera').dueDate(clock({ kind: 'complaint' }))).toBe('2026-04-02');
  });
});
