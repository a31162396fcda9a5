import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusClass } from './lag';
import type { PlatformMetrics } from './platform-metrics';

/** Probes and scrapes are not traffic: counting them would drown the requests people make. */
const NOT_COUNTED = /^\/(health|metrics)(\/|$|\?)/;

interface RoutedRequest extends IncomingMessage {
  /** Express sets it when a route matched: its path is the template (`/tenants/:tenant/cases/:caseId`). */
  route?: { path?: unknown };
  originalUrl?: string;
}

/**
 * The route label: the matched template, never the raw URL (ids in it would make a series per case). A wildcard
 * template is Nest's own catch-all (middleware and the not-found handler are mounted as `/{*path}`), which only
 * remains when no controller matched: the platform's controllers have no wildcard routes.
 */
export function routeLabel(req: RoutedRequest, fallback: (path: string) => string = () => 'unmatched'): string {
  const template = req.route?.path;
  if (typeof template === 'string' && template.length > 0 && !template.includes('*')) return template;
  return fallback((req.originalUrl ?? req.url ?? '').replace(/\?.*$/, ''));
}

/**
 * Express-style middleware counting every answered request and timing it. Labels are read when the answer is
 * finished, after routing, so guards' 401/403 and unmatched 404s are counted too.
 */
export function httpMetricsMiddleware(metrics: PlatformMetrics, fallbackRoute?: (path: string) => string) {
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    if (NOT_COUNTED.test(req.originalUrl ?? req.url ?? '')) return next();
    const end = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const labels = { route: routeLabel(req, fallbackRoute), method: req.method ?? 'OTHER', status_class: statusClass(res.statusCode) };
      metrics.httpRequests.inc(labels);
      end(labels);
    });
    next();
  };
}
