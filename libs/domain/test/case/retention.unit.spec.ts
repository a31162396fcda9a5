import { caseDecider, retentionEndsAt, type CaseEvent, type CaseState, type RegisteredCase } from '../../src/case';
import { retentionPolicyOf } from '../../src/tenants/retention';
import { as, at, event, history } from './fixtures';

// GDPR art. 5(1)(e): a finished case's personal data are kept for the tenant's period after it ended, then erased.
const fold = (events: CaseEvent[]): CaseState => events.reduce(caseDecider.evolve, caseDecider.initialState());
const facts = (events: CaseEvent[]) => (fold(events) as RegisteredCase).facts;
const oneMonth = retentionPolicyOf({ retention: { complaint: { months: 1, source: 'test' } } });
const byDefault = retentionPolicyOf({});

const reopened = (): CaseEvent[] => [...history.closed(), event('CaseReopened', { reason: 'Нови обстоятелства' }, { now: at(20) })];
const answeredAgain = (): CaseEvent[] => [
  ...reopened(),
  event('CaseAnswered', { text: 'Отново поправено.', attachments: [], channel: 'email' }, { actor: as('officer'), now: at(25) }),
];

describe('the time a case ended (facts.endedAt)', () => {
  it('is null while the case is open', () => {
    expect(facts(history.assigned()).endedAt).toBeNull();
    expect(facts(history.awaiting()).endedAt).toBeNull();
  });

  it('is the answer, then the closure of an answered case', () => {
    expect(facts(history.answered()).endedAt).toBe(at(9));
    expect(facts(history.closed()).endedAt).toBe(at(10));
  });

  it('is the event that finished it: no proceedings, withdrawal', () => {
    expect(facts(history.noProceedings()).endedAt).toBe(at(3));
    expect(facts([...history.assigned(), event('CaseWithdrawn', { reason: null }, { actor: as('citizen'), now: at(6) })]).endedAt).toBe(
      at(6),
    );
  });

  it('is cleared when the case is reopened, and set again when it ends again', () => {
    expect(facts(reopened()).endedAt).toBeNull();
    expect(facts(answeredAgain()).endedAt).toBe(at(25));
  });

  it('does not move for what happens after the end (a rating, a letter)', () => {
    const rated = [...history.closed(), event('SatisfactionRecorded', { rating: 5, comment: null }, { actor: as('citizen'), now: at(12) })];
    expect(facts(rated).endedAt).toBe(at(10));
  });
});

describe('retentionEndsAt', () => {
  it('a closed complaint with a 1-month term: the end of the same date a month later, Sofia time', () => {
    // Closed on 10 March 2026 (Sofia); kept through 10 April, erased from the start of 11 April (UTC+3).
    expect(retentionEndsAt(fold(history.closed()), oneMonth)).toBe('2026-04-10T21:00:00.000Z');
  });

  it('the default is 5 years, for kinds the charter is silent on too', () => {
    expect(retentionEndsAt(fold(history.closed()), byDefault)).toBe('2031-03-10T22:00:00.000Z');
    // A signal with no proceedings (3 March 2026) under the 1-month charter keeps the default.
    expect(retentionEndsAt(fold(history.noProceedings()), oneMonth)).toBe('2031-03-03T22:00:00.000Z');
  });

  it('a term in months ends on the month’s last day when the date does not exist', () => {
    const closedOn31 = [...history.answered(), event('CaseClosed', { outcome: 'answered' }, { now: '2026-03-31T09:00:00.000Z' })];
    expect(retentionEndsAt(fold(closedOn31), oneMonth)).toBe('2026-04-30T21:00:00.000Z');
  });

  it('none while the case is open or not registered', () => {
    expect(retentionEndsAt(fold(history.assigned()), oneMonth)).toBeNull();
    expect(retentionEndsAt(caseDecider.initialState(), oneMonth)).toBeNull();
  });

  it('a reopened case has none while open, and a new one from its new end', () => {
    expect(retentionEndsAt(fold(reopened()), oneMonth)).toBeNull();
    expect(retentionEndsAt(fold(answeredAgain()), oneMonth)).toBe('2026-04-25T21:00:00.000Z');
  });

  it('none once the personal data are erased; the ground is kept', () => {
    const erased = [
      ...history.closed(),
      event(
        'PersonalDataErased',
        { ground: 'retention-period-ended', requestId: 'retention:peshtera:2026-04-11' },
        { actor: as('system'), now: at(11) },
      ),
    ];
    expect(retentionEndsAt(fold(erased), oneMonth)).toBeNull();
    expect(facts(erased)).toMatchObject({ erasedAt: at(11), erasureGround: 'retention-period-ended' });
  });
});
