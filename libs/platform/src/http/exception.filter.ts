import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';
import { INTERNAL_ERROR, type ErrorResponse } from './error-body';
import { errorResponse } from './error-response';

/**
 * Every error an HTTP request meets becomes the platform's error body `{ statusCode, errors: [{ field,
 * reason }] }`: bad input (zod included) is a 4xx naming the field, never a 500; only the service's own
 * faults are 500s, logged with their stack. Install it for the whole app:
 * `providers: [{ provide: APP_FILTER, useClass: PlatformExceptionFilter }]`. Kafka handlers get their
 * errors back untouched, for the consumer toolkit's retries. A service with errors of its own extends it
 * and overrides `answer` (intake: services/intake/src/http/intake-exception.filter.ts).
 */
@Catch()
export class PlatformExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** The answer to an error; undefined for the service's own faults (a 500, logged). */
  protected answer(exception: unknown): ErrorResponse | undefined {
    return errorResponse(exception);
  }

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse<unknown>();
    const answer = this.answer(exception);
    if (!answer) this.logger.error({ err: exception }, 'unexpected error while answering a request');
    else if (answer.status === 503) this.logger.warn({ err: exception }, 'a server this request needs is unavailable');
    const { status, body, headers = {} } = answer ?? INTERNAL_ERROR;
    for (const [name, value] of Object.entries(headers)) httpAdapter.setHeader(response, name, value);
    httpAdapter.reply(response, body, status);
  }
}
