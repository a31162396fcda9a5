import type { Language } from '@civic/domain';
import { dictionaryOf, messageOf, type Dictionary, type Problem } from '../i18n';

/** What every page needs to render: the language, its dictionary, where it is (for the language switch). */
export interface PageContext {
  language: Language;
  t: Dictionary;
  /** The page's path, for the language switch (its query is kept, but `lang`). */
  path: string;
  query: Record<string, string>;
  /** The stylesheet's address, with its content hash so a new version is never a stale cached one. */
  stylesheet: string;
}

export function pageContext(language: Language, path: string, query: Record<string, string>, stylesheet: string): PageContext {
  return { language, t: dictionaryOf(language), path, query, stylesheet };
}

/** A problem in the page's language. */
export const say = (ctx: PageContext, problem: Problem): string => messageOf(problem, ctx.language);

/** The address of the same page in the other language: the switch is a plain link (no script), which also sets the cookie. */
export function switchHref(ctx: PageContext): string {
  const other: Language = ctx.language === 'bg' ? 'en' : 'bg';
  const params = new URLSearchParams({ ...ctx.query, lang: other });
  return `${ctx.path}?${params.toString()}`;
}
