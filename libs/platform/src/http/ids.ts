import { badRequest } from './error-body';

/** A UUID of versions 1 to 8 (RFC 9562), as every id the platform makes: case, message, data subject. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Route parameters that must be ids: a 400 naming each bad one, never a lookup of garbage. */
export function requireUuids(ids: Readonly<Record<string, string>>): void {
  const bad = Object.entries(ids).filter(([, value]) => !UUID_PATTERN.test(value));
  if (bad.length > 0) throw badRequest(bad.map(([field]) => ({ field, reason: 'must be a UUID' })));
}
