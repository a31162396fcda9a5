// The CSRF token from GET /session; every non-GET request to the server carries it as X-CSRF-Token.
let csrfToken: string | undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function getCsrfToken(): string | undefined {
  return csrfToken;
}

export const CSRF_HEADER = 'X-CSRF-Token';
