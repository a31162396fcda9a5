import { caseMaxFinalDate, createWorkingCalendar, foldCase, type CaseEvent, type Role } from '@civic/domain';
import { seedTenant } from '../../test/seed-tenants';
import { possibleActions } from './desk-possible';

const peshtera = seedTenant('peshtera');
const calendar = createWorkingCalendar({ localHolidays: peshtera.localHolidays });
const meta = (occurredAt: string) => ({
  tenant: 'peshtera',
  caseId: '5b0c3f4e-1111-4222-8333-444455556666',
  actor: { id: 'routing', role: 'system' as const },
  correlationId: 'k',
  causationId: 'k',
  occurredAt,
  schemaVersion: 1,
});

const registered = {
  type: 'CaseRegistered',
  data: {
    kind: 'complaint',
    channel: 'web-form',
    receivedAt: '2026-11-02T09:00:00.000Z',
    registryNumber: 'PSH-2026-000001',
    category: 'roads-lighting',
    submitter: null,
    submitterGiven: false,
    text: '…',
    attachments: [],
    healthSafetyThreat: false,
    violationDate: null,
    language: 'bg',
  },
  metadata: { ...meta('2026-11-02T09:00:00.000Z'), schemaVersion: 2 },
};
const assigned = [
  registered,
  { type: 'CaseAccepted', data: { basis: 'screening', reason: null }, metadata: meta('2026-11-02T09:00:00.000Z') },
  {
    type: 'CaseRouted',
    data: { unit: 'public-works', ruleId: 'r', ruleVersion: 1, urgent: false, inform: { units: [], roles: [] } },
    metadata: meta('2026-11-02T09:01:00.000Z'),
  },
  { type: 'CaseAssigned', data: { officerId: 'peshtera:officer' }, metadata: meta('2026-11-02T09:01:00.000Z') },
] as unknown as CaseEvent[];
const answered = [
  ...assigned,
  { type: 'CaseAnswered', data: { text: '…', attachments: [], channel: 'email' }, metadata: meta('2026-11-10T09:00:00.000Z') },
] as unknown as CaseEvent[];

/** As `peshtera:<role>` (the case is assigned to `peshtera:officer`), or as someone else in that role. */
const possible = (events: CaseEvent[], role: Role, id = `peshtera:${role}`, unitsHeaded: string[] = []) => {
  const state = foldCase(events);
  if (state.status === 'NotRegistered') throw new Error('not registered');
  return possibleActions(
    { id, roles: [role] },
    {
      unitsHeaded,
      state,
      charter: peshtera,
      calendar,
      isCaseOfTenant: () => Promise.resolve(true),
      now: '2026-11-16T09:00:00.000Z',
      maxFinalDate: caseMaxFinalDate(state, peshtera, calendar),
    },
  );
};

describe('the desk actions a caller may take now (possibleActions)', () => {
  it("the officer on an assigned case: ask, answer, link as a duplicate; never extend (АПК чл. 118(2): the higher authority's)", async () => {
    expect(await possible(assigned, 'officer')).toEqual(['information-requests', 'answer', 'duplicate-of']);
  });

  it('the secretary may also extend the term while the legal maximum lies ahead', async () => {
    expect(await possible(assigned, 'secretary')).toEqual(expect.arrayContaining(['extensions', 'answer', 'information-requests']));
    const extended = [
      ...assigned,
      {
        type: 'DeadlineExtended',
        data: { reason: '…', newFinalDate: '2027-01-04', maxFinalDate: '2027-01-04', noticeToSubmitterRequired: true },
        metadata: meta('2026-11-20T09:00:00.000Z'),
      },
    ] as unknown as CaseEvent[];
    // Extended to the maximum already: no later date is left to set.
    expect(await possible(extended, 'secretary')).not.toContain('extensions');
  });

  it('an answered case is closed, not asked or answered again', async () => {
    expect(await possible(answered, 'officer')).toEqual(['close']);
  });

  it('nothing for those who only see the course of the case: another officer, the head of another unit, an auditor', async () => {
    expect(await possible(assigned, 'officer', 'peshtera:officer-2')).toEqual([]);
    expect(await possible(assigned, 'head-of-unit', 'peshtera:head-2', ['parks'])).toEqual([]);
    expect(await possible(assigned, 'auditor')).toEqual([]);
  });

  it("the head of the case's unit asks, answers and extends (АПК чл. 118(2))", async () => {
    expect(await possible(assigned, 'head-of-unit', 'peshtera:head-of-unit', ['public-works'])).toEqual(
      expect.arrayContaining(['information-requests', 'extensions', 'answer']),
    );
  });
});
