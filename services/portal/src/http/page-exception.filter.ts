import { ArgumentsHost, Catch, HttpException, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { IntakeUnavailableError } from '../intake/intake-client';
import { messageOf } from '../i18n';
import { messagePage } from '../pages/MessagePage';
import type { Pages } from './pages';
import { TooManyRequestsError } from './throttling';

/**
 * Every failure as a page in the citizen's language, never a stack trace or JSON: not found (unknown routes,
 * municipalities, kinds), too many requests, intake unreachable, a body too large, or the portal's own fault
 * (logged, without the address: it may hold a tracking code).
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Portal');

  constructor(private readonly pages: Pages) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (res.headersSent) return;
    const ctx = this.pages.context(req, res);
    const { t } = ctx;
    const page = (status: number, title: string, text: string, marker: string) =>
      this.pages.send(res, status, messagePage(ctx, title, marker, text), 'case');

    if (error instanceof NotFoundException) return page(404, t.errorPages.notFoundTitle, t.errorPages.notFoundText, 'not-found');
    if (error instanceof ThrottlerException) {
      const seconds = error instanceof TooManyRequestsError ? error.retryAfterSeconds : 60;
      const text = messageOf({ field: 'summary', key: 'tooManyRequests', args: [seconds] }, ctx.language);
      return page(429, t.errorPages.tooManyTitle, text, 'too-many-requests');
    }
    if (error instanceof IntakeUnavailableError) {
      this.logger.warn(error.message);
      return page(503, t.errorPages.unavailableTitle, t.errorPages.unavailableText, 'unavailable');
    }
    const status = error instanceof HttpException ? error.getStatus() : Number((error as { status?: unknown }).status);
    if (status === 413) return page(413, t.errorPages.errorTitle, t.errors.filesTooLarge, 'too-large');
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      return page(status, t.errorPages.errorTitle, t.errorPages.errorText, 'error');
    }
    this.logger.error(
      { err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) },
      'page failed',
    );
    return page(500, t.errorPages.errorTitle, t.errorPages.errorText, 'error');
  }
}
