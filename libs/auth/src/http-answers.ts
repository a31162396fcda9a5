import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { LocalizedText } from '@civic/domain';
import type { AccessDenial, AccessDeniedReason, InvalidTokenReason, TokenRejection } from './rejections';

/**
 * The JSON body of every refusal: the platform's one error body (libs/platform/src/http/error-body.ts),
 * `{ statusCode, errors: [{ field, reason }], rejection: { type, message: { bg, en } } }`, with the reason's
 * name as the rejection's type. Built here rather than with the platform's builders because the platform
 * depends on this library (a dependency back would be a cycle); a platform test proves the bodies equal.
 */
export interface AuthErrorBody {
  statusCode: number;
  errors: { field: string; reason: string }[];
  rejection: { type: InvalidTokenReason | AccessDeniedReason | 'issuer-unavailable'; message: LocalizedText };
}

/** The Bulgarian of each token rejection; the English (more precise, e.g. which claim) comes with it. */
const TOKEN_REJECTIONS_BG: Record<InvalidTokenReason, string> = {
  'missing-token': 'Нужен е заглавен ред Authorization: Bearer <токен>.',
  'malformed-token': 'Токенът не е валиден JWT.',
  'unsupported-algorithm': 'Приемат се само токени, подписани с RS256.',
  'bad-signature': 'Подписът на токена не се потвърждава с ключовете на издателя.',
  'token-expired': 'Токенът е изтекъл.',
  'token-not-yet-valid': 'Токенът още не е валиден.',
  'missing-expiry': 'Токенът няма срок на валидност („exp“).',
  'token-lifetime-too-long': 'Токенът е издаден за твърде дълъг срок.',
  'wrong-issuer': 'Токенът е от друг издател.',
  'wrong-audience': 'Токенът е предназначен за друга система.',
  'missing-subject': 'Токенът не посочва потребител („sub“).',
  'missing-tenant-claim': 'Токенът не посочва община („tenant“).',
  'invalid-tenant-claim': 'Общината в токена („tenant“) не е валидна.',
  'missing-roles-claim': 'Токенът не посочва роли („roles“).',
  'invalid-roles-claim': 'Ролите в токена („roles“) не са валидни.',
  'unknown-role': 'Токенът съдържа непозната роля.',
};

/** The credential is what the caller should look at. */
const AUTHORIZATION = 'Authorization';

const body = (statusCode: number, field: string, rejection: AuthErrorBody['rejection']): AuthErrorBody => ({
  statusCode,
  errors: [{ field, reason: rejection.message.en }],
  rejection,
});

export const tokenRefused = (rejection: TokenRejection): UnauthorizedException =>
  new UnauthorizedException(
    body(401, AUTHORIZATION, { type: rejection.reason, message: { bg: TOKEN_REJECTIONS_BG[rejection.reason], en: rejection.message } }),
  );

export const accessDenied = (denial: AccessDenial): ForbiddenException =>
  new ForbiddenException(body(403, AUTHORIZATION, { type: denial.reason, message: denial.message }));

export const issuerUnavailable = (): ServiceUnavailableException =>
  new ServiceUnavailableException(
    body(503, 'server', {
      type: 'issuer-unavailable',
      message: {
        bg: 'Ключовете на издателя на токени не са достъпни в момента; опитайте отново след малко.',
        en: "the token issuer's keys cannot be fetched right now; try again shortly",
      },
    }),
  );

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
