import type { TokenRejection } from './rejections';

/** What a jose failure means for the caller: a named rejection (401), or the issuer's fault (503). */
export type JoseFailure = { kind: 'rejected'; rejection: TokenRejection } | { kind: 'issuer-unavailable' };

const CLAIM_REJECTIONS: Record<string, TokenRejection> = {
  iss: { reason: 'wrong-issuer', message: 'the token comes from another issuer' },
  aud: { reason: 'wrong-audience', message: 'the token is meant for another audience' },
  nbf: { reason: 'token-not-yet-valid', message: 'the token is not valid yet' },
};

/**
 * Maps jose's error codes (stable across its releases, unlike messages) to the reasons the API names.
 * Anything that is not a jose error, or is about fetching the key set, is the issuer's problem.
 */
export function classifyJoseError(error: unknown): JoseFailure {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const rejected = (reason: TokenRejection['reason'], message: string): JoseFailure => ({
    kind: 'rejected',
    rejection: { reason, message },
  });
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return rejected('token-expired', 'the token has expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const { claim, reason } = error as { claim?: string; reason?: string };
      if (claim === 'exp' && reason === 'missing') return rejected('missing-expiry', 'the token has no "exp" claim');
      const known = claim ? CLAIM_REJECTIONS[claim] : undefined;
      if (known) return { kind: 'rejected', rejection: known };
      return rejected('malformed-token', `the "${claim ?? 'unknown'}" claim is invalid`);
    }
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return rejected('unsupported-algorithm', 'only RS256-signed tokens are accepted');
    // A key the issuer does not publish, or a signature that does not match it: forged or from elsewhere.
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return rejected('bad-signature', "the token's signature does not verify with the issuer's keys");
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return rejected('malformed-token', 'the bearer token is not a well-formed JWT');
    default:
      // ERR_JWKS_TIMEOUT, ERR_JWKS_INVALID, ERR_JWK_INVALID, a non-200 answer, a refused connection.
      return { kind: 'issuer-unavailable' };
  }
}
