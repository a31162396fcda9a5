import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTenantCharter, publicInformation, termInWords } from './index';

const charter = (slug: string) =>
  parseTenantCharter(JSON.parse(readFileSync(join(__dirname, '..', '..', 'tenants', `${slug}.json`), 'utf8')), `${slug}.json`);

describe('what a municipality publishes for citizens', () => {
  const peshtera = publicInformation(charter('peshtera'));

  it('its name, address and opening hours, by weekday in both languages (Peshtera: 08:30–17:30 on working days)', () => {
    expect(peshtera.name).toEqual({ bg: 'Община Пещера', en: 'Peshtera Municipality' });
    expect(peshtera.openingHours).toHaveLength(5);
    expect(peshtera.openingHours[0]).toEqual({
      weekday: 1,
      day: { bg: 'понеделник', en: 'Monday' },
      intervals: [{ from: '08:30', to: '17:30' }],
    });
  });

  it('every kind with the term the tenant policy gives it, in words; the charter promises complaints a month', () => {
    expect(peshtera.kinds.find((kind) => kind.kind === 'complaint')).toMatchObject({
      name: { bg: 'Жалби', en: 'Complaints' },
      term: { unit: 'months', amount: 1 },
      within: { bg: '1 месец', en: '1 month' },
    });
    expect(peshtera.kinds.find((kind) => kind.kind === 'praise')?.within).toEqual({ bg: 'без законов срок', en: 'no legal term' });
  });

  it("the channels it offers and its categories, named; none of the data files' developer notes", () => {
    expect(peshtera.channels[0]).toEqual({ channel: 'in-person', name: { bg: 'На място', en: 'In person' } });
    expect(peshtera.categories.length).toBeGreaterThan(0);
    expect(JSON.stringify(peshtera)).not.toMatch(/"source"|check/);
  });

  it('reception days name the official, and say when the charter names no day', () => {
    const sopot = publicInformation(charter('sopot'));
    expect(sopot.receptionDays[0]).toMatchObject({ official: 'mayor', title: { bg: 'Кмет', en: 'Mayor' }, weekday: null, day: null });
  });

  it('terms in words, singular and plural', () => {
    expect(termInWords({ unit: 'working-days', amount: 14 })).toEqual({ bg: '14 работни дни', en: '14 working days' });
    expect(termInWords({ unit: 'calendar-days', amount: 1 })).toEqual({ bg: '1 ден', en: '1 day' });
    expect(termInWords({ unit: 'months', amount: 2 })).toEqual({ bg: '2 месеца', en: '2 months' });
  });
});
