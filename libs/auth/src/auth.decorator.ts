import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@civic/domain';
import { ACCESS_DENIED_REASONS, INVALID_TOKEN_REASONS } from './rejections';

/** Metadata key read by the guard: the roles `@Auth(...)` allows. Absent means a public route. */
export const AUTH_ROLES = 'civic:auth:roles';

/** The platform's error body (libs/platform/src/http/error-body.ts) with this answer's rejection types. */
const errorBody = (status: number, reasons: readonly string[]) => ({
  type: 'object',
  required: ['statusCode', 'errors', 'rejection'],
  properties: {
    statusCode: { type: 'integer', example: status },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: { field: { type: 'string', example: 'Authorization' }, reason: { type: 'string' } },
      },
    },
    rejection: {
      type: 'object',
      required: ['type', 'message'],
      properties: {
        type: { type: 'string', enum: [...reasons] },
        message: {
          type: 'object',
          description: 'Why, in Bulgarian and English.',
          required: ['bg', 'en'],
          properties: { bg: { type: 'string' }, en: { type: 'string' } },
        },
      },
    },
  },
});

/**
 * Requires a valid bearer token with one of `roles` (any role when none are given) on a handler or a
 * whole controller; a handler's `@Auth` replaces its controller's. When the route has a `:tenant`
 * parameter, the token's tenant must be that tenant. Also documents the bearer scheme and the 401/403
 * answers in OpenAPI (the document needs `DocumentBuilder#addBearerAuth()`).
 */
export function Auth(...roles: Role[]): ClassDecorator & MethodDecorator {
  const who = roles.length > 0 ? `one of the roles ${roles.join(', ')}` : 'any staff role';
  return applyDecorators(
    SetMetadata(AUTH_ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'No bearer token, or one that is malformed, forged, expired, or for another issuer or audience.',
      schema: errorBody(401, INVALID_TOKEN_REASONS),
    }),
    ApiForbiddenResponse({
      description: `The token is valid but lacks ${who}, or belongs to another tenant.`,
      schema: errorBody(403, ACCESS_DENIED_REASONS),
    }),
  );
}
