/**
 * How a production service recognises the development token issuer (dev-issuer.ts), which signs a token for any
 * role anyone asks of it: it must never be the issuer a production service trusts.
 */

/** The start of every key id the development issuer signs with (its JWKS names its key so). */
export const DEVELOPMENT_KEY_ID_PREFIX = 'civic-development-issuer-';

/** The name the development issuer had in docker-compose.yml, where the services reached it. */
const DEVELOPMENT_ISSUER_HOST = 'dev-issuer';

const isLoopback = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
};

/**
 * Why an identity setting's URL names the development issuer, or undefined: an issuer on this machine (where the
 * development issuer and the development Keycloak listen: 127.0.0.1, localhost, ::1) or at its compose name.
 */
export function developmentIssuerAddress(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.hostname === DEVELOPMENT_ISSUER_HOST) return `names the development token issuer (host ${url.hostname})`;
  if (isLoopback(url.hostname))
    return `names an issuer on this machine (${url.host}), where the development token issuer and Keycloak listen`;
  return undefined;
}

/**
 * Whether the key set at `jwksUrl` holds a key of the development issuer; undefined when it cannot be read now
 * (the token verifier reports an unreachable issuer by itself, request by request).
 */
export async function servesDevelopmentKeys(jwksUrl: string, timeoutMs = 3_000): Promise<boolean | undefined> {
  try {
    const answer = await fetch(jwksUrl, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (!answer.ok) return undefined;
    const { keys } = (await answer.json()) as { keys?: { kid?: unknown }[] };
    if (!Array.isArray(keys)) return undefined;
    return keys.some((key) => typeof key?.kid === 'string' && key.kid.startsWith(DEVELOPMENT_KEY_ID_PREFIX));
  } catch {
    return undefined;
  }
}
