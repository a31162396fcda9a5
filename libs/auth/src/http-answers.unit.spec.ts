import { bearerChallenge, unauthorized } from './http-answers';

describe('the answer to a refused token', () => {
  it('challenges a request without credentials without an error code (RFC 6750 §3.1)', () => {
    expect(bearerChallenge({ reason: 'missing-token', message: 'x' }, 'civic-cases')).toBe('Bearer realm="civic-cases"');
  });

  it('names invalid_token otherwise, with a description that stays a valid quoted string', () => {
    const challenge = bearerChallenge({ reason: 'missing-subject', message: 'the token has no "sub" claim — Ж' }, 'civic-cases');
    expect(challenge).toBe(
      `Bearer realm="civic-cases", error="invalid_token", error_description="the token has no 'sub' claim ? ?"`,
    );
  });

  it('has a JSON body naming the reason', () => {
    expect(unauthorized({ reason: 'token-expired', message: 'the token has expired' }).getResponse()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      reason: 'token-expired',
      message: 'the token has expired',
    });
  });
});
