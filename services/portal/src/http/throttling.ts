import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { PortalConfig } from '../config';

/** Every page a client address asks for counts against one limit… */
export const PAGES_THROTTLER = 'pages';
/** …and every form it posts (submissions, replies, ratings, withdrawals) also against a tighter one. */
export const POSTS_THROTTLER = 'posts';

const MINUTE_MS = 60_000;
const PROBES = /^\/(health|metrics)(\/|$)/;

/** A refusal by a rate limit: how many seconds until the address may try again. */
export class TooManyRequestsError extends ThrottlerException {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests from this address; try again in ${retryAfterSeconds} s`);
  }
}

/**
 * Per client address (`req.ip`: behind a proxy, TRUST_PROXY makes it the citizen's), in this process's memory,
 * in front of intake's own limits: abuse stops here before it costs intake anything. Probes are not limited.
 */
export function throttlerOptions(config: PortalConfig): ThrottlerModuleOptions {
  const request = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>();
  return {
    throttlers: [
      { name: PAGES_THROTTLER, ttl: MINUTE_MS, limit: config.PORTAL_REQUESTS_PER_MINUTE },
      {
        name: POSTS_THROTTLER,
        ttl: MINUTE_MS,
        limit: config.PORTAL_POSTS_PER_MINUTE,
        skipIf: (context) => request(context).method !== 'POST',
        // One count per address for every form, whichever route it posts to.
        generateKey: (_context, tracker, name) => `${name}:${tracker}`,
      },
    ],
    skipIf: (context) => PROBES.test(request(context).path),
  };
}

/** @nestjs/throttler's guard, refusing with `Retry-After` and an error the page filter shows in the page's language. */
@Injectable()
export class PortalThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().header('Retry-After', String(seconds));
    throw new TooManyRequestsError(seconds);
  }
}
