import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import type { ReactElement } from 'react';
import { pageContext, type PageContext } from '../pages/context';
import { languageOf } from './language';
import { sendPage, type PageCaching } from './render';

/** The portal's own files (the stylesheet, the icon): `src/assets`, copied next to the compiled code by the build. */
export const ASSETS_DIR = join(__dirname, '..', 'assets');

/** Query parameters the language switch keeps (anything else is dropped from its link). */
const KEPT = ['submitted', 'code'];

/** What every page handler needs: the page's context from the request, and sending the page. */
export class Pages {
  readonly stylesheet: string;

  constructor(assetsDir: string = ASSETS_DIR) {
    const css = readFileSync(join(assetsDir, 'portal.css'));
    this.stylesheet = `/assets/portal.css?v=${createHash('sha256').update(css).digest('hex').slice(0, 12)}`;
  }

  context(req: Request, res: Response): PageContext {
    const query: Record<string, string> = {};
    for (const name of KEPT) {
      const value = req.query[name];
      if (typeof value === 'string') query[name] = value;
    }
    return pageContext(languageOf(res), req.path, query, this.stylesheet);
  }

  send(res: Response, status: number, page: ReactElement, caching: PageCaching): void {
    sendPage(res, status, page, caching);
  }
}
