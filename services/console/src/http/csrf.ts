import { csrfSync } from 'csrf-sync';
import type { NextFunction, Response } from 'express';
import type { ConsoleRequest } from './console-request';
import { answerError } from './answers';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The synchronizer-token pattern (OWASP CSRF cheat sheet): every state-changing request carries the session's
 * token in `X-CSRF-Token`, which another site's page cannot read; and its `Origin`, when the browser sends one,
 * must be the console's own.
 */
export function csrfProtection(publicUrl: string) {
  const origin = new URL(publicUrl).origin;
  const { isRequestValid } = csrfSync({
    getTokenFromRequest: (req) => req.header(CSRF_HEADER),
    getTokenFromState: (req) => (req as ConsoleRequest).consoleSession?.csrfToken,
  });
  return (req: ConsoleRequest, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    const from = req.header('origin');
    if (from !== undefined && from !== origin) return answerError(res, 403, 'Origin', `requests must come from ${origin}`);
    if (!req.consoleSession || !isRequestValid(req)) {
      return answerError(res, 403, 'X-CSRF-Token', 'missing or not the token of this session (GET /session gives it)');
    }
    next();
  };
}
