/** Paths whose segment after the match is a secret (a citizen's tracking code), and what replaces it. */
const SECRET_PATH = /(\/public\/[^/?#]+\/cases\/)[^/?#]+/;

export function redactSecrets(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PATH, '$1[redacted]');
}
