import { caseDecider, foldCase, type Actor, type CaseCommand, type CaseEvent } from '@civic/domain';
import { caseCommand, type CaseCommandContext } from '@civic/platform';
import { SCREENING_ACTOR, WEB_FORM_ACTOR } from './case-command';
import { isRegistered, publicActions, publicView, textsShown, type PublicViewContext } from './public-view';

const caseId = '0b6f4a54-6a52-4f0e-9d4f-3c1c6f1f9a01';
const registrar: Actor = { id: 'peshtera:registrar', role: 'registrar' };
const head: Actor = { id: 'peshtera:head-of-unit', role: 'head-of-unit' };
const officer: Actor = { id: 'peshtera:officer-petrova', role: 'officer' };
const secondOfficer: Actor = { id: 'peshtera:officer-ivanov', role: 'officer' };
const citizen: Actor = { id: 'subject-1', role: 'citizen' };

/** What the view never shows: the person, their own words, the staff, reasons written for staff. */
const PERSONAL = [
  'Иван Петров',
  'ivan@example.bg',
  'ул. „Дунав“ 3',
  'Боклукът',
  'Благодаря',
  'Препоръчвам',
  'peshtera:officer-petrova',
  'peshtera:officer-ivanov',
  'Вече отговорих',
  'Разбира се',
];
const ANSWER = 'Отговорът: ще бъде събран утре.';
const MISSING = 'Посочете точния адрес.';
const EXTENSION_REASON = 'Нужна е проверка на място.';
const CASE_PATH = '/public/peshtera/cases/7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2';
const viewAt = (now: string): PublicViewContext => ({ dueDate: null, casePath: CASE_PATH, now });

let clock = Date.parse('2026-03-02T09:00:00.000Z');
const context = (actor: Actor): CaseCommandContext => ({
  tenant: 'peshtera',
  caseId,
  actor,
  // The head of unit heads the unit the case is routed to (their authority over it: the domain's authority.ts).
  unitsHeaded: actor === head ? ['environment'] : [],
  correlationId: 'c-1',
  now: new Date((clock += 60_000)).toISOString(),
});

/** The events a real case would have, decided by the domain itself. */
function history(...commands: ((at: (actor: Actor) => CaseCommandContext) => CaseCommand)[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const make of commands) {
    const decision = caseDecider.decide(make(context), foldCase(events));
    if (!decision.ok) throw new Error(decision.rejection.message.en);
    events.push(...decision.events);
  }
  return events;
}

const registered = history(
  (at) =>
    caseCommand(
      {
        type: 'RegisterCase',
        data: {
          kind: 'complaint',
          channel: 'web-form',
          receivedAt: '2026-03-02T08:59:00.000Z',
          registryNumber: 'PSH-2026-000007',
          category: 'waste-cleanliness',
          submitter: { name: 'Иван Петров', email: 'ivan@example.bg', address: 'ул. „Дунав“ 3', language: 'bg' },
          text: 'Боклукът не е събиран.',
          attachments: [],
          healthSafetyThreat: false,
          language: 'bg',
        },
      },
      at(WEB_FORM_ACTOR),
    ),
  (at) => caseCommand({ type: 'ScreenCase', data: { outcome: 'accept' } }, at(SCREENING_ACTOR)),
  (at) => caseCommand({ type: 'RouteCase', data: { unit: 'environment', ruleId: 'waste', ruleVersion: 3 } }, at(registrar)),
  (at) => caseCommand({ type: 'AssignCase', data: { officerId: 'peshtera:officer-petrova' } }, at(head)),
  (at) => caseCommand({ type: 'RequestInformation', data: { missing: MISSING, pausesClock: true } }, at(officer)),
  (at) => caseCommand({ type: 'ProvideInformation', data: { text: 'Разбира се: ул. „Дунав“ 3', attachments: [] } }, at(citizen)),
  (at) =>
    caseCommand(
      { type: 'ExtendDeadline', data: { reason: 'Първа причина', newFinalDate: '2026-04-10', maxFinalDate: '2026-05-02' } },
      at(head),
    ),
  (at) =>
    caseCommand(
      { type: 'ExtendDeadline', data: { reason: EXTENSION_REASON, newFinalDate: '2026-04-20', maxFinalDate: '2026-05-02' } },
      at(head),
    ),
  (at) => caseCommand({ type: 'ReassignCase', data: { officerId: 'peshtera:officer-ivanov', reason: 'Вече отговорих' } }, at(head)),
  (at) => caseCommand({ type: 'AnswerCase', data: { text: ANSWER, attachments: [], channel: 'email' } }, at(secondOfficer)),
  (at) =>
    caseCommand({ type: 'RecordSatisfaction', data: { rating: 4, comment: 'Благодаря', recommendation: 'Препоръчвам' } }, at(citizen)),
);
const NOW = '2026-03-03T09:00:00.000Z';

