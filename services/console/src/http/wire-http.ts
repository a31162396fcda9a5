import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { AccessTokens } from '../auth/access-tokens';
import { ACCESS_TOKENS, SESSION_COOKIE, SESSION_STORE } from '../auth/tokens';
import { PlatformMetrics, httpMetricsMiddleware } from '@civic/platform';
import { backendUrls, type ConsoleConfig } from '../config';
import { consoleRoute } from './console-route';
import { apiProxy } from './api-proxy';
import type { SessionCookie } from './session-cookie';
import { loadSession } from './session.middleware';
import type { SessionStore } from '../session/session-store';
import { csrfProtection } from './csrf';
import { securityHeaders } from './security-headers';

/** Paths the server answers itself; every other GET that asks for a page gets the single-page app. */
const SERVER_PATHS = /^\/(api|auth|session|health|assets|metrics)(\/|$)|^\/platform\/health$/;

/** The built single-page app: `dist/services/console/web`, next to the compiled server. */
export const defaultWebDir = () => join(__dirname, '..', '..', 'web');

/**
 * Express-level wiring, in order: request metrics, security headers, the session, CSRF on every state-changing request,
 * the API forwarding, the app's files (hashed assets cached for a year, the page itself never).
 */
export function wireHttp(app: NestExpressApplication, config: ConsoleConfig): void {
  const store = app.get<SessionStore>(SESSION_STORE);
  const cookie = app.get<SessionCookie>(SESSION_COOKIE);
  const tokens = app.get<AccessTokens>(ACCESS_TOKENS);
  const webDir = config.CONSOLE_WEB_DIR ?? defaultWebDir();
  const indexHtml = join(webDir, 'index.html');

  app.disable('x-powered-by');
  app.use(httpMetricsMiddleware(app.get(PlatformMetrics), consoleRoute));
  app.use(securityHeaders(config.CONSOLE_PUBLIC_URL));
  app.use(loadSession(store, cookie));
  app.use(csrfProtection(config.CONSOLE_PUBLIC_URL));
  app.use('/api', apiProxy(backendUrls(config), tokens, store, cookie));
  app.useStaticAssets(join(webDir, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d', index: false });
  app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
    if (!existsSync(indexHtml)) {
      res.status(503).type('text').send(`The console's pages are not built (${indexHtml}): npx nx run console:build`);
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
