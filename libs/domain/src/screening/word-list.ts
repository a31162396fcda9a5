import { z } from 'zod';
import { normalizeWord, type TokenizedText } from './text';

/**
 * Word-list patterns: words separated by spaces; a word ending in `*` is a stem matched at the start of a
 * word (so declensions match: "подкуп*" finds "подкупи", "подкупен"), any other word must match whole.
 * Example: "лични* данн*" finds "личните данни".
 */
export const WORD_PATTERN = /^[\p{L}\p{N}]+\*?( [\p{L}\p{N}]+\*?)*$/u;
export const wordPatternSchema = z.string().regex(WORD_PATTERN, 'expected words separated by spaces, each optionally ending in *');
const singleWordSchema = z.string().regex(/^[\p{L}\p{N}]+\*?$/u, 'expected one word, optionally ending in *');

/** A maintained list: what it flags, where the duty comes from, what to find, and known innocent words. */
export const wordListSchema = z
  .object({
    source: z.string().min(1),
    entries: z.array(wordPatternSchema).min(1),
    /** Words a stem would catch but which are innocent ("лайн*" would catch "лайнер"). One word each. */
    exceptions: z.array(singleWordSchema),
  })
  .strict();
export type WordList = z.infer<typeof wordListSchema>;

interface PatternWord {
  stem: string;
  wholeWord: boolean;
}
type Pattern = PatternWord[];

function compile(pattern: string): Pattern {
  return pattern
    .trim()
    .split(/\s+/)
    .map((word) => ({ stem: normalizeWord(word.replace(/\*$/, '')), wholeWord: !word.endsWith('*') }));
}

function wordMatches(word: PatternWord, key: string): boolean {
  return word.wholeWord ? key === word.stem : key.startsWith(word.stem);
}

/** A compiled list, ready to search texts with. */
export interface WordMatcher {
  /** The matched passages, as written, each once, in the order they appear. */
  find(text: TokenizedText): string[];
}

export function wordMatcher(entries: readonly string[], exceptions: readonly string[]): WordMatcher {
  const patterns = entries.map(compile);
  const innocent = exceptions.map((exception) => compile(exception)[0]);
  const isInnocent = (key: string): boolean => innocent.some((word) => wordMatches(word, key));

  return {
    find({ text, tokens }) {
      const found: string[] = [];
      tokens.forEach((_, at) => {
        for (const pattern of patterns) {
          const words = tokens.slice(at, at + pattern.length);
          if (words.length < pattern.length) continue;
          const matches = pattern.every((word, i) => wordMatches(word, words[i].key) && !isInnocent(words[i].key));
          if (!matches) continue;
          const passage = text.slice(words[0].start, words[words.length - 1].end);
          if (!found.includes(passage)) found.push(passage);
        }
      });
      return found;
    },
  };
}
