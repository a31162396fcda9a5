import type { Language } from '@civic/domain';
import { formatBytes } from '../format/dates';
import { bg, type Dictionary } from './bg';
import { en } from './en';

export type { Dictionary };

const DICTIONARIES: Record<Language, Dictionary> = { bg, en };

export function dictionaryOf(language: Language): Dictionary {
  return DICTIONARIES[language];
}

/** The error messages a problem can name (the summary's title is not one). */
export type ErrorKey = Exclude<keyof Dictionary['errors'], 'summaryTitle'>;

/** A value in a message: text as is, a number with the language's grouping, a size in words. */
export type MessageArg = string | number | { bytes: number };

/**
 * One problem with what the citizen sent, in no language yet: the field it belongs to (a form control's name,
 * or `summary` for what belongs to no field) and the message to show, resolved when the page is rendered.
 */
export interface Problem {
  field: string;
  key: ErrorKey;
  args?: MessageArg[];
  /** intake's own words, shown beside a message the portal has no translation for. */
  detail?: string;
}

const LOCALES: Record<Language, string> = { bg: 'bg-BG', en: 'en-GB' };

function formatArg(arg: MessageArg, language: Language): string {
  if (typeof arg === 'number') return new Intl.NumberFormat(LOCALES[language]).format(arg);
  if (typeof arg === 'object') return formatBytes(arg.bytes, language);
  return arg;
}

export function messageOf(problem: Problem, language: Language): string {
  const entry = dictionaryOf(language).errors[problem.key] as string | ((...args: string[]) => string);
  if (typeof entry === 'string') return entry;
  return entry(...(problem.args ?? []).map((arg) => formatArg(arg, language)));
}

/** "сигнали и предложения", "signals and proposals": a list in the language's words. */
export function listInWords(items: string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }).format(items);
}

export const isLanguage = (value: unknown): value is Language => value === 'bg' || value === 'en';
