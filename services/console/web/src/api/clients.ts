import createClient from 'openapi-fetch';
import type { paths as AnalyticsPaths } from './generated/analytics';
import type { paths as DeadlineWatchPaths } from './generated/deadline-watch';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as NotificationPaths } from './generated/notification';
import type { paths as RoutingPaths } from './generated/routing';
import { sessionMiddleware } from './middleware';

// One typed client per back-end service, through the console server's proxy at /api/<service>.
// The browser holds no token: the session cookie goes along (same origin) and the server adds the bearer token.
function serviceClient<Paths extends object>(service: string) {
  const client = createClient<Paths>({ baseUrl: `/api/${service}`, credentials: 'same-origin' });
  client.use(sessionMiddleware);
  return client;
}

export const intake = serviceClient<IntakePaths>('intake');
export const analytics = serviceClient<AnalyticsPaths>('analytics');
export const deadlineWatch = serviceClient<DeadlineWatchPaths>('deadline-watch');
export const notification = serviceClient<NotificationPaths>('notification');
export const routing = serviceClient<RoutingPaths>('routing');
