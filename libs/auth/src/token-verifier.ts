import { createRemoteJWKSet, jwtVerify } from 'jose';
import { classifyJoseError } from './jose-errors';
import { principalFromClaims, type Principal } from './principal';
import { InvalidTokenError, IssuerUnavailableError, type TokenRejection } from './rejections';

export interface TokenVerifierOptions {
  /** The issuer's JSON Web Key Set, e.g. `http://127.0.0.1:3010/.well-known/jwks.json`. */
  jwksUrl: string;
  /** The exact `iss` the tokens carry. */
  issuer: string;
  /** The `aud` the tokens must name, e.g. `civic-cases`. */
  audience: string;
  /** Allowed clock difference between issuer and service for `exp` and `nbf`; default 30 s. */
  clockToleranceSeconds?: number;
  /** The instant `exp` and `nbf` are judged at; the system clock unless a test sets one. */
  now?: () => Date;
  /** The longest a token may be valid for, from its `iat` (or from now, without one) to its `exp`; default 12 h. */
  maxLifetimeSeconds?: number;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
/**
 * Twelve hours: the development issuer's longest tokens (a working day); an identity provider's access tokens
 * live minutes (Keycloak: 5). A stolen token that says it is valid for years is refused rather than honoured.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/**
 * Verifies bearer tokens: RS256 only (so neither `none` nor an HMAC signed with the public key passes),
 * signature against the issuer's published keys, issuer, audience, expiry, then the platform's claims.
 * The key set is fetched on first use and cached by jose; an unknown `kid` triggers a refetch (at most
 * every 30 s), so a rotated key is picked up without a restart.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: TokenVerifierOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5_000 });
  }

  /** The principal of a valid token; otherwise throws `InvalidTokenError` or `IssuerUnavailableError`. */
  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
        ...(this.options.now ? { currentDate: this.options.now() } : {}),
      }));
    } catch (error) {
      const failure = classifyJoseError(error);
      if (failure.kind === 'rejected') throw new InvalidTokenError(failure.rejection);
      throw new IssuerUnavailableError(this.options.jwksUrl, error);
    }
    const lifetime = this.lifetimeProblem(payload);
    if (lifetime) throw new InvalidTokenError(lifetime);
    const claims = principalFromClaims(payload);
    if (!claims.ok) throw new InvalidTokenError(claims.rejection);
    return claims.principal;
  }

  /** A token valid for longer than the cap, counted from when it was issued (or from now when it does not say). */
  private lifetimeProblem(payload: Record<string, unknown>): TokenRejection | undefined {
    const max = this.options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
    const exp = Number(payload['exp']);
    const from = typeof payload['iat'] === 'number' ? payload['iat'] : Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
    if (exp - from <= max) return undefined;
    return { reason: 'token-lifetime-too-long', message: `the token is valid for longer than ${max} seconds` };
  }
}
