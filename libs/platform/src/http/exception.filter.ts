import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';
import { INTERNAL_ERROR } from './error-body';
import { errorResponse } from './error-response';

/**
 * Every error an HTTP request meets becomes the platform's error body `{ statusCode, errors: [{ field,
 * reason }] }`: bad input (zod included) is a 4xx naming the field, never a 500; only the service's own
 * faults are 500s, logged with their stack. Install it for the whole app:
 * `providers: [{ provide: APP_FILTER, useClass: PlatformExceptionFilter }]`. Kafka handlers get their
 * errors back untouched, for the consumer toolkit's retries.
 */
@Catch()
export class PlatformExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PlatformExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse<unknown>();
    const answer = errorResponse(exception);
    if (!answer) this.logger.error({ err: exception }, 'unexpected error while answering a request');
    const { status, body, headers = {} } = answer ?? INTERNAL_ERROR;
    for (const [name, value] of Object.entries(headers)) httpAdapter.setHeader(response, name, value);
    httpAdapter.reply(response, body, status);
  }
}
