import { z } from 'zod';
import { wordListSchema, type WordList } from '../word-list';
import classifiedInformation from './classified-information.json';
import corruptionIndicator from './corruption-indicator.json';
import offensiveLanguage from './offensive-language.json';
import personalData from './personal-data.json';
import stopWords from './stop-words.json';

/**
 * The maintained word lists, as data beside this file. They are checked when loaded so that a bad edit
 * fails the first test that screens anything, not a citizen's submission months later.
 */

/** What a word list flags for the registrar. */
export const TEXT_FLAG_CODES = ['offensive-language', 'personal-data', 'classified-information', 'corruption-indicator'] as const;
export type TextFlagCode = (typeof TEXT_FLAG_CODES)[number];

export const BASE_WORD_LISTS: Readonly<Record<TextFlagCode, WordList>> = {
  'offensive-language': wordListSchema.parse(offensiveLanguage),
  'personal-data': wordListSchema.parse(personalData),
  'classified-information': wordListSchema.parse(classifiedInformation),
  'corruption-indicator': wordListSchema.parse(corruptionIndicator),
};

const stopWordsSchema = z.object({ source: z.string().min(1), words: z.array(z.string().min(1)).min(1) }).strict();

/** Function words left out when texts are compared for duplicates. */
export const STOP_WORDS: ReadonlySet<string> = new Set(stopWordsSchema.parse(stopWords).words);
