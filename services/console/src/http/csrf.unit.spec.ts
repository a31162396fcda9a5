import type { Response } from 'express';
import type { ConsoleRequest } from './console-request';
import { csrfProtection } from './csrf';

const session = { id: 's', csrfToken: 'token-of-the-session', createdAt: 0, expiresAt: 1 };

function run(method: string, headers: Record<string, string>, withSession = true) {
  const req = { method, headers, header: (name: string) => headers[name.toLowerCase()], consoleSession: withSession ? session : undefined };
  const answer: { status?: number; body?: unknown; passed: boolean } = { passed: false };
  const res = {
    status(code: number) {
      answer.status = code;
      return this;
    },
    type() {
      return this;
    },
    send(body: string) {
      answer.body = JSON.parse(body);
    },
  };
  csrfProtection('http://127.0.0.1:3000')(req as unknown as ConsoleRequest, res as unknown as Response, () => (answer.passed = true));
  return answer;
}

describe('CSRF protection', () => {
  it('lets reads through without a token', () => {
    expect(run('GET', {}).passed).toBe(true);
  });

  it("lets a change through with the session's token from the console's own origin", () => {
    expect(run('POST', { 'x-csrf-token': session.csrfToken, origin: 'http://127.0.0.1:3000' }).passed).toBe(true);
  });

  it.each([
    ['no token', {}],
    ['another token', { 'x-csrf-token': 'guess' }],
  ])('refuses a change with %s: 403 naming the header', (_what, headers) => {
    expect(run('POST', headers)).toEqual({
      passed: false,
      status: 403,
      body: { statusCode: 403, errors: [{ field: 'X-CSRF-Token', reason: expect.any(String) }] },
    });
  });

  it('refuses a change from another origin even with the token', () => {
    expect(run('DELETE', { 'x-csrf-token': session.csrfToken, origin: 'https://evil.example' })).toMatchObject({
      passed: false,
      status: 403,
    });
  });

  it('refuses a change without a session', () => {
    expect(run('POST', { 'x-csrf-token': session.csrfToken }, false)).toMatchObject({ passed: false, status: 403 });
  });
});
