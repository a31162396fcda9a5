import type { Principal } from '@civic/auth';

/** What a sign-in in progress keeps until the identity provider sends the person back. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** The tokens of a signed-in person; they never leave the server. */
export interface SessionTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch milliseconds when the access token expires. */
  accessExpiresAt: number;
}

export interface Session {
  /** The opaque id in the cookie; stored only as its SHA-256. */
  id: string;
  csrfToken: string;
  createdAt: number;
  /** Ends at the earlier of the idle limit after the last request and the absolute limit after creation. */
  expiresAt: number;
  login?: PendingLogin;
  user?: Principal;
  tokens?: SessionTokens;
}
