import { createWorkingCalendar, dueDateOfCase, foldCase, type CaseRegistered } from '@civic/domain';
import { seedTenant } from '../../test/seed-tenants';

const registered = (kind: CaseRegistered['data']['kind'], receivedAt: string): CaseRegistered => ({
  type: 'CaseRegistered',
  data: {
    kind,
    channel: 'post',
    receivedAt,
    registryNumber: 'X-2026-000001',
    category: 'general',
    submitter: null,
    submitterGiven: false,
    text: '…',
    attachments: [],
    healthSafetyThreat: false,
    violationDate: null,
    language: 'bg',
  },
  metadata: {
    tenant: 'sopot',
    caseId: 'c',
    actor: { id: 'r', role: 'registrar' },
    correlationId: 'k',
    causationId: 'k',
    occurredAt: receivedAt,
    schemaVersion: 2,
  },
});

describe("the due date intake tells (the domain's dueDateOfCase, with a seed charter)", () => {
  const sopot = seedTenant('sopot');
  const calendar = createWorkingCalendar({ localHolidays: sopot.localHolidays });

  it("counts the kind's term from receipt on the tenant's calendar", () => {
    // A proposal: two months (АПК чл. 118) from 2 March 2026 end on Saturday 2 May, moved to the next working day, Monday 4 May.
    const due = dueDateOfCase(foldCase([registered('proposal', '2026-03-02T08:00:00.000Z')]), sopot, calendar);
    expect(due).toBe('2026-05-04');
  });

  it('has none for kinds without a term', () => {
    expect(dueDateOfCase(foldCase([registered('praise', '2026-03-02T08:00:00.000Z')]), sopot, calendar)).toBeNull();
  });
});
