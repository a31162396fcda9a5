import { normalizeWord } from './text';
import { cited, type DuplicateSuggestion, type OpenCase } from './types';
import { STOP_WORDS } from './wordlists';

/**
 * Probable duplicates: the token-set (Jaccard) similarity of two texts after normalizing them. Crude on
 * purpose, so a registrar can see why two texts were linked: the shared words are the explanation.
 */

// Bulgarian definite articles and plural endings, longest first: "улицата", "улици" and "улица" compare
// equal once their endings are gone. English plural and verb endings likewise.
const CYRILLIC_ENDINGS = ['ията', 'ите', 'ата', 'ята', 'ият', 'ия', 'ът', 'ят', 'та', 'то', 'те', 'ове', 'а', 'я', 'и', 'е', 'о'];
const LATIN_ENDINGS = ['ing', 'ies', 'es', 'ed', 's'];
const MIN_STEM = 3;
// Longer words are cut here, so that different suffixes of one root ("ремонтиран", "ремонтът") still meet.
const MAX_STEM = 7;

function stem(word: string): string {
  const endings = /\p{Script=Cyrillic}/u.test(word) ? CYRILLIC_ENDINGS : LATIN_ENDINGS;
  const ending = endings.find((candidate) => word.endsWith(candidate) && word.length - candidate.length >= MIN_STEM);
  const stripped = ending ? word.slice(0, word.length - ending.length) : word;
  return stripped.slice(0, MAX_STEM);
}

/** The set of words a text is compared by: normalized, without function words, numbers or one-letter words. */
export function comparisonKeys(text: string): Set<string> {
  const words = text.normalize('NFC').match(/[\p{L}\p{M}]+/gu) ?? [];
  const keys = words
    .map(normalizeWord)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
  return new Set(keys);
}

/** |A ∩ B| / |A ∪ B|; two texts with no comparable words are not similar. */
export function similarity(a: string, b: string): number {
  return keySimilarity(comparisonKeys(a), comparisonKeys(b));
}

/** The same measure on key sets: unchanged when both sides' keys went through the same keyed hash. */
export function keySimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  const union = new Set([...left, ...right]).size;
  if (union === 0) return 0;
  const shared = [...left].filter((key) => right.has(key)).length;
  return shared / union;
}

/** `textKeys`: the new text's keys in the open cases' form (fingerprinted alike); omitted, computed from `text`. */
export function probableDuplicates(
  text: string,
  openCases: readonly OpenCase[],
  threshold: number,
  source: string | undefined,
  textKeys?: readonly string[],
): DuplicateSuggestion[] {
  const mine = textKeys === undefined ? comparisonKeys(text) : new Set(textKeys);
  return openCases
    .map((open) => ({ open, similar: keySimilarity(mine, 'keys' in open ? new Set(open.keys) : comparisonKeys(open.text)) }))
    .filter(({ similar }) => similar >= threshold)
    .map(({ open, similar }) => ({
      caseId: open.caseId,
      registryNumber: open.registryNumber,
      score: Math.round(similar * 100) / 100,
      ...cited(source),
    }))
    .sort((a, b) => b.score - a.score || a.caseId.localeCompare(b.caseId));
}
