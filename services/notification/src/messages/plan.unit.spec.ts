import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@civic/domain';
import { CaseScript, MARIA } from '../../test/cases';
import { notificationIdFor } from '../ids';
import { officerOf, planNotifications, submitterOf, withoutSubmitter } from './plan';

/** The plan for the last event of the script's history. */
const planFor = (script: CaseScript, extra: Partial<Parameters<typeof planNotifications>[0]> = {}, eventId = randomUUID()) =>
  planNotifications({ eventId, history: script.history(), ...extra });

describe('who is written to, about what', () => {
  it('a registration: the acknowledgement to the submitter, by their chosen channel', () => {
    const eventId = randomUUID();
    const plan = planFor(new CaseScript(), {}, eventId);
    expect(plan.notifications).toEqual([
      {
        notificationId: notificationIdFor(eventId, { kind: 'submitter' }, 'acknowledgement'),
        template: 'acknowledgement',
        recipient: { kind: 'submitter' },
        channel: 'email',
      },
    ]);
  });

  it('an anonymous submitter is never written to', () => {
    const plan = planFor(new CaseScript({ submitter: null }));
    expect(plan).toEqual({ notifications: [], submitterSkipped: 'anonymous' });
  });

  it('a submitter whose data was erased is not written to (the store reads them as null)', () => {
    const history = new CaseScript().history();
    const [registered] = history;
    const erased = { ...registered, data: { ...registered.data, submitter: null } } as CaseEvent;
    expect(planNotifications({ eventId: randomUUID(), history: [erased] })).toEqual({ notifications: [], submitterSkipped: 'erased' });
    expect(submitterOf([erased])).toEqual({ skip: 'erased' });
  });

  it('after the erasure (GDPR art. 17) an earlier event planned again writes to staff, not to the submitter', () => {
    const script = new CaseScript().accept().routeAndAssign('environment-waste', 'peshtera:officer');
    const assigned = planFor(script);
    expect(withoutSubmitter(assigned)).toBe(assigned);
    const registered = planNotifications({ eventId: randomUUID(), history: script.history().slice(0, 1) });
    expect(withoutSubmitter(registered)).toEqual({ notifications: [], submitterSkipped: 'erased' });
  });

  it('by post: a letter; by phone: an SMS; the answer to a phone submitter with e-mail goes by e-mail', () => {
    expect(
      planFor(new CaseScript({ submitter: { ...MARIA, preferredChannel: 'post', address: 'ул. „Дунав“ 3' } })).notifications[0].channel,
    ).toBe('letter');
    const byPhone = { ...MARIA, preferredChannel: 'phone' as const, phone: '+359 888 123 456' };
    expect(planFor(new CaseScript({ submitter: byPhone })).notifications[0].channel).toBe('sms');
    const answered = new CaseScript({ submitter: byPhone })
      .accept()
      .routeAndAssign('environment-waste', 'ew-1')
      .add({ type: 'AnswerCase', data: { text: 'Извозено.', attachments: [], channel: 'email' } });
    expect(planFor(answered).notifications).toMatchObject([{ template: 'answer', channel: 'email' }]);
  });

  it('each notice of the case to the submitter', () => {
    // Before routing, the registry asks and the secretary extends: no officer or unit works the case yet.
    const script = new CaseScript({ kind: 'proposal' }).accept();
    expect(
      planFor(script.add({ type: 'RequestInformation', data: { missing: 'адрес', pausesClock: true } }, undefined, 'registrar'))
        .notifications[0].template,
    ).toBe('information-request');
    expect(
      planFor(script.add({ type: 'ProvideInformation', data: { text: 'ул. Дунав 3', attachments: [] } }, undefined, 'citizen'))
        .notifications,
    ).toEqual([]);
    expect(
      planFor(
        script.add(
          { type: 'ExtendDeadline', data: { reason: 'проверка', newFinalDate: '2026-06-15', maxFinalDate: '2026-09-02' } },
          undefined,
          'secretary',
        ),
      ).notifications[0].template,
    ).toBe('extension');
    script.routeAndAssign('environment-waste', 'ew-1');
    expect(
      planFor(script.add({ type: 'AnswerCase', data: { text: 'Прието.', attachments: [], channel: 'email' } })).notifications[0].template,
    ).toBe('answer');
    expect(planFor(script.add({ type: 'CloseCase', data: {} })).notifications[0].template).toBe('survey');
  });

  it('no proceedings: the notice, and no survey when that case closes', () => {
    const script = new CaseScript().add(
      { type: 'ScreenCase', data: { outcome: 'no-proceedings', ground: 'offensive-language', reason: 'Обидни изрази.' } },
      undefined,
      'registrar',
    );
    expect(planFor(script).notifications.map((n) => n.template)).toEqual(['no-proceedings']);
    expect(planFor(script.add({ type: 'CloseCase', data: {} }, undefined, 'registrar')).notifications).toEqual([]);
  });

  it('a redirect: the notice to the submitter', () => {
    const script = new CaseScript().accept().add({ type: 'RedirectCase', data: { authority: 'РИОСВ Пазарджик', reason: 'компетентност' } });
    expect(planFor(script).notifications.map((n) => n.template)).toEqual(['redirect']);
  });

  it('staff: the officer on assignment and reassignment', () => {
    const script = new CaseScript().accept().routeAndAssign('environment-waste', 'ew-1');
    expect(planFor(script).notifications).toMatchObject([
      { template: 'staff-assigned', recipient: { kind: 'staff', userId: 'ew-1' }, channel: 'email' },
    ]);
    script.add({ type: 'ReassignCase', data: { officerId: 'ew-2', reason: 'отпуск' } });
    expect(planFor(script).notifications).toMatchObject([{ template: 'staff-assigned', recipient: { kind: 'staff', userId: 'ew-2' } }]);
  });

  it('staff: deadline approaching to the assigned officer, or the unit head when nobody is assigned', () => {
    const assigned = new CaseScript()
      .accept()
      .routeAndAssign('environment-waste', 'ew-1')
      .add({ type: 'RecordDeadlineApproaching', data: { dueDate: '2026-04-02', workingDaysBefore: 3, warnedOn: '2026-03-30' } });
    expect(planFor(assigned).notifications).toMatchObject([
      { template: 'staff-deadline-approaching', recipient: { kind: 'staff', userId: 'ew-1' } },
    ]);

    const routedOnly = new CaseScript()
      .accept()
      .add({ type: 'RouteCase', data: { unit: 'environment-waste', ruleId: 'r', ruleVersion: 1 } })
      .add({ type: 'RecordDeadlineApproaching', data: { dueDate: '2026-04-02', workingDaysBefore: 3, warnedOn: '2026-03-30' } });
    expect(planFor(routedOnly, { unitHeads: { 'environment-waste': 'peshtera:head-ew' } }).notifications).toMatchObject([
      { recipient: { kind: 'staff', userId: 'peshtera:head-ew' } },
    ]);
    expect(planFor(routedOnly).notifications).toMatchObject([{ recipient: { kind: 'role', role: 'head-of-unit' } }]);
  });

  it('staff: a breach and an escalation to the officer and the escalation role', () => {
    const script = new CaseScript()
      .accept()
      .routeAndAssign('environment-waste', 'ew-1')
      .add({ type: 'RecordDeadlineBreach', data: { dueDate: '2026-04-02' } });
    expect(planFor(script, { escalationRole: 'secretary' }).notifications.map((n) => n.recipient)).toEqual([
      { kind: 'staff', userId: 'ew-1' },
      { kind: 'role', role: 'secretary' },
    ]);
    script.add({ type: 'EscalateCase', data: { toRole: 'mayor', dueDate: '2026-04-02' } });
    expect(planFor(script).notifications.map((n) => [n.template, n.recipient])).toEqual([
      ['staff-escalated', { kind: 'staff', userId: 'ew-1' }],
      ['staff-escalated', { kind: 'role', role: 'mayor' }],
    ]);
  });

  it('a confidential case: what would go to a role goes to the anti-corruption officer, never the secretary or the mayor', () => {
    const script = new CaseScript({ kind: 'whistleblower-report' })
      .accept()
      .routeAndAssign('anti-corruption', 'ac-1')
      .add({ type: 'RecordDeadlineBreach', data: { dueDate: '2026-04-02' } });
    expect(planFor(script, { escalationRole: 'secretary' }).notifications.map((n) => n.recipient)).toEqual([
      { kind: 'staff', userId: 'ac-1' },
      { kind: 'role', role: 'anti-corruption-officer' },
    ]);
    const flagged = new CaseScript().flagForCorruption().routeAndAssign('anti-corruption', 'ac-1');
    flagged.add({ type: 'RecordDeadlineBreach', data: { dueDate: '2026-04-02' } });
    flagged.add({ type: 'EscalateCase', data: { toRole: 'mayor', dueDate: '2026-04-02' } });
    expect(planFor(flagged).notifications.map((n) => n.recipient)).toContainEqual({ kind: 'role', role: 'anti-corruption-officer' });
  });

  it('the same event always plans the same ids: one per event, recipient and template', () => {
    const script = new CaseScript()
      .accept()
      .routeAndAssign('environment-waste', 'ew-1')
      .add({ type: 'RecordDeadlineBreach', data: { dueDate: '2026-04-02' } });
    const eventId = randomUUID();
    const first = planFor(script, { escalationRole: 'secretary' }, eventId);
    expect(planFor(script, { escalationRole: 'secretary' }, eventId)).toEqual(first);
    expect(new Set(first.notifications.map((n) => n.notificationId)).size).toBe(2);
    expect(planFor(script, { escalationRole: 'secretary' }).notifications[0].notificationId).not.toBe(
      first.notifications[0].notificationId,
    );
  });

  it('events that call for nothing plan nothing', () => {
    expect(planFor(new CaseScript().accept()).notifications).toEqual([]);
    expect(
      officerOf(
        new CaseScript()
          .accept()
          .routeAndAssign('a', 'x')
          .add({ type: 'RouteCase', data: { unit: 'b', ruleId: 'r', ruleVersion: 2 } })
          .history(),
      ),
    ).toBeUndefined();
  });
});
