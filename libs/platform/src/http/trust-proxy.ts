import { isIP } from 'node:net';
import { z } from 'zod';

/** Express's `trust proxy` setting: off, on (every hop), a number of hops, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

/** Express's own names for address ranges (proxy-addr). */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const maxBits = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= maxBits;
}

/**
 * `TRUST_PROXY`: which proxies in front of the service (the portal, a load balancer) may tell it the client's
 * address in `X-Forwarded-For`, so that `request.ip`, which the rate limits count by, is the client's. Unset or
 * `false`: nobody (the socket's address counts, and the header changes nothing); `loopback`, `uniquelocal` or
 * addresses/CIDRs, comma-separated: the hops from those addresses; a number: that many hops, whoever they are;
 * `true`: any hop, so anyone may claim any address (refused in production: productionRule below).
 */
export const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `not a proxy address, CIDR range or one of ${RANGE_NAMES.join(', ')}: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** Why a TRUST_PROXY value is refused in production, or undefined. */
export function trustProxyProductionProblem(value: unknown): string | undefined {
  return value === true
    ? "trusts X-Forwarded-For from anyone, so a client could claim any address and escape the rate limits; name the proxies' addresses"
    : undefined;
}

/** Express's app, as far as `trust proxy` needs it. */
interface ExpressSettings {
  set(name: string, value: unknown): unknown;
}

/** Applies TRUST_PROXY to the app (Express's `trust proxy`): before any request, `request.ip` depends on it. */
export function applyTrustProxy(app: ExpressSettings, trust: TrustProxy): void {
  app.set('trust proxy', trust);
}
