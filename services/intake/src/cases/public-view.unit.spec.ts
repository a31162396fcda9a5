import { caseDecider, foldCase, type Actor, type CaseCommand, type CaseEvent } from '@civic/domain';
import { caseCommand, type CaseCommandContext } from '@civic/platform';
import { SCREENING_ACTOR, WEB_FORM_ACTOR } from './case-command';
import { isRegistered, publicView } from './public-view';

const caseId = '0b6f4a54-6a52-4f0e-9d4f-3c1c6f1f9a01';
const registrar: Actor = { id: 'peshtera:registrar', role: 'registrar' };
const head: Actor = { id: 'peshtera:head-of-unit', role: 'head-of-unit' };
const officer: Actor = { id: 'peshtera:officer-petrova', role: 'officer' };
const citizen: Actor = { id: 'subject-1', role: 'citizen' };

const PERSONAL = [
  'Иван Петров',
  'ivan@example.bg',
  'ул. „Дунав“ 3',
  'Боклукът',
  'Отговорът',
  'Благодаря',
  'peshtera:officer-petrova',
  'Стоянка',
];

let clock = Date.parse('2026-03-02T09:00:00.000Z');
const context = (actor: Actor): CaseCommandContext => ({
  tenant: 'peshtera',
  caseId,
  actor,
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
  (at) =>
    caseCommand(
      { type: 'AnswerCase', data: { text: 'Отговорът: ще бъде събран утре. Стоянка', attachments: [], channel: 'email' } },
      at(officer),
    ),
  (at) => caseCommand({ type: 'RecordSatisfaction', data: { rating: 4, comment: 'Благодаря' } }, at(citizen)),
);

describe('the public view of a case (what a tracking code shows)', () => {
  const state = foldCase(registered);

  it("tells the status and every step in the platform's words", () => {
    if (!isRegistered(state)) throw new Error('not registered');
    const view = publicView(state, registered, null);
    expect(view).toMatchObject({ registryNumber: 'PSH-2026-000007', kind: 'complaint', category: 'waste-cleanliness', status: 'answered' });
    expect(view.history.map((step) => step.step)).toEqual(['registered', 'accepted', 'sent-to-unit', 'assigned', 'answered', 'rated']);
    expect(view.history[2]).toMatchObject({ unit: 'environment' });
  });

  it('shows no personal data and no staff member', () => {
    if (!isRegistered(state)) throw new Error('not registered');
    const shown = JSON.stringify(publicView(state, registered, null));
    for (const secret of PERSONAL) expect(shown).not.toContain(secret);
    for (const actor of [registrar, head, officer, citizen, WEB_FORM_ACTOR, SCREENING_ACTOR]) expect(shown).not.toContain(actor.id);
  });

  it('leaves out event types it does not know (written by a newer version)', () => {
    if (!isRegistered(state)) throw new Error('not registered');
    const newer = { type: 'CaseTranslated', data: {}, metadata: registered[0].metadata } as unknown as CaseEvent;
    expect(publicView(state, [...registered, newer], null).history).toHaveLength(registered.length);
  });
});
