import { as, at, command, event, given, history } from './fixtures';

/** deadline-watch and notification record what they observed on the case's stream, each fact once. */
describe('deadline alerts (each exactly once per case and threshold)', () => {
  const system = { actor: as('system'), now: at(20) };
  const warning = { dueDate: '2026-04-02', workingDaysBefore: 5, warnedOn: '2026-03-26' };

  it('a warning threshold reached on an open case is recorded', () => {
    const state = given(history.assigned())
      .when(command('RecordDeadlineApproaching', warning, system))
      .then([event('DeadlineApproaching', warning, system)]);
    expect(state).toMatchObject({
      status: 'Assigned',
      facts: { alerts: [{ type: 'approaching', dueDate: '2026-04-02', workingDaysBefore: 5 }] },
    });
  });

  it('the same warning for the same due date is refused the second time (redelivery, a second instance)', () => {
    given([...history.assigned(), event('DeadlineApproaching', warning, system)])
      .when(command('RecordDeadlineApproaching', warning, system))
      .then('DeadlineAlertAlreadyRecorded');
  });

  it('another threshold, or the same threshold of a new (extended) due date, is a new warning', () => {
    const before = [...history.assigned(), event('DeadlineApproaching', warning, system)];
    const oneDay = { ...warning, workingDaysBefore: 1, warnedOn: '2026-04-01' };
    given(before)
      .when(command('RecordDeadlineApproaching', oneDay, system))
      .then([event('DeadlineApproaching', oneDay, system)]);
    const extended = { ...warning, dueDate: '2026-05-04' };
    given(before)
      .when(command('RecordDeadlineApproaching', extended, system))
      .then([event('DeadlineApproaching', extended, system)]);
  });

  it('a breach is recorded once per due date', () => {
    const breach = { dueDate: '2026-04-02' };
    given(history.assigned())
      .when(command('RecordDeadlineBreach', breach, system))
      .then([event('DeadlineBreached', breach, system)]);
    given([...history.assigned(), event('DeadlineBreached', breach, system)])
      .when(command('RecordDeadlineBreach', breach, system))
      .then('DeadlineAlertAlreadyRecorded');
  });

  it('escalation follows the breach of the same due date, once, to the role the tenant names', () => {
    const escalate = { toRole: 'secretary' as const, dueDate: '2026-04-02' };
    given(history.assigned())
      .when(command('EscalateCase', escalate, system))
      .then('EscalationBeforeBreach');
    const breached = [...history.assigned(), event('DeadlineBreached', { dueDate: '2026-04-02' }, system)];
    const escalated = { toRole: 'secretary' as const, reason: 'deadline-breached' as const, dueDate: '2026-04-02' };
    given(breached)
      .when(command('EscalateCase', escalate, system))
      .then([event('CaseEscalated', escalated, system)]);
    given([...breached, event('CaseEscalated', escalated, system)])
      .when(command('EscalateCase', escalate, system))
      .then('DeadlineAlertAlreadyRecorded');
  });

  it('an answered case has no running deadline: no warning, breach or escalation', () => {
    given(history.answered())
      .when(command('RecordDeadlineBreach', { dueDate: '2026-04-02' }, system))
      .then('IllegalTransition');
    given(history.answered())
      .when(command('RecordDeadlineApproaching', warning, system))
      .then('IllegalTransition');
  });

  it('only the platform records deadline alerts', () => {
    given(history.assigned())
      .when(command('RecordDeadlineBreach', { dueDate: '2026-04-02' }, { actor: as('head-of-unit') }))
      .then('NotPermittedForRole');
  });
});

describe('notifications (one message per event, recipient and template)', () => {
  const system = { actor: as('system'), now: at(11) };
  const sent = {
    notificationId: 'n-1',
    template: 'acknowledgement',
    channel: 'email' as const,
    recipient: { kind: 'submitter' as const },
    triggeredBy: 'event-1',
    attempts: 1,
  };

  it('a message sent is recorded, also on a closed case (the answer letter)', () => {
    const state = given(history.closed())
      .when(command('RecordNotificationSent', sent, system))
      .then([event('NotificationSent', sent, system)]);
    expect(state).toMatchObject({ status: 'Closed', facts: { notifications: [{ id: 'n-1', outcome: 'sent' }] } });
  });

  it('the same message is never recorded as sent twice', () => {
    given([...history.registered(), event('NotificationSent', sent, system)])
      .when(command('RecordNotificationSent', sent, system))
      .then('NotificationAlreadyRecorded');
  });

  it('a final failure is recorded once; a later successful resend is still recorded', () => {
    const failed = { ...sent, attempts: 5, error: '550 mailbox unavailable' };
    given(history.registered())
      .when(command('RecordNotificationFailed', failed, system))
      .then([event('NotificationFailed', failed, system)]);
    const afterFailure = [...history.registered(), event('NotificationFailed', failed, system)];
    given(afterFailure)
      .when(command('RecordNotificationFailed', failed, system))
      .then('NotificationAlreadyRecorded');
    given(afterFailure)
      .when(command('RecordNotificationSent', sent, system))
      .then([event('NotificationSent', sent, system)]);
  });
});
