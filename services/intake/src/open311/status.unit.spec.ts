import { seedTenant } from '../../test/seed-tenants';
import { accepted, answered, assigned, closed, event, registeredEvent, routed, stateOf } from '../../test/open311-cases';
import { open311Status, statusNotes, unitName, unitOf } from './status';

const peshtera = seedTenant('peshtera');
const ENVIRONMENT = 'Екология и управление на отпадъците';

describe('case statuses as Open311 statuses', () => {
  const open = [
    [registeredEvent()],
    [
      registeredEvent(),
      event({ type: 'CaseFlagged', data: { flags: [{ code: 'anonymous', reason: { bg: 'a', en: 'a' }, source: 's' }] } }),
    ],
    [registeredEvent(), accepted()],
    [registeredEvent(), accepted(), routed()],
    [registeredEvent(), accepted(), routed(), assigned()],
    [
      registeredEvent(),
      accepted(),
      routed(),
      assigned(),
      event({ type: 'InformationRequested', data: { missing: 'адрес', pausesClock: true } }),
    ],
  ];
  const closedOnes = [
    [
      registeredEvent(),
      event({ type: 'NoProceedingsDecided', data: { basis: 'registrar-decision', ground: 'anonymous', reason: 'Анонимен.' } }),
    ],
    [registeredEvent(), accepted(), routed(), assigned(), answered()],
    [registeredEvent(), accepted(), routed(), assigned(), answered(), closed()],
    [
      registeredEvent(),
      accepted(),
      event({
        type: 'CaseRedirected',
        data: { authority: 'РИОСВ Пазарджик', reason: 'по компетентност', noticeToSubmitterRequired: true },
      }),
    ],
    [registeredEvent(), accepted(), event({ type: 'CaseWithdrawn', data: { reason: 'Лична причина на Иван.' } })],
    [
      registeredEvent(),
      accepted(),
      event({ type: 'CaseLinkedAsDuplicate', data: { originalCaseId: '00000000-0000-4000-8000-000000000000' } }),
    ],
  ];

  it.each(open.map((events) => [stateOf(events).status, events]))('%s is open', (_status, events) => {
    expect(open311Status(stateOf(events))).toBe('open');
  });

  it.each(closedOnes.map((events) => [stateOf(events).status, events]))('%s is closed', (_status, events) => {
    expect(open311Status(stateOf(events))).toBe('closed');
  });

  it('explains each status in Bulgarian, naming the unit by its charter name, and never repeats what people wrote', () => {
    const all = [...open, ...closedOnes].map((events) => statusNotes(stateOf(events), peshtera));
    expect(new Set(all).size).toBe(all.length);
    for (const note of all) {
      expect(note).toMatch(/[А-Яа-я]/);
      for (const personal of ['Иван', 'Дунав', 'Лична причина', 'Анонимен.', 'адрес', 'Отговор.']) expect(note).not.toContain(personal);
    }
    expect(statusNotes(stateOf([registeredEvent(), accepted(), routed()]), peshtera)).toBe(`Насочена към звено („${ENVIRONMENT}“).`);
    expect(statusNotes(stateOf(closedOnes[0]), peshtera)).toBe('Не се образува производство: анонимно подаване (АПК чл. 111, ал. 4).');
    expect(statusNotes(stateOf(closedOnes[3]), peshtera)).toContain('РИОСВ Пазарджик');
  });

  it('knows the unit while the case is with one, waiting for the submitter included', () => {
    expect(unitOf(stateOf([registeredEvent(), accepted()]))).toBeUndefined();
    expect(unitOf(stateOf(open[3]))).toBe('environment-waste');
    expect(unitOf(stateOf(open[5]))).toBe('environment-waste');
    expect(unitOf(stateOf(closedOnes[2]))).toBe('environment-waste');
    expect(unitOf(stateOf(closedOnes[0]))).toBeUndefined();
    expect(unitName(peshtera, 'environment-waste')).toBe(ENVIRONMENT);
    expect(unitName(peshtera, 'dissolved-unit')).toBe('dissolved-unit');
  });
});
