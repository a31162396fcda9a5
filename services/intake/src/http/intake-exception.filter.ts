import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';
import { errorResponse, INTERNAL_ERROR } from './error-response';

/**
 * Every error an HTTP request meets becomes a JSON answer `{ statusCode, errors: [{ field, reason }] }`:
 * bad input is a 4xx naming the field, never a 500; only intake's own faults are 500s, and those are
 * logged with their stack. Installed for the whole app (APP_FILTER); Kafka handlers get their errors back.
 */
@Catch()
export class IntakeExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('IntakeExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse<unknown>();
    const answer = errorResponse(exception);
    if (!answer) {
      this.logger.error({ err: exception }, 'unexpected error while answering a request');
    }
    const { status, body, headers = {} } = answer ?? INTERNAL_ERROR;
    for (const [name, value] of Object.entries(headers)) httpAdapter.setHeader(response, name, value);
    httpAdapter.reply(response, body, status);
  }
}
