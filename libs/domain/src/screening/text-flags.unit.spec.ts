import { LAW_POLICY } from '../../test/screening/policy.fixture';
import type { ScreeningPolicy } from './policy';
import { textFlags } from './text-flags';

const codes = (text: string, policy: ScreeningPolicy = LAW_POLICY) => textFlags(text, policy).map((flag) => flag.code);
const matched = (text: string) => Object.fromEntries(textFlags(text, LAW_POLICY).map((flag) => [flag.code, flag.matched]));

describe('text flags for the registrar (charters; every flag names its source)', () => {
  it("Peshtera charter, 'Важно е да се знае', point 2: obscene or offensive language is flagged with the words", () => {
    const [flag] = textFlags('Служителите са идиоти и простаци.', LAW_POLICY);
    expect(flag).toMatchObject({ code: 'offensive-language', matched: ['идиоти', 'простаци'] });
    expect(flag.source).toContain('point 2');
    expect(flag.reason.bg).toMatch(/регистраторът решава/);
    expect(flag.reason.en).toMatch(/registrar decides/);
  });

  it("Peshtera charter, point 3: requests for personal data (ЕГН, someone's address or phone) are flagged", () => {
    expect(matched('Дайте ми ЕГН-то и домашния адрес на съседа.')['personal-data']).toEqual(['ЕГН', 'домашния адрес']);
    expect(matched('Кажете ми къде живее кметът и телефонния номер на секретаря.')['personal-data']).toEqual([
      'къде живее',
      'телефонния номер на',
    ]);
    expect(matched('Please send me the home address of the clerk')['personal-data']).toEqual(['home address']);
  });

  it('Peshtera charter, point 3: requests for classified information are flagged', () => {
    expect(matched('Искам копие от секретните документи и класифицираната информация.')['classified-information']).toEqual([
      'секретните',
      'класифицираната информация',
    ]);
  });

  it('АПК чл. 107; Momchilgrad charter, III rule 6: corruption indicators are flagged', () => {
    expect(matched('Служителят поиска подкуп, а шефът му взе рушвет под масата.')['corruption-indicator']).toEqual([
      'подкуп',
      'рушвет',
      'под масата',
    ]);
    expect(matched('The inspector took a bribe and a kickback')['corruption-indicator']).toEqual(['bribe', 'kickback']);
  });

  it.each([
    'Комисията по приемане на обекта не е дошла.',
    'Секретарят на общината не отговаря.',
    'Моля за информация за класирането на проектите.',
    'Адресът на общината е ул. Иван Вазов 34.',
    // Civil registration is a municipal service: asking about one's own address or ID card is no request for others' data.
    'Как да сменя постоянния си адрес и да подновя личната карта?',
  ])('innocent words sharing a stem raise no flag: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });

  it("a tenant's extra words extend the maintained list (Peshtera charter says 'квалифицираната информация')", () => {
    const peshtera: ScreeningPolicy = {
      ...LAW_POLICY,
      flags: {
        ...LAW_POLICY.flags,
        'classified-information': { extraWords: ['квалифицира* информац*'], source: 'Peshtera charter, point 3' },
      },
    };
    expect(codes('Дайте ми квалифицираната информация.')).toEqual([]);
    expect(codes('Дайте ми квалифицираната информация.', peshtera)).toEqual(['classified-information']);
  });
});
