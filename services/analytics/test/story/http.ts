import { randomUUID } from 'node:crypto';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** An Idempotency-Key; `true` makes a fresh one. */
  key?: string | true;
}

/** A small JSON client of one service process: every answer parsed, whatever its status. */
export function client(baseUrl: string) {
  return async function call<T = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.key) headers['idempotency-key'] = options.key === true ? randomUUID() : options.key;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { text };
    }
    return { status: response.status, headers: response.headers, body: body as T };
  };
}

/** The same call, but anything other than the expected status is an error naming the answer. */
export async function expectStatus<T>(answer: Promise<Answer<T>>, status: number, what: string): Promise<T> {
  const got = await answer;
  if (got.status !== status) throw new Error(`${what}: expected ${status}, got ${got.status} ${JSON.stringify(got.body)}`);
  return got.body;
}
