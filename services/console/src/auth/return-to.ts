/**
 * Where to go after signing in: a path of the console only, so a crafted link cannot send a person who
 * just signed in to another site (an open redirect).
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if ([...value].some((c) => c.charCodeAt(0) < 0x20) || value.startsWith('/auth/')) return '/';
  return value;
}
