import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { attachmentLimitsOf, type AttachmentLimits } from '@civic/domain';
import { BODY, errorBody, SERVICE_CONFIG, TenantDirectory } from '@civic/platform';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { charterOf } from '../cases/tenants';
import type { IntakeConfig } from '../config';

/** What the parser lets through beyond the tenant's limits, so that a little too much is a 400 naming the file. */
const HEADROOM_BYTES = 1024 * 1024;
const EXTRA_FILES = 5;
/** `submission` and a few stray fields (reported as unknown); more is abuse. */
const MAX_FIELDS = 10;

/** The hard limits of the multipart parser for a tenant: slightly above what it allows; beyond them 413. */
export function multipartLimits(limits: AttachmentLimits, fieldBytes: number) {
  return {
    fileSize: limits.maxBytesPerFile + HEADROOM_BYTES,
    files: limits.maxFiles + EXTRA_FILES,
    fields: MAX_FIELDS,
    fieldSize: fieldBytes,
    fieldNameSize: 100,
    parts: limits.maxFiles + EXTRA_FILES + MAX_FIELDS,
    headerPairs: 100,
    /** The whole body: every file at its largest, the submission, and room for the parts' headers. */
    totalBytes: limits.maxFiles * limits.maxBytesPerFile + fieldBytes + HEADROOM_BYTES,
  };
}

type MultipartLimits = ReturnType<typeof multipartLimits>;

const tooLarge = (field: string, reason: string, code?: string) =>
  new HttpException(errorBody(HttpStatus.PAYLOAD_TOO_LARGE, [{ field, reason, ...(code ? { code } : {}) }]), HttpStatus.PAYLOAD_TOO_LARGE);

/** The body grew past the whole limit while it was read (sent without, or with a false, Content-Length). */
class BodyOverLimit extends Error {}

/**
 * Reads a citizen's `multipart/form-data` submission (C1) with @nestjs/platform-express's multer, files in
 * memory, under hard limits sized from the route's tenant (`multipartLimits`): an abusive body is cut off
 * with 413 and the connection closed, never read to its end. What stays under them is judged by the
 * service, every file named. A JSON request passes untouched; an unknown tenant is 404 before any reading.
 */
@Injectable()
export class SubmissionFilesInterceptor implements NestInterceptor {
  /** One parser per charter version held: a revision with other attachment limits gets its own. */
  private readonly parsers = new WeakMap<object, { parser: NestInterceptor; limits: MultipartLimits }>();

  constructor(
    private readonly tenants: TenantDirectory,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (!request.is('multipart/form-data')) return next.handle();
    const { parser, limits } = this.parserFor(String(request.params.tenant));
    try {
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.totalBytes) throw new BodyOverLimit();
      countBytes(request, limits.totalBytes);
      return await parser.intercept(context, next);
    } catch (error) {
      const refusal = refusalOf(error, limits);
      // Whatever is still coming is not read: the connection closes once the answer is out.
      if (refusal.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) response.setHeader('Connection', 'close');
      throw refusal;
    }
  }

  private parserFor(tenant: string) {
    const charter = charterOf(this.tenants, tenant);
    let found = this.parsers.get(charter);
    if (!found) {
      const limits = multipartLimits(attachmentLimitsOf(charter), this.config.PUBLIC_BODY_LIMIT_BYTES);
      const { totalBytes: _whole, ...busboyLimits } = limits;
      // No storage named: multer keeps each file in memory (a Buffer), bounded by the limits above.
      const Parser: Type<NestInterceptor> = AnyFilesInterceptor({ limits: busboyLimits, preservePath: false });
      found = { parser: new Parser(), limits };
      this.parsers.set(charter, found);
    }
    return found;
  }
}

/** Fails the read (multer listens for the request's errors) once more than `limit` bytes have come. */
function countBytes(request: Request, limit: number): void {
  let seen = 0;
  const count = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) {
      request.off('data', count);
      request.emit('error', new BodyOverLimit());
    }
  };
  request.on('data', count);
}

/**
 * multer's refusals as intake answers them. @nestjs/platform-express turns multer's errors into HTTP
 * exceptions carrying multer's messages (its multerExceptions), so they are told apart by those messages.
 */
function refusalOf(error: unknown, limits: MultipartLimits): HttpException {
  if (error instanceof BodyOverLimit) return tooLarge(BODY, `is larger than ${limits.totalBytes} bytes`);
  if (!(error instanceof HttpException)) {
    return new HttpException(
      errorBody(HttpStatus.BAD_REQUEST, [{ field: BODY, reason: 'could not be read as multipart/form-data' }]),
      HttpStatus.BAD_REQUEST,
    );
  }
  const message = error.message;
  if (message.startsWith('File too large')) {
    return tooLarge('attachments', `a file is larger than ${limits.fileSize} bytes; nothing was kept`, 'attachment-too-large');
  }
  if (message.startsWith('Too many files')) {
    return tooLarge('attachments', `more than ${limits.files} files; nothing was kept`, 'too-many-attachments');
  }
  if (message.startsWith('Field value too long')) return tooLarge('submission', `is larger than ${limits.fieldSize} bytes`);
  if (['Too many parts', 'Too many fields', 'Field name too long'].some((limit) => message.startsWith(limit))) {
    return tooLarge(BODY, `has more parts than a submission needs (${message.toLowerCase()})`);
  }
  if (error.getStatus() === HttpStatus.BAD_REQUEST) {
    return new HttpException(
      errorBody(HttpStatus.BAD_REQUEST, [{ field: BODY, reason: `is not a readable multipart/form-data body (${message})` }]),
      HttpStatus.BAD_REQUEST,
    );
  }
  return error;
}
