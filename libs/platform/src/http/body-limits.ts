import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { errorResponse } from './error-response';
import { refuseUnstorableText } from './unstorable-text';

/**
 * The body parsers every service gets, with the deployment's limit (HTTP_BODY_LIMIT_BYTES) instead of body-parser's
 * implicit 100 kB: JSON (the APIs) and URL-encoded forms (Open311's POST, GeoReport v2). Nothing else is read here:
 * intake reads its multipart submissions itself, under limits of its own (submission-files.interceptor.ts).
 * body-parser refuses a declared Content-Length over the limit before reading the body, and stops reading a
 * chunked one at the limit.
 */
export function useBodyParsers(app: NestExpressApplication, limitBytes: number): void {
  app.useBodyParser('json', { limit: limitBytes });
  app.useBodyParser('urlencoded', { limit: limitBytes, extended: true });
  app.use(bodyParserErrors);
  app.use(refuseUnstorableText);
}

/** An error of body-parser (http-errors): a status and a `type` such as `entity.too.large` or `entity.parse.failed`. */
const isBodyParserError = (error: unknown): error is Error & { status: number; type: string } =>
  error instanceof Error &&
  typeof (error as { type?: unknown }).type === 'string' &&
  typeof (error as { status?: unknown }).status === 'number';

/**
 * The parsers' refusals (413 over the limit, 400 for a body that is not JSON, 415 for an unknown charset) as the
 * platform's error body naming `body`, in every service, whether or not it installs the platform's exception filter.
 * Express calls this four-argument middleware only with an error.
 */
function bodyParserErrors(error: unknown, _request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
  const answer = isBodyParserError(error) ? errorResponse(error) : undefined;
  if (!answer) return next(error);
  response.statusCode = answer.status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(answer.body));
}
