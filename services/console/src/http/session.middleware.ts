import type { NextFunction, Response } from 'express';
import type { ConsoleRequest } from './console-request';
import type { SessionCookie } from './session-cookie';
import type { SessionStore } from '../session/session-store';

/** Loads the session the cookie names (sliding its expiry); an unknown or ended one is forgotten. */
export function loadSession(store: SessionStore, cookie: SessionCookie) {
  return (req: ConsoleRequest, res: Response, next: NextFunction): void => {
    const id = cookie.read(req);
    if (!id) return next();
    store
      .touch(id)
      .then((session) => {
        if (session) req.consoleSession = session;
        else cookie.clear(res);
        next();
      })
      .catch(next);
  };
}
