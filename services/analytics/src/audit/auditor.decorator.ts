import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { PrincipalMissingError, type Principal, type RequestWithPrincipal } from '@civic/auth';
import type { HeaderSink } from '@civic/platform';
import { CORRELATION_HEADER } from './http';

/** Who reads, the X-Correlation-Id they sent, and where the read's own headers go: what every audit read needs. */
export interface Auditor {
  principal: Principal;
  correlationHeader: string | undefined;
  response: HeaderSink;
}

interface AuditorRequest extends RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * `handler(@CurrentAuditor() auditor: Auditor)` on an `@Auth('auditor')` route, in place of
 * `@CurrentPrincipal()`, `@Headers('x-correlation-id')` and `@Res({ passthrough: true })`: Nest still sends
 * the answer, the read sets its X-Correlation-Id and X-Audit-Record headers on the response first.
 */
export const CurrentAuditor = createParamDecorator((_data: unknown, context: ExecutionContext): Auditor => {
  const http = context.switchToHttp();
  const request = http.getRequest<AuditorRequest>();
  if (!request.principal) throw new PrincipalMissingError();
  const correlation = request.headers[CORRELATION_HEADER];
  return {
    principal: request.principal,
    correlationHeader: correlation as string | undefined,
    response: http.getResponse<HeaderSink>(),
  };
});
