import { tokenize } from './text';
import { wordMatcher } from './word-list';
import { BASE_WORD_LISTS } from './wordlists';

// Peshtera charter, 'Важно е да се знае', point 2; Momchilgrad charter, IV: texts with obscene language are
// flagged for the registrar. The lists match stems at word starts, ignoring case, in either script.
const offensive = BASE_WORD_LISTS['offensive-language'];
const find = (entries: string[], text: string, exceptions: string[] = []) => wordMatcher(entries, exceptions).find(tokenize(text));

describe('word lists: stems at word starts, Cyrillic-aware (charters: offensive language is flagged)', () => {
  it('a stem matches its declensions and ignores case', () => {
    expect(find(['подкуп*'], 'Искаха ПОДКУП, после подкупите растяха.')).toEqual(['ПОДКУП', 'подкупите']);
  });

  it('a word without * matches only the whole word', () => {
    expect(find(['prick'], 'a prick, but a prickly bush')).toEqual(['prick']);
  });

  it('a stem never matches inside a word', () => {
    expect(find(['лайн*'], 'онлайн услуга')).toEqual([]);
  });

  it('a phrase matches consecutive words and returns the passage as written', () => {
    expect(find(['лични* данн*'], 'Искам ЛИЧНИТЕ   данни на съседа.')).toEqual(['ЛИЧНИТЕ   данни']);
  });

  it('a word mixing Latin look-alikes into Cyrillic is read as Cyrillic', () => {
    expect(find(['подкуп*'], 'искат пoдкуп (with a Latin o)')).toEqual(['пoдкуп']);
  });

  it('exceptions keep innocent words that share a stem out', () => {
    expect(find(['лайн*'], 'Лайнерът спря на пристанището.', ['лайнер*'])).toEqual([]);
  });

  it.each([
    ['педалите на велосипеда', 'bicycle pedals are not a slur'],
    ['Лайнерът акостира', 'an ocean liner'],
    ['онлайн формуляр', 'online'],
    ['Please assess the class assignment', 'assess, class, assignment'],
    ['Scunthorpe and Essex', 'a stem inside a word'],
    ['кучето на съседите лае', 'a dog'],
    ['мръсната улица не е почистена', 'a dirty street'],
    ['боклукът не е изхвърлен', 'uncollected rubbish'],
    ['тъпанът на оркестъра', 'a drum'],
    ['retardant paint', 'fire retardant'],
    ['shitake mushrooms', 'a misspelt mushroom'],
  ])('the maintained offensive list leaves innocent text alone: %s (%s)', (text) => {
    expect(find(offensive.entries, text, offensive.exceptions)).toEqual([]);
  });

  it.each([
    ['Вие сте идиоти', 'идиоти'],
    ['Кретени некадърни!', 'Кретени'],
    ['What a fucking mess', 'fucking'],
    ['Майната ти, общино', 'Майната ти'],
  ])('the maintained offensive list finds "%s"', (text, matched) => {
    expect(find(offensive.entries, text, offensive.exceptions)).toContain(matched);
  });
});
