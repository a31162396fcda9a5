import type { NestExpressApplication } from '@nestjs/platform-express';
import { PlatformMetrics, httpMetricsMiddleware } from '@civic/platform';
import express, { type Request, type Response } from 'express';
import type { PortalConfig } from '../config';
import { messagePage } from '../pages/MessagePage';
import { languageMiddleware } from './language';
import { ASSETS_DIR, Pages } from './pages';
import { sameOriginPosts } from './same-origin';
import { securityHeaders } from './security-headers';

/** The metrics' route label of a request no route answers: the assets, or a page that is not there. */
const assetRoute = (path: string) => (path.startsWith('/assets/') ? '/assets' : 'unmatched');

/**
 * Express-level wiring, in order: request metrics, the client's address behind a trusted proxy, security headers,
 * the page's language, the same-origin check on every POST, form bodies (multipart is read by the submission's
 * handler, within the tenant's limits), and the portal's own stylesheet and icon.
 */
export function wireHttp(app: NestExpressApplication, config: PortalConfig): void {
  const pages = app.get(Pages);
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(httpMetricsMiddleware(app.get(PlatformMetrics), assetRoute));
  app.use(securityHeaders(config.PORTAL_PUBLIC_URL));
  app.use(languageMiddleware(config.PORTAL_PUBLIC_URL));
  app.use(
    sameOriginPosts(config.PORTAL_PUBLIC_URL, (req: Request, res: Response) => {
      const ctx = pages.context(req, res);
      pages.send(res, 403, messagePage(ctx, ctx.t.errorPages.forbiddenTitle, 'forbidden', ctx.t.errorPages.forbiddenText), 'case');
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 50 }));
  app.useStaticAssets(ASSETS_DIR, { prefix: '/assets', index: false, maxAge: '1d', fallthrough: true });
}
