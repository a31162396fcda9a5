/** Paths whose segment after the match is a secret (a citizen's tracking code), and what replaces it. */
const SECRET_PATH = /(\/public\/[^/?#]+\/cases\/)[^/?#]+/;
/** Query parameters that carry a key, a token or a person's contact (Open311 clients may put them there). */
const SECRET_QUERY = new Set(['api_key', 'key', 'token', 'access_token', 'code', 'tracking_code', 'email', 'phone']);
/** Headers that authenticate: a bearer token, a session cookie, an API key. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
const REDACTED = '[redacted]';

export function redactSecrets(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const [path, query] = splitQuery(url.replace(SECRET_PATH, `$1${REDACTED}`));
  if (query === undefined) return path;
  const redacted = query
    .split('&')
    .map((pair) => {
      const name = decodeSafely(pair.split('=')[0]).toLowerCase();
      return SECRET_QUERY.has(name) ? `${pair.split('=')[0]}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${redacted}`;
}

/** What a request log line may say: never the route's parameters, the query parsed, or authenticating headers. */
export interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * The request as pino-http logs it, from a list of what is safe rather than a list of what is not: Express
 * also hands over `params` and `query`, where a tracking code or a key sits in clear (a new route would leak
 * until someone remembered to add it).
 */
export function requestForLog(req: LoggedRequest): LoggedRequest {
  const headers = Object.fromEntries(
    Object.entries(req.headers ?? {}).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value]),
  );
  return {
    id: req.id,
    method: req.method,
    url: redactSecrets(req.url),
    headers,
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}

function splitQuery(url: string): [string, string | undefined] {
  const at = url.indexOf('?');
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
