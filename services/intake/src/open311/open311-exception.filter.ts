import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { errorResponse } from '../http/error-response';
import { INTERNAL_ERROR, open311Answer, type Open311Answer } from './errors';
import { formatOfPath } from './format';
import { render } from './render';

/** The framework's own refusals (bad body, too large) as intake names them, in Open311's shape. */
function fromIntake(error: unknown): Open311Answer | undefined {
  const intake = errorResponse(error);
  if (!intake) return undefined;
  return {
    status: intake.status,
    errors: intake.body.errors.map((problem) => ({ code: intake.status, description: `${problem.field}: ${problem.reason}` })),
    ...(intake.headers ? { headers: intake.headers } : {}),
  };
}

/**
 * Every error under /open311/v2 answered as GeoReport v2 errors (`[{code, description}]`, or
 * `<errors><error>` for a .xml resource), with the spec's statuses (errors.ts). Only intake's own faults
 * are 500s, and those are logged.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311ExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const context = host.switchToHttp();
    const request = context.getRequest<IncomingMessage>();
    const response = context.getResponse<unknown>();
    const answer = open311Answer(exception) ?? fromIntake(exception);
    if (!answer) this.logger.error({ err: exception }, 'unexpected error while answering an Open311 request');
    const { status, errors, headers = {} } = answer ?? INTERNAL_ERROR;
    const rendered = render({ kind: 'errors', body: errors }, formatOfPath(request.url ?? ''));
    for (const [name, value] of Object.entries(headers)) httpAdapter.setHeader(response, name, value);
    httpAdapter.setHeader(response, 'Content-Type', rendered.contentType);
    httpAdapter.reply(response, rendered.body, status);
  }
}
