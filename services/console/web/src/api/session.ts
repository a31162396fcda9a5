import { CSRF_HEADER, getCsrfToken, setCsrfToken } from './csrf';
import { ApiError } from './errors';

export interface SessionUser {
  sub: string;
  name: string;
  tenant: string;
  roles: string[];
}

export interface SessionTenant {
  slug: string;
  name: { bg: string; en: string };
  timeZone: string;
}

export interface Session {
  user: SessionUser;
  tenant: SessionTenant;
  csrfToken: string;
}

/** GET /session: the signed-in user, the municipality and the CSRF token; ApiError(401) when not signed in. */
export async function fetchSession(): Promise<Session> {
  const response = await fetch('/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, undefined);
  const session = (await response.json()) as Session;
  setCsrfToken(session.csrfToken);
  return session;
}

/** POST /auth/logout; the server ends the session and names where to go (Keycloak's end-session endpoint). */
export async function signOut(): Promise<string> {
  const response = await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: getCsrfToken() ?? '', Accept: 'application/json' },
  });
  if (!response.ok) throw new ApiError(response.status, undefined);
  const { redirect } = (await response.json()) as { redirect: string };
  return redirect;
}
