import type { Session } from '../session/session';
import type { SessionStore } from '../session/session-store';
import type { OidcClient } from './oidc-client';

/** Refresh this long before the access token expires, so a request never reaches a service with a dying one. */
const REFRESH_MARGIN_MS = 30_000;

/** The access token of a session, refreshed through the provider when it is about to expire. */
export class AccessTokens {
  constructor(
    private readonly oidc: OidcClient,
    private readonly store: SessionStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token to forward, or undefined when the session has none and cannot get one (sign in again). */
  async current(session: Session): Promise<string | undefined> {
    const tokens = session.tokens;
    if (!tokens) return undefined;
    if (tokens.accessExpiresAt - this.now() > REFRESH_MARGIN_MS) return tokens.accessToken;
    if (!tokens.refreshToken) return undefined;
    try {
      const fresh = await this.oidc.refresh(tokens.refreshToken, this.now());
      session.tokens = { ...fresh, idToken: fresh.idToken ?? tokens.idToken };
      await this.store.save(session);
      return fresh.accessToken;
    } catch {
      // The provider ended the session (logout elsewhere, idle limit, revoked): the person signs in again.
      return undefined;
    }
  }
}
