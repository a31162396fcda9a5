import type { Language } from '@civic/domain';
import type { NextFunction, Request, Response } from 'express';
import { isLanguage } from '../i18n';

export const LANGUAGE_COOKIE = 'portal-lang';
const YEAR_MS = 365 * 86_400_000;

/** The page's language, as the language middleware found it. */
export const languageOf = (res: Response): Language => (isLanguage(res.locals.language) ? res.locals.language : 'bg');

function cookieLanguage(header: string | undefined): Language | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANGUAGE_COOKIE && isLanguage(value)) return value;
  }
  return undefined;
}

/**
 * Bulgarian unless the citizen chose English: `?lang=en` (the switch is a plain link) chooses it and keeps the choice
 * in a cookie, which holds nothing but the language.
 */
export function languageMiddleware(publicUrl: string) {
  const secure = new URL(publicUrl).protocol === 'https:';
  return (req: Request, res: Response, next: NextFunction): void => {
    const asked = req.query.lang;
    if (isLanguage(asked)) {
      res.locals.language = asked;
      res.cookie(LANGUAGE_COOKIE, asked, { maxAge: YEAR_MS, httpOnly: true, sameSite: 'lax', secure, path: '/' });
    } else {
      res.locals.language = cookieLanguage(req.headers.cookie) ?? 'bg';
    }
    next();
  };
}