describe('the public view of a case (what a tracking code shows)', () => {
  const state = foldCase(registered);

  it("tells the status and every step in the platform's words", () => {
    if (!isRegistered(state)) throw new Error('not registered');
    const view = publicView(state, registered, viewAt(NOW));
    expect(view).toMatchObject({ registryNumber: 'PSH-2026-000007', kind: 'complaint', category: 'waste-cleanliness', status: 'answered' });
    expect(view.history.map((step) => step.step)).toEqual([
      'registered',
      'accepted',
      'sent-to-unit',
      'assigned',
      'information-requested',
      'information-provided',
      'deadline-extended',
      'deadline-extended',
      'assigned',
      'answered',
      'rated',
    ]);
    expect(view.history[2]).toMatchObject({ unit: 'environment' });
  });

  it('shows no personal data and no staff member', () => {
    if (!isRegistered(state)) throw new Error('not registered');
    const shown = JSON.stringify(publicView(state, registered, viewAt(NOW)));
    for (const secret of PERSONAL) expect(shown).not.toContain(secret);
    for (const actor of [registrar, head, officer, citizen, WEB_FORM_ACTOR, SCREENING_ACTOR]) expect(shown).not.toContain(actor.id);
  });

  it('shows what was written to the submitter: the latest extension and the latest answer with its letter', () => {
    if (!isRegistered(state)) throw new Error('not registered');
    const view = publicView(state, registered, viewAt(NOW));
    expect(view.extension).toEqual({ at: expect.any(String), reason: EXTENSION_REASON, newFinalDate: '2026-04-20' });
    expect(view.answer).toEqual({
      at: registered.at(-2)?.metadata.occurredAt,
      text: ANSWER,
      channel: 'email',
      letterUrl: `${CASE_PATH}/answer-letter.pdf`,
    });
    // Answered: the request is no longer open.
    expect(view.informationRequest).toBeNull();
    expect(textsShown(view)).toEqual(['extension.reason', 'answer.text']);
  });

  it('shows the open request for information while the case waits for the submitter, and no answer', () => {
    const upTo = registered.findIndex((event) => event.type === 'InformationRequested') + 1;
    const waiting = foldCase(registered.slice(0, upTo));
    if (!isRegistered(waiting)) throw new Error('not registered');
    const view = publicView(waiting, registered.slice(0, upTo), viewAt(NOW));
    expect(view.status).toBe('awaiting-information');
    expect(view.informationRequest).toEqual({ at: registered[upTo - 1].metadata.occurredAt, missing: MISSING });
    expect(view).toMatchObject({ extension: null, answer: null });
    expect(textsShown(view)).toEqual(['informationRequest.missing']);
  });

  it("an answer whose text was erased (the subject's key is gone) shows no text and no letter", () => {
    if (!isRegistered(state)) throw new Error('not registered');
    const erased = registered.map((event) =>
      event.type === 'CaseAnswered' ? ({ ...event, data: { ...event.data, text: null } } as unknown as CaseEvent) : event,
    );
    const view = publicView(state, erased, viewAt(NOW));
    expect(view.answer).toMatchObject({ text: null, letterUrl: null, channel: 'email' });
    expect(textsShown(view)).toEqual(['extension.reason']);
  });

  it('offers what the decider would allow: withdraw while open, reply while asked, rate once answered and not yet rated', () => {
    const actionsAfter = (type: CaseEvent['type']) => {
      const upTo = registered.findIndex((event) => event.type === type) + 1;
      const folded = foldCase(registered.slice(0, upTo));
      if (!isRegistered(folded)) throw new Error('not registered');
      return publicActions(folded, NOW);
    };
    expect(actionsAfter('CaseAssigned')).toEqual({ withdraw: true, provideInformation: false, rate: false });
    expect(actionsAfter('InformationRequested')).toEqual({ withdraw: true, provideInformation: true, rate: false });
    expect(actionsAfter('CaseAnswered')).toEqual({ withdraw: false, provideInformation: false, rate: true });
    expect(actionsAfter('SatisfactionRecorded')).toEqual({ withdraw: false, provideInformation: false, rate: false });
  });

  it('leaves out event types it does not know (written by a newer version)', () => {
    if (!isRegistered(state)) throw new Error('not registered');
    const newer = { type: 'CaseTranslated', data: {}, metadata: registered[0].metadata } as unknown as CaseEvent;
    expect(publicView(state, [...registered, newer], viewAt(NOW)).history).toHaveLength(registered.length);
  });
});
