import type { ErrorBody, PublicCaseView, PublicInformation, Registration } from './public-api';

/** intake did not answer (down, unreachable, too slow): the citizen is told to try again, nothing is assumed. */
export class IntakeUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`intake did not answer: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'IntakeUnavailableError';
  }
}

export type IntakeAnswer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; body: ErrorBody; retryAfterSeconds?: number };

/** A file for intake, as C1 carries it: a part named `attachments` with the file's name. */
export interface OutgoingFile {
  name: string;
  mediaType: string;
  buffer: Buffer;
}

export interface CallContext {
  /** The citizen's address as the portal sees it, for intake's rate limits (C1: `X-Forwarded-For`). */
  clientIp?: string;
}

const enc = encodeURIComponent;

/**
 * intake's public API (`/public/:tenant…`), the only one the portal calls: no token, the citizen's address
 * forwarded. Paths carry the tracking code, so no error raised here names the URL.
 */
export class IntakeClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  information(tenant: string, context: CallContext = {}): Promise<IntakeAnswer<PublicInformation>> {
    return this.call('GET', `/public/${enc(tenant)}`, context);
  }

  /** C1: JSON without files, `multipart/form-data` (`submission` + `attachments` parts) with them. */
  submit(
    tenant: string,
    submission: object,
    files: OutgoingFile[],
    idempotencyKey: string,
    context: CallContext = {},
  ): Promise<IntakeAnswer<Registration>> {
    return this.send(this.submission(tenant, submission, files, idempotencyKey, context));
  }

  /** The request `submit` sends, as C1 shapes it. */
  submission(tenant: string, submission: object, files: OutgoingFile[], idempotencyKey: string, context: CallContext = {}): Request {
    const headers = { 'idempotency-key': idempotencyKey };
    if (files.length === 0) return this.request('POST', `/public/${enc(tenant)}/cases`, context, { json: submission, headers });
    const form = new FormData();
    form.append('submission', JSON.stringify(submission));
    for (const file of files) {
      form.append('attachments', new Blob([file.buffer], { type: file.mediaType || 'application/octet-stream' }), file.name);
    }
    return this.request('POST', `/public/${enc(tenant)}/cases`, context, { form, headers });
  }

  status(tenant: string, code: string, context: CallContext = {}): Promise<IntakeAnswer<PublicCaseView>> {
    return this.call('GET', this.casePath(tenant, code), context);
  }

  withdraw(tenant: string, code: string, reason: string, context: CallContext = {}): Promise<IntakeAnswer<PublicCaseView>> {
    return this.call('POST', `${this.casePath(tenant, code)}/withdraw`, context, { json: reason ? { reason } : {} });
  }

  provideInformation(tenant: string, code: string, text: string, context: CallContext = {}): Promise<IntakeAnswer<PublicCaseView>> {
    return this.call('POST', `${this.casePath(tenant, code)}/information`, context, { json: { text } });
  }

  rate(
    tenant: string,
    code: string,
    rating: { rating: number; comment?: string; recommendation?: string },
    context: CallContext = {},
  ): Promise<IntakeAnswer<PublicCaseView>> {
    return this.call('POST', `${this.casePath(tenant, code)}/rating`, context, { json: rating });
  }

  /**
   * C4's answer letter: only a path under the case's own public path is fetched, so a view can never send the
   * portal elsewhere. The answer as fetch gives it (the caller streams the PDF through), or undefined.
   */
  async letter(tenant: string, code: string, letterUrl: string, context: CallContext = {}): Promise<Response | undefined> {
    const base = `${this.casePath(tenant, code)}/`;
    const path = new URL(letterUrl, 'http://intake.invalid').pathname;
    if (!path.startsWith(base) || path.includes('..')) return undefined;
    return this.fetch(path, { method: 'GET', headers: this.headers(context) });
  }

  async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(3_000) });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }

  private casePath(tenant: string, code: string): string {
    return `/public/${enc(tenant)}/cases/${enc(code)}`;
  }

  private headers(context: CallContext, extra: Record<string, string> = {}): Record<string, string> {
    return { accept: 'application/json', ...(context.clientIp ? { 'x-forwarded-for': context.clientIp } : {}), ...extra };
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    return this.deliver(new Request(`${this.baseUrl}${path}`, init));
  }

  private async deliver(request: Request): Promise<Response> {
    try {
      return await fetch(request, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
    } catch (error) {
      throw new IntakeUnavailableError(error);
    }
  }

  private request(
    method: string,
    path: string,
    context: CallContext,
    options: { json?: object; form?: FormData; headers?: Record<string, string> } = {},
  ): Request {
    const headers = this.headers(context, options.headers);
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const body = options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    return new Request(`${this.baseUrl}${path}`, { method, headers, body });
  }

  private call<T>(
    method: string,
    path: string,
    context: CallContext,
    options: { json?: object; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<IntakeAnswer<T>> {
    return this.send(this.request(method, path, context, options));
  }

  private async send<T>(request: Request): Promise<IntakeAnswer<T>> {
    const response = await this.deliver(request);
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (error) {
      if (response.status >= 500) throw new IntakeUnavailableError(`status ${response.status}`);
      throw new IntakeUnavailableError(error);
    }
    if (response.ok) return { ok: true, status: response.status, body: parsed as T };
    if (response.status >= 500) throw new IntakeUnavailableError(`status ${response.status}`);
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      body: errorBodyOf(parsed, response.status),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
}

function errorBodyOf(parsed: unknown, status: number): ErrorBody {
  const body = parsed as Partial<ErrorBody> | null;
  return {
    statusCode: status,
    errors: Array.isArray(body?.errors) ? body.errors.filter((e) => typeof e?.field === 'string' && typeof e?.reason === 'string') : [],
    ...(body?.rejection ? { rejection: body.rejection } : {}),
  };
}
