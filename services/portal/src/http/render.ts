import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Response } from 'express';

/**
 * How long a page may be kept: `case` pages (a case, or what someone typed) never; a form with its idempotency key
 * in the browser's own cache only, so that going back and sending it again sends the same key; public pages
 * revalidated each time.
 */
export type PageCaching = 'case' | 'form' | 'public';

const CACHE_CONTROL: Record<PageCaching, string> = {
  case: 'no-store',
  form: 'private, no-cache',
  public: 'no-cache',
};

/** A server-rendered page: plain HTML, no script. */
export function sendPage(res: Response, status: number, page: ReactElement, caching: PageCaching): void {
  res
    .status(status)
    .set('Cache-Control', CACHE_CONTROL[caching])
    .type('html')
    .send(`<!DOCTYPE html>${renderToStaticMarkup(page)}`);
}
