import { isIP } from 'node:net';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SERVICE_CONFIG } from '@civic/platform';
import { z } from 'zod';
import type { IntakeConfig } from '../config';

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
 * `TRUST_PROXY`: which proxy in front of intake may tell it the client's address (`X-Forwarded-For`), so the
 * per-IP rate limits count citizens, not the portal. Unset or `false`: nobody (the socket's address counts);
 * `loopback` or addresses/CIDRs, comma-separated: those proxies; a number: that many hops; `true`: any.
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

/**
 * Applies TRUST_PROXY to the HTTP server (Express's `trust proxy`) when the app starts, so `request.ip`, which
 * the rate limits count by, is the client's address as the trusted proxy forwards it.
 */
@Injectable()
export class TrustProxySetting implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getInstance() as { set?: (name: string, value: unknown) => void } | undefined;
    server?.set?.('trust proxy', this.config.TRUST_PROXY);
  }
}
