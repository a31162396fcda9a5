/**
 * Words of a submission as written and as compared. Screening works on words, not substrings, so that
 * a stem only matches at the start of a word ("лайн*" finds "лайна" but never "налайн").
 */

/** One word of the text: where it is, how it was written, and the key rules compare against. */
export interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

// Latin letters that look like Cyrillic ones: a word mixing both scripts ("пoдкуп" with a Latin "o") is
// the usual way round a word filter, so such a word is read as Cyrillic.
const LATIN_LOOKALIKES: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};

/** Lower case, composed, mixed-script words folded to Cyrillic. Same function for texts and word lists. */
export function normalizeWord(word: string): string {
  const lower = word.normalize('NFC').toLowerCase();
  if (!(CYRILLIC.test(lower) && LATIN.test(lower))) return lower;
  return Array.from(lower, (letter) => LATIN_LOOKALIKES[letter] ?? letter).join('');
}

/** A text in composed form with its words; token offsets point into `text`. */
export interface TokenizedText {
  text: string;
  tokens: Token[];
}

export function tokenize(raw: string): TokenizedText {
  const text = raw.normalize('NFC');
  const tokens = Array.from(text.matchAll(WORD), (match) => ({
    text: match[0],
    key: normalizeWord(match[0]),
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
  return { text, tokens };
}
