import type { NextFunction, Request, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request comes from the portal's own pages. Browsers say so in `Sec-Fetch-Site`;
 * where they do not, `Origin`, and failing that `Referer`, must be the portal's. With `Referrer-Policy:
 * no-referrer` a browser's form post carries `Origin: null` (Fetch standard), so `Sec-Fetch-Site` is what a
 * current browser proves it by; a browser too old to send it gets a clear refusal rather than a forgery passing.
 */
export function fromOwnPages(req: Pick<Request, 'headers'>, origin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const from = req.headers.origin;
  if (typeof from === 'string' && from !== 'null') return from === origin;
  const referer = req.headers.referer;
  if (typeof referer === 'string') {
    try {
      return new URL(referer).origin === origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** 403 before anything is read or forwarded, for every POST that does not come from the portal's pages (CSRF). */
export function sameOriginPosts(publicUrl: string, refuse: (req: Request, res: Response) => void) {
  const origin = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method) || fromOwnPages(req, origin)) return next();
    refuse(req, res);
  };
}
