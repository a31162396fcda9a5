import type { NextFunction, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { AccessTokens } from '../auth/access-tokens';
import { BACKENDS, type Backend } from '../config';
import type { ConsoleRequest } from './console-request';
import { answerError } from './answers';
import type { SessionCookie } from './session-cookie';
import type { SessionStore } from '../session/session-store';

/**
 * Staff work only on tenant routes, the ops' admin routes and the platform operator's municipalities
 * (`/platform/tenants/…` of intake); nothing else of a service is reachable here (its public API, /health, /docs).
 */
const FORWARDED_PATH = /^\/(tenants|admin|platform)\//;
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
    const target = forwardedTarget(req.url);
    const proxy = target && proxies.get(target.backend);
    if (!target || !proxy) return answerError(res, 404, 'path', 'no such API');
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
        req.url = target.url;
        proxy(req, res, next);
      })
      .catch(next);
  };
}

/**
 * Where `/api/<service><path>` goes (the URL as Express gives it under /api): the service and its path with the
 * query; `undefined` for a service that is not one of the five or a path the console does not forward.
 */
export function forwardedTarget(url: string): { backend: Backend; url: string } | undefined {
  const match = /^\/([a-z-]+)(\/[^?]*)?(\?.*)?$/.exec(url);
  const backend = match?.[1];
  const path = match?.[2] ?? '/';
  if (!backend || !(BACKENDS as readonly string[]).includes(backend) || !FORWARDED_PATH.test(path)) return undefined;
  return { backend: backend as Backend, url: path + (match?.[3] ?? '') };
}
