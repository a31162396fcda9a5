import { Catch } from '@nestjs/common';
import { PlatformExceptionFilter } from '@civic/platform';
import { errorResponse } from './error-response';

/**
 * The platform's filter (every error a JSON answer `{ statusCode, errors: [{ field, reason }] }`, bad input
 * a 4xx naming the field, only intake's own faults 500s and logged), answering intake's own errors too.
 * Installed for the whole app (APP_FILTER); Kafka handlers get their errors back.
 */
@Catch()
export class IntakeExceptionFilter extends PlatformExceptionFilter {
  protected override answer(exception: unknown) {
    return errorResponse(exception);
  }
}
