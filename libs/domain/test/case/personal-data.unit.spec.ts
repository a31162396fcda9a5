import {
  CASE_EVENT_TYPES,
  foldCase,
  mapPersonalData,
  PERSONAL_DATA_FIELDS,
  personalDataPaths,
  type CaseEvent,
  type CaseRegisteredV1,
} from '../../src/case';
import { as, at, event, history, registeredEvent } from './fixtures';

const encrypt = (value: unknown) => `enc(${JSON.stringify(value)})`;
const erase = () => null;

const notification = {
  notificationId: 'n-1',
  template: 'acknowledgement',
  channel: 'email' as const,
  recipient: { kind: 'submitter' as const },
  triggeredBy: 'event-1',
  attempts: 3,
};

/** One example of every event type, personal fields filled in. */
const everyType: CaseEvent[] = [
  ...history.flagged(),
  ...history.closed().slice(1),
  event('CaseReassigned', { fromOfficerId: 'o-1', officerId: 'o-2', reason: 'Отпуск' }),
  event('CaseRedirected', { authority: 'РЗИ', reason: 'Компетентност', noticeToSubmitterRequired: true }),
  event('InformationRequested', { missing: 'Адрес', pausesClock: true }),
  event('InformationProvided', {
    text: 'ул. Иван Вазов 34',
    attachments: [{ name: 'ivan.pdf', mediaType: 'application/pdf', size: 9 }],
    pausedSince: null,
  }),
  event('DeadlineExtended', {
    reason: 'Проверка',
    newFinalDate: '2026-05-01',
    maxFinalDate: '2026-09-01',
    noticeToSubmitterRequired: true,
  }),
  event('NoProceedingsDecided', { basis: 'screening', ground: 'anonymous', reason: 'Анонимен' }),
  event('CaseReopened', { reason: 'Пак' }),
  event('CaseWithdrawn', { reason: 'Лични причини' }),
  event('CaseLinkedAsDuplicate', { originalCaseId: 'case-0000' }),
  event(
    'SatisfactionRecorded',
    { rating: 4, comment: 'Благодаря, Иване', recommendation: 'Обадете ми се на 0888 123 456' },
    { actor: as('citizen') },
  ),
  event('DeadlineApproaching', { dueDate: '2026-04-02', workingDaysBefore: 5, warnedOn: '2026-03-26' }),
  event('DeadlineBreached', { dueDate: '2026-04-02' }),
  event('CaseEscalated', { toRole: 'secretary', reason: 'deadline-breached', dueDate: '2026-04-02' }),
  event('NotificationSent', notification),
  event('NotificationFailed', { ...notification, error: '550 <maria@example.bg>: mailbox unavailable' }),
  event('IdentityDisclosureRecorded', { ground: 'legal-obligation', disclosedTo: 'officer-1', reason: 'Искане на прокуратурата' }),
  event('PersonalDataErased', { ground: 'data-subject-request', requestId: 'erasure-1' }),
];

describe('personal data (LEGAL-SOURCES.md: encrypted per data subject, erased by deleting the key)', () => {
  it('the examples cover every event type', () => {
    expect(new Set(everyType.map((e) => e.type))).toEqual(new Set(CASE_EVENT_TYPES));
  });

  it('every declared path names a field the event really has', () => {
    for (const e of everyType) {
      for (const path of PERSONAL_DATA_FIELDS[e.type]) {
        const [key] = path.split('[].');
        expect({ type: e.type, path, present: key in e.data }).toEqual({ type: e.type, path, present: true });
      }
    }
  });

  it('АПК чл. 108(2) (nobody persecuted for submitting): the submitter, their text and file names are encrypted; the rest stays readable', () => {
    const registered = registeredEvent();
    const encrypted = mapPersonalData(registered, encrypt);
    expect(encrypted.data.submitter).toBe(encrypt(registered.data.submitter));
    expect(encrypted.data.text).toBe(encrypt(registered.data.text));
    expect(encrypted.data.attachments).toEqual([{ name: encrypt('snimka.jpg'), mediaType: 'image/jpeg', size: 120_000 }]);
    expect(encrypted.data).toMatchObject({ kind: 'complaint', registryNumber: registered.data.registryNumber, submitterGiven: true });
    expect(encrypted.metadata).toEqual(registered.metadata);
  });

  it('charters (offensive language flags): the matched words are personal, the flag code is not; absent ones are left alone', () => {
    const reason = { bg: 'Р', en: 'R' };
    const flags = [
      { code: 'offensive-language', reason, matched: ['думи'], source: 'S' },
      { code: 'other', reason, source: 'S' },
    ];
    expect(mapPersonalData(event('CaseFlagged', { flags }), encrypt).data.flags).toEqual([
      { code: 'offensive-language', reason, matched: encrypt(['думи']), source: 'S' },
      { code: 'other', reason, source: 'S' },
    ]);
  });

  it("Petrich charter (feedback with recommendations): the citizen's comment and recommendation are encrypted, the rating is not", () => {
    const rated = event('SatisfactionRecorded', { rating: 2, comment: 'Бавно', recommendation: 'Пишете по-ясно' });
    expect(mapPersonalData(rated, encrypt).data).toEqual({
      rating: 2,
      comment: encrypt('Бавно'),
      recommendation: encrypt('Пишете по-ясно'),
    });
    const older = event('SatisfactionRecorded', { rating: 2, comment: null });
    expect(mapPersonalData(older, encrypt).data).toEqual({ rating: 2, comment: null });
  });

  it('an anonymous submission has nothing to encrypt in `submitter`', () => {
    const anonymous = registeredEvent({ submitter: null });
    expect(mapPersonalData(anonymous, encrypt).data.submitter).toBeNull();
  });

  it('crypto-shredding: a stream whose personal data is erased folds to exactly the same state', () => {
    const stream = [
      ...history.assigned(),
      event('InformationRequested', { missing: 'Адрес', pausesClock: true }, { now: at(5) }),
      event('InformationProvided', { text: 'Адрес', attachments: [], pausedSince: at(5) }, { now: at(6) }),
      event('CaseAnswered', { text: 'Отговор', attachments: [], channel: 'post' }, { now: at(9) }),
      event('SatisfactionRecorded', { rating: 3, comment: 'Бавно', recommendation: 'Повече служители' }, { now: at(11) }),
    ];
    const shredded = stream.map((e) => mapPersonalData(e, erase));
    expect(foldCase(shredded)).toEqual(foldCase(stream));
  });

  it('stored v1 CaseRegistered events have their own personal paths (the flat submitter fields)', () => {
    const v1 = { type: 'CaseRegistered', metadata: { schemaVersion: 1 } } as CaseRegisteredV1;
    expect(personalDataPaths(v1)).toEqual(
      expect.arrayContaining(['submitterName', 'submitterEmail', 'submitterPhone', 'submitterAddress', 'text']),
    );
  });
});
