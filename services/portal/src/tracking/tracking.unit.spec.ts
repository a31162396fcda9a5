import type { PublicCaseView } from '../intake/public-api';
import { actionsOf } from './actions';
import { isTrackingCode, normaliseTrackingCode } from './tracking-code';

const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';

describe('tracking codes as people type them', () => {
  it('takes the code as given', () => {
    expect(normaliseTrackingCode(CODE)).toBe(CODE);
    expect(isTrackingCode(CODE)).toBe(true);
  });

  it('forgives case, spaces, missing dashes and the letters that read as digits', () => {
    expect(normaliseTrackingCode(' abcd efgh jkmn pqrs tvwx yzo1 2345 6789 ')).toBe(CODE);
    expect(normaliseTrackingCode('ABCDEFGHJKMNPQRSTVWXYZ0I23456789')).toBe(CODE);
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseTrackingCode('')).toBeUndefined();
    expect(normaliseTrackingCode('ABCD-EFGH')).toBeUndefined();
    expect(normaliseTrackingCode(`${CODE}-0000`)).toBeUndefined();
    expect(normaliseTrackingCode(CODE.replace('A', 'U'))).toBeUndefined();
  });
});

describe("the citizen's actions", () => {
  const view = (over: Partial<PublicCaseView>): PublicCaseView => ({
    registryNumber: 'PST-2026-000001',
    kind: 'complaint',
    category: 'general',
    status: 'registered',
    receivedAt: '2026-11-16T09:00:00.000Z',
    registeredAt: '2026-11-16T09:00:00.000Z',
    dueDate: '2026-12-16',
    history: [{ step: 'registered', at: '2026-11-16T09:00:00.000Z' }],
    ...over,
  });

  it('are what intake says when it says so (C4)', () => {
    const actions = { withdraw: false, provideInformation: true, rate: false };
    expect(actionsOf(view({ actions }))).toBe(actions);
  });

  it('otherwise follow the status: withdraw while open, reply while asked, rate once after an answer', () => {
    expect(actionsOf(view({}))).toEqual({ withdraw: true, provideInformation: false, rate: false });
    expect(actionsOf(view({ status: 'awaiting-information' }))).toEqual({ withdraw: true, provideInformation: true, rate: false });
    const answered = [{ step: 'answered' as const, at: '2026-11-20T09:00:00.000Z', channel: 'email' as const }];
    expect(actionsOf(view({ status: 'answered', history: answered }))).toEqual({ withdraw: false, provideInformation: false, rate: true });
    const rated = [...answered, { step: 'rated' as const, at: '2026-11-21T09:00:00.000Z', rating: 4 }];
    expect(actionsOf(view({ status: 'closed', history: rated })).rate).toBe(false);
    expect(actionsOf(view({ status: 'withdrawn' })).withdraw).toBe(false);
  });
});
