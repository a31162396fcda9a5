import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { z } from 'zod';
import { errorBody } from './error-body';

/**
 * `CORS_ORIGINS`: the origins (scheme, host and port, nothing else: RFC 6454) whose pages may call the service
 * from a browser, comma-separated. Empty, the default: none. Browsers reach the services only through the
 * console's backend and the portal, both same-origin, so a deployment sets this only for a front of its own.
 */
export const corsOrigins = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const origins = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const bad = origins.filter((origin) => !isOrigin(origin));
    if (bad.length > 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be a comma-separated list of origins such as https://console.example.bg (no path, no trailing slash, no *); not: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return origins;
  });

/** A DNS name or an IP address; URL lets through characters such as `*` that no host has. */
const HOST = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;

/** `https://host[:port]` exactly as a browser sends it in `Origin`: what URL serializes back to the same text. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value && HOST.test(url.hostname);
  } catch {
    return false;
  }
}

/** What a page of an allowed origin may send and read: the headers the APIs take and answer with. */
const REQUEST_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id'];
const RESPONSE_HEADERS = ['ETag', 'Location', 'Retry-After', 'Content-Disposition', 'X-Audit-Record', 'X-Correlation-Id'];

/**
 * Nest's `enableCors` options for the allowed origins: exact matches only (never a pattern, never a reflected
 * `Origin`), no credentials (the services take bearer tokens, never cookies), preflights cached 10 minutes.
 */
export function corsOptions(origins: readonly string[]): CorsOptions {
  const allowed = new Set(origins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: REQUEST_HEADERS,
    exposedHeaders: RESPONSE_HEADERS,
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  };
}

/** A CORS preflight (Fetch standard, "CORS-preflight request"): OPTIONS with an Origin and the method it asks for. */
export const isPreflight = (request: IncomingMessage): boolean =>
  request.method === 'OPTIONS' && request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined;

/**
 * Refuses a preflight from an origin not in the list with 403 and the platform's error body, so that it never
 * reaches a route (Express would answer OPTIONS on a known path with 200 and `Allow`). The browser refuses
 * the cross-origin call anyway without `Access-Control-Allow-Origin`; this says so plainly.
 */
export function refuseForeignPreflights(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const origin = request.headers.origin;
    if (!isPreflight(request) || (origin !== undefined && allowed.has(origin))) return next();
    const status = HttpStatus.FORBIDDEN;
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(errorBody(status, [{ field: 'Origin', reason: `cross-origin requests from ${origin} are not allowed` }])));
  };
}
