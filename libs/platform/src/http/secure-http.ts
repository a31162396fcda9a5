import type { NestExpressApplication } from '@nestjs/platform-express';
import { useBodyParsers } from './body-limits';
import { corsOptions, refuseForeignPreflights } from './cors';
import { securityHeaders } from './security-headers';
import { applyTrustProxy, type TrustProxy } from './trust-proxy';

/** The settings secureHttp reads (serviceConfigSchema has them). */
export interface HttpHardeningConfig {
  CORS_ORIGINS: readonly string[];
  HTTP_BODY_LIMIT_BYTES: number;
  /** Whose X-Forwarded-For names the client (trust-proxy.ts); unset: nobody's. */
  TRUST_PROXY?: TrustProxy;
}

/**
 * What every service's HTTP app gets before any route, in this order so that each answer (a refusal included)
 * carries it: the client's address as TRUST_PROXY lets proxies name it (`request.ip`), helmet's headers, then the CORS policy (none unless CORS_ORIGINS names origins; a preflight from any
 * other origin is refused with 403), then the body parsers with the deployment's limit (413 in the platform's
 * error body beyond it). The app must be created with `bodyParser: false`, or Nest's own parsers (100 kB)
 * would be skipped only because these are registered first (it checks by name), which is how a test's app
 * created without that option still gets these limits.
 *
 * Headers and URL: Node's HTTP parser refuses a request line and headers over `--max-http-header-size` (16 KiB
 * by default) with 431 before the app sees it, which also bounds the URL; the services keep that default.
 */
export function secureHttp(app: NestExpressApplication, config: HttpHardeningConfig): void {
  applyTrustProxy(app, config.TRUST_PROXY ?? false);
  app.use(securityHeaders());
  app.use(refuseForeignPreflights(config.CORS_ORIGINS));
  if (config.CORS_ORIGINS.length > 0) app.enableCors(corsOptions(config.CORS_ORIGINS));
  useBodyParsers(app, config.HTTP_BODY_LIMIT_BYTES);
}
