/**
 * The request as the access log shows it: the path with any tracking code replaced (whoever holds a code sees the
 * case, so a log must not hold one) and no query (`/track?code=…` holds one too).
 */
export function loggedPath(url: string): string {
  return url
    .replace(/\?.*$/s, '')
    .replace(/^(\/[^/]+\/cases\/)[^/]+/, '$1:code')
    .replace(/^(\/[^/]+\/confirm\/)[^/]+/, '$1:token');
}
