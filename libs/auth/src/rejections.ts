import type { LocalizedText } from '@civic/domain';

/**
 * Why a request was refused, as names the API returns in its JSON bodies, so a client (or a test) can tell
 * an expired token from a forged one without parsing prose.
 */
export const INVALID_TOKEN_REASONS = [
  'missing-token',
  'malformed-token',
  'unsupported-algorithm',
  'bad-signature',
  'token-expired',
  'token-not-yet-valid',
  'missing-expiry',
  'token-lifetime-too-long',
  'wrong-issuer',
  'wrong-audience',
  'missing-subject',
  'missing-tenant-claim',
  'invalid-tenant-claim',
  'missing-roles-claim',
  'invalid-roles-claim',
  'unknown-role',
] as const;
export type InvalidTokenReason = (typeof INVALID_TOKEN_REASONS)[number];

/** A token the platform does not accept: HTTP 401. */
export interface TokenRejection {
  reason: InvalidTokenReason;
  message: string;
}

export const ACCESS_DENIED_REASONS = ['role-not-allowed', 'other-tenant'] as const;
export type AccessDeniedReason = (typeof ACCESS_DENIED_REASONS)[number];

/** A valid token that may not use this route: HTTP 403. Staff read why, in Bulgarian and English. */
export interface AccessDenial {
  reason: AccessDeniedReason;
  message: LocalizedText;
}

/** The issuer's keys could not be fetched: the caller's token may well be good, so this is a 503, not a 401. */
export class IssuerUnavailableError extends Error {
  constructor(
    readonly jwksUrl: string,
    cause: unknown,
  ) {
    super(`the token issuer's keys at ${jwksUrl} could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'IssuerUnavailableError';
  }
}

/** Thrown by the verifier so callers get a typed rejection instead of a jose error. */
export class InvalidTokenError extends Error {
  constructor(readonly rejection: TokenRejection) {
    super(rejection.message);
    this.name = 'InvalidTokenError';
  }
}
