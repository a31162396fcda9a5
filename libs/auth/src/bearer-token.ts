import type { TokenRejection } from './rejections';

export type BearerResult = { ok: true; token: string } | { ok: false; rejection: TokenRejection };

/** A compact JWS: three base64url parts. Anything else is refused before any key is fetched. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The token from an `Authorization: Bearer <token>` header (RFC 6750 §2.1; the scheme is case-insensitive). */
export function bearerToken(header: string | string[] | undefined): BearerResult {
  if (header === undefined || header === '') {
    return { ok: false, rejection: { reason: 'missing-token', message: 'an Authorization: Bearer <token> header is required' } };
  }
  if (Array.isArray(header)) {
    return { ok: false, rejection: { reason: 'malformed-token', message: 'more than one Authorization header' } };
  }
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) {
    return { ok: false, rejection: { reason: 'malformed-token', message: 'the Authorization header must be "Bearer <token>"' } };
  }
  if (!COMPACT_JWS.test(match[1])) {
    return { ok: false, rejection: { reason: 'malformed-token', message: 'the bearer token is not a JWT' } };
  }
  return { ok: true, token: match[1] };
}
