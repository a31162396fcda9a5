import fc from 'fast-check';
import { LAW_POLICY } from '../../test/screening/policy.fixture';
import { CHANNELS, KINDS } from '../shared/vocabulary';
import { screen } from './screen';
import type { ScreeningInput } from './types';

// Charters and LEGAL-SOURCES.md: flags are for a registrar's decision with a recorded reason, never a silent
// rejection; АПК чл. 111(4) is the only ground for no proceedings, and it is always stated.
const FLAGGED_WORDS = ['идиоти', 'подкуп', 'ЕГН', 'класифицирана информация', 'fuck', 'bribe', 'рушвет'];
const date = fc
  .date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const submitter = fc.option(
  fc.record({
    name: maybe(fc.constantFrom('Иван Петров', 'Иван', 'Ivan Petrov Ivanov', '')),
    address: maybe(fc.constantFrom('ул. Иван Вазов 34', '', 'Сопот')),
    email: maybe(fc.constantFrom('ivan@example.bg', 'ivan@', '')),
    phone: maybe(fc.constantFrom('03134/20-54', '12', '+359 888 123 456')),
  }),
  { nil: null },
);
const text = fc
  .tuple(fc.array(fc.constantFrom(...FLAGGED_WORDS, 'дупка', 'улица', 'моля', 'ремонт', 'street')), fc.string())
  .map(([words, noise]) => `${words.join(' ')} ${noise}`);
const input: fc.Arbitrary<ScreeningInput> = fc.record({
  kind: fc.constantFrom(...KINDS),
  channel: fc.constantFrom(...CHANNELS),
  submitter,
  text,
  healthSafetyThreat: fc.boolean(),
  violationDate: maybe(date),
  receivedOn: date,
  openCases: fc.constant([]),
});

describe('screen: properties (charters: never a silent rejection)', () => {
  it('never returns no-proceedings without at least one reason naming its source', () => {
    fc.assert(
      fc.property(input, (given) => {
        const result = screen(given, LAW_POLICY);
        if (result.outcome !== 'no-proceedings') return;
        expect(result.reasons.length).toBeGreaterThan(0);
        result.reasons.forEach((reason) => expect(reason.source).not.toBe(''));
      }),
    );
  });

  it('a flagged text is never no-proceedings because of the flag alone', () => {
    fc.assert(
      fc.property(input, (given) => {
        const flagged = screen(given, LAW_POLICY);
        const clean = screen({ ...given, text: 'дупка на улицата' }, LAW_POLICY);
        // Same case without the flagged words: the flags may only move "proceed" to "needs-registrar".
        if (clean.outcome !== 'no-proceedings') expect(flagged.outcome).not.toBe('no-proceedings');
        if (flagged.flags.length > 0 && flagged.outcome === 'no-proceedings') {
          expect(flagged.reasons.some((reason) => reason.code === 'anonymous' || reason.code === 'time-barred')).toBe(true);
        }
      }),
    );
  });

  it('every flag, reason and link names its source and says why in both languages', () => {
    fc.assert(
      fc.property(input, (given) => {
        const result = screen(given, LAW_POLICY);
        [...result.reasons, ...result.flags].forEach((item) => {
          expect(item.source).toMatch(/\S/);
          expect(item.reason.bg.length).toBeGreaterThan(0);
          expect(item.reason.en.length).toBeGreaterThan(0);
        });
        if (result.outcome === 'needs-registrar') expect(result.flags.length + result.duplicateOf.length).toBeGreaterThan(0);
      }),
    );
  });
});
