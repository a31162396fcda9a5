import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { SERVICE_CONFIG } from '@civic/platform';
import type { IntakeConfig } from '../config';

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

interface ParsedRequest extends IncomingMessage {
  body?: unknown;
}

/**
 * The public endpoints take small bodies only (PUBLIC_BODY_LIMIT_BYTES, 64 kB by default): 413 beyond.
 * The platform's JSON parser has already read the body under its own, larger limit (HTTP_BODY_LIMIT_BYTES,
 * 256 kB in intake, over which it answers 413 itself); this narrows it for anonymous callers. A body sent without Content-Length
 * (chunked) is measured as parsed.
 */
@Injectable()
export class PublicBodyLimitMiddleware implements NestMiddleware<ParsedRequest> {
  private readonly limit: number;

  constructor(@Inject(SERVICE_CONFIG) config: IntakeConfig) {
    this.limit = config.PUBLIC_BODY_LIMIT_BYTES;
  }

  use(request: ParsedRequest, _response: unknown, next: (error?: unknown) => void): void {
    const declared = Number(request.headers['content-length']);
    const size = Number.isFinite(declared) && declared > 0 ? declared : measured(request.body);
    if (size > this.limit) return next(new BodyTooLargeError(this.limit));
    next();
  }
}

/**
 * The same limit on the submission route for JSON bodies; a multipart submission (with files) is measured by
 * its own parser instead (SubmissionFilesInterceptor: its `submission` part under this limit, files under the
 * tenant's).
 */
@Injectable()
export class SubmissionBodyLimitMiddleware extends PublicBodyLimitMiddleware {
  override use(request: ParsedRequest, response: unknown, next: (error?: unknown) => void): void {
    if (/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) return next();
    super.use(request, response, next);
  }
}

const measured = (body: unknown): number => (body === undefined ? 0 : Buffer.byteLength(JSON.stringify(body) ?? ''));
