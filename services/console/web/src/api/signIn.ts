/** Where the browser goes to sign in; the server redirects to Keycloak and back to `returnTo`. */
export function signInUrl(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

let leaving = false;

/** The session has ended (or never began): a full-page navigation to the sign-in, back to where the user is. */
export function goToSignIn(): void {
  if (leaving) return;
  leaving = true;
  const { pathname, search, hash } = window.location;
  window.location.assign(signInUrl(`${pathname}${search}${hash}`));
}
