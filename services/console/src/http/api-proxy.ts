import type { NextFunction, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { AccessTokens } from '../auth/access-tokens';
import { BACKENDS, type Backend } from '../config';
import type { ConsoleRequest } from './console-request';
import { answerError } from './answers';
import type { SessionCookie } from './session-cookie';
import type { SessionStore } from '../session/session-store';

/** Staff work only on tenant routes and the ops' admin routes; nothing else of a service is reachable here. */
const FORWARDED_PATH = /^\/(tenants|admin)\//;
const BEARER = Symbol('bearer');
type ForwardedRequest = ConsoleRequest & { [BEARER]?: string };

/**
 * `/api/<service>/<path>` → the service's `<path>`, with the person's access token as the bearer and without
 * the console's cookie. The services decide what the person may see and do; the console adds no rule of its own.
 */
export function apiProxy(urls: Record<Backend, string>, tokens: AccessTokens, store: SessionStore, cookie: SessionCookie): RequestHandler {
  const proxies = new Map<string, RequestHandler>(
    BACKENDS.map((backend) => [
      backend,
      createProxyMiddleware<ForwardedRequest, Response>({
        target: urls[backend],
        changeOrigin: true,
        proxyTimeout: 60_000,
        on: {
          proxyReq: (proxyReq, req) => {
            proxyReq.removeHeader('cookie');
            proxyReq.removeHeader('x-csrf-token');
            proxyReq.setHeader('authorization', `Bearer ${req[BEARER]}`);
          },
          error: (_error, _req, res) => {
            if ('status' in res && !res.headersSent) answerError(res, 502, 'service', 'the service did not answer; try again shortly');
          },
        },
      }) as RequestHandler,
    ]),
  );

  return (req: ForwardedRequest, res: Response, next: NextFunction): void => {
    const match = /^\/([a-z-]+)(\/[^?]*)?(\?.*)?$/.exec(req.url);
    const proxy = match && proxies.get(match[1]);
    const path = match?.[2] ?? '/';
    if (!proxy || !FORWARDED_PATH.test(path)) return answerError(res, 404, 'path', 'no such API');
    const session = req.consoleSession;
    if (!session?.user) return answerError(res, 401, 'session', 'not signed in');
    tokens
      .current(session)
      .then(async (bearer) => {
        if (!bearer) {
          await store.destroy(session.id);
          cookie.clear(res);
          return answerError(res, 401, 'session', 'the session has ended; sign in again');
        }
        req[BEARER] = bearer;
        req.url = path + (match?.[3] ?? '');
        proxy(req, res, next);
      })
      .catch(next);
  };
}
