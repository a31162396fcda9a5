import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { AccessDenial, TokenRejection } from './rejections';

/** The JSON body of every refusal: Nest's usual fields plus the reason's name. */
export interface AuthErrorBody {
  statusCode: number;
  error: string;
  reason: string;
  message: string;
}

export const unauthorized = (rejection: TokenRejection): UnauthorizedException =>
  new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', ...rejection } satisfies AuthErrorBody);

export const forbidden = (denial: AccessDenial): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, error: 'Forbidden', ...denial } satisfies AuthErrorBody);

export const issuerUnavailable = (): ServiceUnavailableException =>
  new ServiceUnavailableException({
    statusCode: 503,
    error: 'Service Unavailable',
    reason: 'issuer-unavailable',
    message: "the token issuer's keys cannot be fetched right now; try again shortly",
  } satisfies AuthErrorBody);

/** RFC 6750 §3: quoted strings hold printable ASCII without `"` or `\`. */
const quotable = (text: string): string => text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');

/**
 * The `WWW-Authenticate` challenge of a 401. A request with no credentials gets the bare challenge, as
 * RFC 6750 §3.1 asks ("SHOULD NOT include an error code"); every other rejection names `invalid_token`.
 */
export function bearerChallenge(rejection: TokenRejection, realm: string): string {
  if (rejection.reason === 'missing-token') return `Bearer realm="${quotable(realm)}"`;
  return `Bearer realm="${quotable(realm)}", error="invalid_token", error_description="${quotable(rejection.message)}"`;
}
