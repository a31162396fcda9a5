import { BACKENDS } from '../config';

/**
 * The metrics' route label of a request no Nest route answers: the backend of a forwarded call, the assets, or
 * a page of the app. Never the path itself: case ids in it would make a series per case.
 */
export function consoleRoute(path: string): string {
  const api = /^\/api\/([^/?]+)/.exec(path)?.[1];
  if (api) return (BACKENDS as readonly string[]).includes(api) ? `/api/${api}` : '/api/unknown';
  if (path.startsWith('/assets/')) return '/assets';
  return 'page';
}
