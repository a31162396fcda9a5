import * as oidc from 'openid-client';
import type { PendingLogin, SessionTokens } from '../session/session';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The console's callback, e.g. http://127.0.0.1:3000/auth/callback. */
  redirectUri: string;
  /** Loopback development only: the local Keycloak speaks plain http. */
  allowHttp: boolean;
}

/**
 * The authorization-code flow with PKCE (RFC 7636, S256), state and nonce, through openid-client: the
 * console is a confidential client, so the tokens are exchanged server to server and stay on the server.
 */
export class OidcClient {
  private constructor(
    private readonly configuration: oidc.Configuration,
    private readonly settings: OidcSettings,
  ) {}

  static async discover(settings: OidcSettings): Promise<OidcClient> {
    const configuration = await oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
      execute: settings.allowHttp ? [oidc.allowInsecureRequests] : [],
    });
    return new OidcClient(configuration, settings);
  }

  /** The provider's key set, for verifying access tokens the same way the services do. */
  get jwksUri(): string {
    const uri = this.configuration.serverMetadata().jwks_uri;
    if (!uri) throw new Error(`${this.settings.issuer} publishes no jwks_uri`);
    return uri;
  }

  get issuer(): string {
    return this.configuration.serverMetadata().issuer;
  }

  async startLogin(returnTo: string, locale: string): Promise<{ login: PendingLogin; url: string }> {
    const login: PendingLogin = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(this.configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
      ui_locales: locale,
    });
    return { login, url: url.href };
  }

  /** Exchanges the code the provider sent back; throws when state, nonce or the code do not check out. */
  async finishLogin(callbackUrl: URL, login: PendingLogin, now: number): Promise<SessionTokens> {
    const tokens = await oidc.authorizationCodeGrant(this.configuration, callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    return toSessionTokens(tokens, now);
  }

  async refresh(refreshToken: string, now: number): Promise<SessionTokens> {
    return toSessionTokens(await oidc.refreshTokenGrant(this.configuration, refreshToken), now, refreshToken);
  }

  /** RP-initiated logout: ends the provider's session too, then returns the person to `returnTo`. */
  endSessionUrl(idToken: string | undefined, returnTo: string): string {
    const parameters: Record<string, string> = { post_logout_redirect_uri: returnTo, client_id: this.settings.clientId };
    if (idToken) parameters.id_token_hint = idToken;
    return oidc.buildEndSessionUrl(this.configuration, parameters).href;
  }
}

function toSessionTokens(
  tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  now: number,
  previousRefresh?: string,
): SessionTokens {
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previousRefresh,
    idToken: tokens.id_token,
    accessExpiresAt: now + (tokens.expiresIn() ?? 60) * 1000,
  };
}
