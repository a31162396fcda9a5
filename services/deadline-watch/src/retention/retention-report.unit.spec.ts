import { KINDS, retentionPolicyOf } from '@civic/domain';
import { tallyRetention, type TimerDocument } from '../watch/timer.store';
import { buildRetentionReport } from './retention-report';

const DUE_BY = new Date('2026-05-01T00:00:00.000Z');

function timer(
  id: string,
  state: TimerDocument['state'],
  fireAt: string,
  settledAt: string | null,
  caseKind: TimerDocument['caseKind'] = 'complaint',
): TimerDocument {
  return {
    _id: `${id}/retention/2026-03-12`,
    tenant: 'peshtera',
    caseId: id,
    kind: 'retention',
    dueDate: '2026-03-12',
    workingDaysBefore: null,
    fireOn: fireAt.slice(0, 10),
    fireAt: new Date(fireAt),
    order: 3,
    state,
    planRevision: 1,
    leaseOwner: null,
    leaseUntil: null,
    attempts: 0,
    outcome: null,
    settledAt: settledAt === null ? null : new Date(settledAt),
    caseKind,
    registryNumber: `PSH-${id}`,
  };
}

describe('the retention report', () => {
  it('counts erased and due timers per kind, the latest erasures first, and ignores cancelled and later ones', () => {
    const tallies = tallyRetention(
      [
        timer('a', 'done', '2026-04-12T21:00:00.000Z', '2026-04-13T08:00:00.000Z'),
        timer('b', 'done', '2026-04-14T21:00:00.000Z', '2026-04-15T08:00:00.000Z'),
        timer('c', 'pending', '2026-04-20T21:00:00.000Z', null),
        timer('d', 'pending', '2026-06-20T21:00:00.000Z', null),
        timer('e', 'cancelled', '2026-04-20T21:00:00.000Z', '2026-03-20T08:00:00.000Z'),
        timer('f', 'pending', '2026-04-20T21:00:00.000Z', null, 'signal'),
      ],
      DUE_BY,
      1,
    );
    expect(tallies).toEqual([
      {
        kind: 'complaint',
        erased: 2,
        due: 1,
        latest: [{ registryNumber: 'PSH-b', endedOn: '2026-03-12', erasedAt: new Date('2026-04-15T08:00:00.000Z') }],
      },
      { kind: 'signal', erased: 0, due: 1, latest: [] },
    ]);
  });

  it('lists every kind with the term in force, zero where nothing happened', () => {
    const policy = retentionPolicyOf({ retention: { complaint: { months: 1, source: 'test' } } });
    const report = buildRetentionReport(
      { tenant: 'peshtera', asOf: '2026-04-01T00:00:00.000Z', dueWithinDays: 30, dueBy: DUE_BY.toISOString() },
      policy,
      [
        {
          kind: 'complaint',
          erased: 1,
          due: 0,
          latest: [{ registryNumber: 'PSH-a', endedOn: '2026-03-12', erasedAt: new Date('2026-04-13T08:00:00.000Z') }],
        },
      ],
    );
    expect(report.kinds.map((kind) => kind.kind)).toEqual([...KINDS]);
    expect(report.kinds[0]).toEqual({
      kind: 'complaint',
      label: { bg: 'Жалби', en: 'Complaints' },
      policy: { months: 1, source: 'test', default: false },
      erased: 1,
      latest: [{ registryNumber: 'PSH-a', endedOn: '2026-03-12', erasedAt: '2026-04-13T08:00:00.000Z' }],
      dueSoon: 0,
    });
    expect(report.kinds[1]).toMatchObject({ kind: 'signal', policy: { years: 5, default: true }, erased: 0, latest: [], dueSoon: 0 });
  });
});
