import fc from 'fast-check';
import { chooseOfficer, type OfficerLoad } from '../../src/routing';

const officer = (id: string, openCases: number, o: Partial<OfficerLoad> = {}): OfficerLoad => ({
  id,
  unit: 'roads',
  absent: false,
  openCases,
  ...o,
});

describe('chooseOfficer: assignment within a unit', () => {
  it('least open cases per officer: given officers of the unit, then the one with the fewest open cases gets the case', () => {
    expect(chooseOfficer([officer('a', 5), officer('b', 2), officer('c', 3)], 'roads')).toEqual({
      type: 'OfficerChosen',
      officerId: 'b',
      openCases: 2,
    });
  });

  it('skipping absent officers: given the least busy officer is away, then the next one gets the case', () => {
    expect(chooseOfficer([officer('a', 5), officer('b', 0, { absent: true }), officer('c', 3)], 'roads')).toMatchObject({ officerId: 'c' });
  });

  it('only officers of the unit the case was routed to are considered', () => {
    expect(chooseOfficer([officer('a', 5), officer('b', 0, { unit: 'taxes' })], 'roads')).toMatchObject({ officerId: 'a' });
  });

  it('Determinism: given a tie, then the smallest id wins, whatever the order of the list', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([officer('o-3', 1), officer('o-1', 1), officer('o-2', 1), officer('o-0', 4)], { minLength: 4 }),
        (officers) => {
          expect(chooseOfficer(officers, 'roads')).toMatchObject({ officerId: 'o-1' });
        },
      ),
    );
  });

  it('given nobody present in the unit, then a named result says the head of unit assigns, in both languages', () => {
    const choice = chooseOfficer([officer('a', 0, { absent: true }), officer('b', 0, { unit: 'taxes' })], 'roads');
    expect(choice).toMatchObject({ type: 'NoOfficerAvailable', unit: 'roads' });
    if (choice.type === 'NoOfficerAvailable') {
      expect(choice.message.en).toMatch(/head of the unit/);
      expect(choice.message.bg).toMatch(/началникът на звеното/);
    }
    expect(chooseOfficer([], 'roads')).toMatchObject({ type: 'NoOfficerAvailable' });
  });
});
