import type { LocalizedText } from '../shared/vocabulary';
import type { ExclusionCode } from '../tenants/charter-parts.schema';
import { ALL_EXCLUSIONS, flagApplies } from './exclusions';
import type { ScreeningPolicy } from './policy';
import { tokenize } from './text';
import { cited, type ScreeningFlag } from './types';
import { wordMatcher, type WordMatcher } from './word-list';
import { BASE_WORD_LISTS, TEXT_FLAG_CODES, type TextFlagCode } from './wordlists';

/**
 * Word-list flags: passages a registrar must look at before the case goes on. The charters let the
 * administration leave such texts unanswered, but only as a recorded decision, so these never decide the
 * outcome on their own.
 */

const REASONS: Readonly<Record<TextFlagCode, LocalizedText>> = {
  'offensive-language': {
    bg: 'Текстът съдържа нецензурни или обидни изрази: регистраторът решава дали да се отговори и записва защо.',
    en: 'The text contains obscene or offensive language: the registrar decides whether to answer and records why.',
  },
  'personal-data': {
    bg: 'Текстът споменава или иска лични данни (напр. ЕГН, адрес или телефон на друго лице): отговор, който ги разкрива, не се дава.',
    en: "The text mentions or asks for personal data (e.g. an ЕГН, someone's address or phone): no answer may disclose them.",
  },
  'classified-information': {
    bg: 'Текстът иска класифицирана информация: отговор, който я разкрива, не се дава.',
    en: 'The text asks for classified information: no answer may disclose it.',
  },
  'corruption-indicator': {
    bg: 'Текстът съдържа признаци на корупция: регистраторът преценява насочването към звеното за противодействие на корупцията и към прокуратурата.',
    en: 'The text shows signs of corruption: the registrar considers routing it to the anti-corruption unit and to the prosecutor.',
  },
};

// Word lists compile once per distinct set of extra words: screening runs often, policies change rarely.
const matchers = new Map<string, WordMatcher>();
function matcherFor(code: TextFlagCode, extraWords: readonly string[]): WordMatcher {
  const key = `${code}\u0000${extraWords.join('\u0000')}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    const base = BASE_WORD_LISTS[code];
    matcher = wordMatcher([...base.entries, ...extraWords], base.exceptions);
    matchers.set(key, matcher);
  }
  return matcher;
}

/** The word-list flags a text raises, among those the tenant's charter exclusions allow (exclusions.ts). */
export function textFlags(text: string, policy: ScreeningPolicy, exclusions: readonly ExclusionCode[] = ALL_EXCLUSIONS): ScreeningFlag[] {
  const tokenized = tokenize(text);
  return TEXT_FLAG_CODES.filter((code) => flagApplies(code, exclusions)).flatMap((code) => {
    const rule = policy.flags[code];
    const matched = matcherFor(code, rule.extraWords).find(tokenized);
    return matched.length === 0 ? [] : [{ code, reason: REASONS[code], matched, ...cited(rule.source) }];
  });
}
