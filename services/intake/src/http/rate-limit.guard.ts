import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';

/** A refusal by a rate limit: how many seconds until the address may try again. */
export class TooManyRequestsError extends ThrottlerException {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests from this address; try again in ${retryAfterSeconds} s`);
  }
}

/** What the guard does with the response: read back the throttler's headers, set its own. */
interface LimitHeaders {
  getHeader(name: string): unknown;
  header(name: string, value: string): unknown;
}

/**
 * @nestjs/throttler's guard, answering as HTTP clients expect: `Retry-After` on every refusal, and the
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` headers (IETF httpapi rate-limit fields)
 * of the tightest limit on every limited answer. The refusal itself is a TooManyRequestsError, which the
 * error mapping turns into the platform's error body (Open311's format on its routes).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const allowed = await super.handleRequest(request);
    const response = this.getRequestResponse(request.context).res as LimitHeaders;
    const suffix = request.throttler.name === 'default' ? '' : `-${request.throttler.name}`;
    const remaining = Number(response.getHeader(`${this.headerPrefix}-Remaining${suffix}`));
    const tightest = response.getHeader('RateLimit-Remaining');
    if (tightest === undefined || remaining < Number(tightest)) {
      setLimitHeaders(response, request.limit, remaining, Number(response.getHeader(`${this.headerPrefix}-Reset${suffix}`)));
    }
    return allowed;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    const response = this.getRequestResponse(context).res as LimitHeaders;
    response.header('Retry-After', String(seconds));
    setLimitHeaders(response, detail.limit, 0, seconds);
    throw new TooManyRequestsError(seconds);
  }
}

function setLimitHeaders(response: LimitHeaders, limit: number, remaining: number, resetSeconds: number): void {
  response.header('RateLimit-Limit', String(limit));
  response.header('RateLimit-Remaining', String(Math.max(0, remaining)));
  response.header('RateLimit-Reset', String(Math.max(0, Math.ceil(resetSeconds))));
}
