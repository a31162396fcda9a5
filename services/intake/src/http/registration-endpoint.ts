import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiParam,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type HeaderSink, IDEMPOTENCY_KEY_HEADER } from '@civic/platform';
import type { RegistrationResponse } from '../cases/registration-response';
import { ErrorBodyDto, RegistrationResponseDto } from './openapi-models';
import { REPLAYED_HEADER } from './replayed';

/** The `:tenant` route parameter, documented once for every intake controller. */
export const TenantParam = ApiParam({ name: 'tenant', description: 'The municipality, e.g. `peshtera`.', example: 'peshtera' });

/** What every endpoint that registers a case answers: staff and citizens alike (one intake service behind). */
export const RegistrationResponses = (createdDescription?: string) =>
  applyDecorators(
    TenantParam,
    ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'Unique per submission; resend it unchanged on retries.' }),
    ApiCreatedResponse({ type: RegistrationResponseDto, description: createdDescription }),
    ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Bad input: every bad field is named.' }),
    ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such tenant.' }),
    ApiConflictResponse({ type: ErrorBodyDto, description: 'A request with the same Idempotency-Key is still in progress.' }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The Idempotency-Key was used for another request.' }),
  );

/** A retry's answer says it is one (`Idempotent-Replayed: true`), then the stored answer goes out unchanged. */
export function answerRegistration(
  outcome: { response: RegistrationResponse; replayed: boolean },
  response: HeaderSink,
): RegistrationResponse {
  if (outcome.replayed) response.setHeader(REPLAYED_HEADER, 'true');
  return outcome.response;
}
