import { TenantDirectory, DEFAULT_TENANTS_DIR } from '@civic/platform';
import { CaseScript, MARIA } from '../../test/cases';
import { MESSAGES, type MessageId } from './catalog';
import { messageVariables, VariablesUnavailableError } from './variables';
import { formatDate, greeting } from './words';

const tenants = TenantDirectory.load(DEFAULT_TENANTS_DIR);
const peshtera = tenants.get('peshtera');
if (!peshtera) throw new Error('no seed tenant peshtera');
const calendar = tenants.calendarOf(peshtera);
const trackingUrl = 'http://127.0.0.1:3006/{tenant}/cases/{code}';
const trackingPageUrl = 'http://127.0.0.1:3006/{tenant}/track';
const trackingLink = 'http://127.0.0.1:3006/peshtera/track';
const variables = (message: MessageId, script: CaseScript, language: 'bg' | 'en' = 'bg', addressConfirmed = true) =>
  messageVariables({
    message,
    history: script.history(),
    charter: peshtera,
    calendar,
    language,
    trackingUrl,
    trackingPageUrl,
    addressConfirmed,
  });

describe('what a message says, from the case', () => {
  it('the acknowledgement of a Peshtera complaint: the number, the date of receipt, the due date a month on', () => {
    const script = new CaseScript({ registryNumber: 'PSH-2026-000042', receivedAt: '2026-03-02T09:15:00.000Z' });
    expect(variables('acknowledgement', script)).toEqual({
      greeting: 'Уважаеми/а Мария Петрова,',
      municipality: 'Община Пещера',
      municipalityAddress: peshtera.address.bg,
      registryNumber: 'PSH-2026-000042',
      kind: 'жалба',
      receivedOn: '2 март 2026 г.',
      trackingCode: null,
      trackingLink,
      dueDate: '2 април 2026 г.',
      confirmationLink: null,
    });
    expect(variables('acknowledgement', script, 'en')).toMatchObject({
      greeting: 'Dear Мария Петрова,',
      kind: 'complaint',
      dueDate: '2 April 2026',
    });
  });

  it("the acknowledgement carries the submitter's tracking code and a link that opens the case with it; later messages only the page", () => {
    const code = '7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2';
    const script = new CaseScript({ submitter: { ...MARIA, trackingCode: code } });
    expect(variables('acknowledgement', script)).toMatchObject({
      trackingCode: code,
      trackingLink: `http://127.0.0.1:3006/peshtera/cases/${code}`,
    });
    const answered = script
      .accept()
      .routeAndAssign('environment-waste', 'ew-1')
      .add({ type: 'AnswerCase', data: { text: 'Отговор.', attachments: [], channel: 'email' } });
    const answer = variables('answer', answered);
    expect(answer.trackingLink).toBe(trackingLink);
    expect(JSON.stringify(answer)).not.toContain(code);
  });

  it('a kind without a term: the due date is null, not absent', () => {
    expect(variables('acknowledgement', new CaseScript({ kind: 'praise' }))).toMatchObject({ dueDate: null });
  });

  it('the extension: the reasons, the new final date, and the due date it replaces', () => {
    const script = new CaseScript({ kind: 'proposal', receivedAt: '2026-03-02T09:15:00.000Z' })
      .accept()
      .add(
        { type: 'ExtendDeadline', data: { reason: 'Нужна е проверка на място.', newFinalDate: '2026-06-15', maxFinalDate: '2026-09-02' } },
        undefined,
        'secretary',
      );
    expect(variables('extension', script)).toMatchObject({
      reason: 'Нужна е проверка на място.',
      newFinalDate: '15 юни 2026 г.',
      // Two months from 2 March is Saturday 2 May; the next working day is Monday 4 May.
      previousDueDate: '4 май 2026 г.',
    });
  });

  it('the answer: its text, its day and the unit by its name', () => {
    const script = new CaseScript()
      .accept()
      .routeAndAssign('environment-waste', 'ew-1')
      .add(
        { type: 'AnswerCase', data: { text: 'Контейнерите са извозени.', attachments: [], channel: 'email' } },
        '2026-03-10T10:00:00.000Z',
      );
    const unit = peshtera.departments.find((d) => d.id === 'environment-waste')?.name.bg ?? 'environment-waste';
    expect(variables('answer', script)).toMatchObject({ answerText: 'Контейнерите са извозени.', answeredOn: '10 март 2026 г.', unit });
  });

  it("no proceedings: the ground in words, and the registrar's reason (the ground when none)", () => {
    const script = new CaseScript().add(
      { type: 'ScreenCase', data: { outcome: 'no-proceedings', ground: 'offensive-language', reason: 'Текстът съдържа обиди.' } },
      undefined,
      'registrar',
    );
    expect(variables('no-proceedings', script, 'en')).toMatchObject({
      ground: 'the text contains offensive or obscene language (Client Charter)',
      reason: 'Текстът съдържа обиди.',
    });
  });

  it('every message gets exactly the variables its catalog entry lists', () => {
    const base = () => new CaseScript({ kind: 'proposal' }).accept().routeAndAssign('environment-waste', 'ew-1');
    const cases: Record<MessageId, CaseScript> = {
      acknowledgement: new CaseScript(),
      'no-proceedings': new CaseScript().add(
        { type: 'ScreenCase', data: { outcome: 'no-proceedings', ground: 'other', reason: 'x' } },
        undefined,
        'registrar',
      ),
      redirect: base().add({ type: 'RedirectCase', data: { authority: 'РИОСВ', reason: 'компетентност' } }),
      'information-request': base().add({ type: 'RequestInformation', data: { missing: 'адрес', pausesClock: true } }),
      extension: base().add({
        type: 'ExtendDeadline',
        data: { reason: 'проверка', newFinalDate: '2026-06-15', maxFinalDate: '2026-09-02' },
      }),
      answer: base().add({ type: 'AnswerCase', data: { text: 'отговор', attachments: [], channel: 'email' } }),
      survey: base()
        .add({ type: 'AnswerCase', data: { text: 'отговор', attachments: [], channel: 'email' } })
        .add({ type: 'CloseCase', data: {} }),
      'staff-assigned': base(),
      'staff-deadline-approaching': base().add({
        type: 'RecordDeadlineApproaching',
        data: { dueDate: '2026-05-04', workingDaysBefore: 3, warnedOn: '2026-04-28' },
      }),
      'staff-deadline-breached': base().add({ type: 'RecordDeadlineBreach', data: { dueDate: '2026-05-04' } }),
      'staff-escalated': base()
        .add({ type: 'RecordDeadlineBreach', data: { dueDate: '2026-05-04' } })
        .add({ type: 'EscalateCase', data: { toRole: 'secretary', dueDate: '2026-05-04' } }),
    };
    for (const [message, script] of Object.entries(cases) as [MessageId, CaseScript][]) {
      expect([message, Object.keys(variables(message, script)).sort()]).toEqual([message, Object.keys(MESSAGES[message].variables).sort()]);
    }
  });

  it('a message about another kind of event is refused, not filled with gaps', () => {
    expect(() => variables('extension', new CaseScript())).toThrow(VariablesUnavailableError);
  });

  it('an address nobody confirmed: a neutral greeting, never the name a stranger may have typed (issue 21 item 5)', () => {
    const lure = new CaseScript({ submitter: { ...MARIA, name: 'https://evil.example/refund' } });
    expect(variables('acknowledgement', lure, 'bg', false).greeting).toBe('Уважаеми госпожи и господа,');
    expect(variables('acknowledgement', lure, 'en', false).greeting).toBe('Dear Sir or Madam,');
    expect(JSON.stringify(variables('acknowledgement', lure, 'en', false))).not.toContain('evil');
  });

  it('words: dates, and a salutation that never guesses a gender', () => {
    expect(formatDate('2026-12-24', 'bg')).toBe('24 декември 2026 г.');
    expect(formatDate('2026-12-24', 'en')).toBe('24 December 2026');
    expect(greeting(undefined, 'bg')).toBe('Уважаеми госпожи и господа,');
    expect(greeting('  ', 'en')).toBe('Dear Sir or Madam,');
    expect(greeting(MARIA.name, 'en')).toBe('Dear Мария Петрова,');
  });
});
