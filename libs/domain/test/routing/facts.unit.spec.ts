import { routingFactsFromHistory } from '../../src/routing';
import { as, at, event, history, registeredEvent } from '../case/fixtures';

const corruptionFlag = { code: 'corruption-indicator', reason: { bg: 'к', en: 'c' }, matched: ['подкуп'], source: 'АПК чл. 107' };

describe('routing facts from a case history', () => {
  it('before registration there is nothing to route', () => {
    expect(routingFactsFromHistory([])).toBeUndefined();
  });

  it('takes kind, category, channel and text from the registration', () => {
    expect(routingFactsFromHistory(history.accepted({ category: 'roads-lighting', channel: 'email' }))).toEqual({
      kind: 'complaint',
      category: 'roads-lighting',
      channel: 'email',
      text: 'Уличното осветление на ул. „Дойранска епопея“ не работи от седмица.',
      flags: [],
    });
  });

  it('by flags: a corruption flag a registrar resolved to accept still counts, though the folded state forgot it', () => {
    const events = [
      ...history.registered(),
      event('CaseFlagged', { flags: [corruptionFlag] }, { now: at(3) }),
      event('CaseAccepted', { basis: 'registrar-decision', reason: 'проверено' }, { actor: as('registrar'), now: at(4) }),
    ];
    expect(routingFactsFromHistory(events)?.flags).toEqual(['corruption-indicator']);
  });

  it('a marked threat to health or safety is the health-safety-threat flag', () => {
    expect(routingFactsFromHistory(history.accepted({ healthSafetyThreat: true }))?.flags).toEqual(['health-safety-threat']);
  });

  it('Crypto-shredding: an erased text (null after the key is gone) is read as no text', () => {
    const erased = registeredEvent();
    const shredded = { ...erased, data: { ...erased.data, text: null as unknown as string } };
    expect(routingFactsFromHistory([shredded])?.text).toBeNull();
  });
});
