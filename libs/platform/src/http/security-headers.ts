import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** Where the services serve their Swagger UI (and its document, `/docs/openapi.json`). */
export const DOCS_PREFIX = '/docs';

/**
 * What every answer of a JSON API carries beside helmet's defaults (OWASP REST Security Cheat Sheet, "Security
 * headers"): a Content-Security-Policy that lets a response load nothing and be framed nowhere, `X-Frame-Options:
 * DENY` for browsers without CSP 2, no Referer. No HSTS: the services speak plain HTTP inside the platform's network
 * and browsers ignore HSTS over HTTP (RFC 6797 §8.1); the TLS front (console, portal, ingress) sends it for its host.
 */
const common: HelmetOptions = {
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
};

const json = helmet({
  ...common,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
});

/**
 * The Swagger UI page (@nestjs/swagger): its scripts, stylesheet and icons come from the service itself, but its
 * HTML holds inline `<style>` blocks and `style` attributes and its stylesheet draws icons as `data:` SVGs, so
 * styles may be inline and images `data:`. Scripts stay `'self'` only; "Try it out" calls the same origin.
 */
const docs = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
});

const isDocs = (url = ''): boolean => url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`) || url.startsWith(`${DOCS_PREFIX}?`);

/** helmet on every answer, errors included (it runs first): the Swagger UI's policy under `/docs`, the JSON one elsewhere. */
export function securityHeaders() {
  return (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void =>
    (isDocs(request.url) ? docs : json)(request, response, next);
}
