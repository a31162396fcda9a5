import { INVALID_TOKEN_REASONS } from './rejections';
import { accessDenied, bearerChallenge, issuerUnavailable, tokenRefused } from './http-answers';

describe('the answer to a refused token', () => {
  it('challenges a request without credentials without an error code (RFC 6750 §3.1)', () => {
    expect(bearerChallenge({ reason: 'missing-token', message: 'x' }, 'civic-cases')).toBe('Bearer realm="civic-cases"');
  });

  it('names invalid_token otherwise, with a description that stays a valid quoted string', () => {
    const challenge = bearerChallenge({ reason: 'missing-subject', message: 'the token has no "sub" claim — Ж' }, 'civic-cases');
    expect(challenge).toBe(`Bearer realm="civic-cases", error="invalid_token", error_description="the token has no 'sub' claim ? ?"`);
  });

  it("has the platform's error body: the field, the reason's name, and why in Bulgarian and English", () => {
    expect(tokenRefused({ reason: 'token-expired', message: 'the token has expired' }).getResponse()).toEqual({
      statusCode: 401,
      errors: [{ field: 'Authorization', reason: 'the token has expired' }],
      rejection: { type: 'token-expired', message: { bg: 'Токенът е изтекъл.', en: 'the token has expired' } },
    });
    const denial = { reason: 'other-tenant', message: { bg: 'друга община', en: 'another tenant' } } as const;
    expect(accessDenied(denial).getResponse()).toEqual({
      statusCode: 403,
      errors: [{ field: 'Authorization', reason: 'another tenant' }],
      rejection: { type: 'other-tenant', message: denial.message },
    });
    expect(issuerUnavailable().getResponse()).toMatchObject({
      statusCode: 503,
      errors: [{ field: 'server' }],
      rejection: { type: 'issuer-unavailable' },
    });
  });

  it.each(INVALID_TOKEN_REASONS)('says %s in Bulgarian too', (reason) => {
    const body = tokenRefused({ reason, message: 'x' }).getResponse() as { rejection: { message: { bg: string } } };
    expect(body.rejection.message.bg).toMatch(/[а-я]/);
  });
});
