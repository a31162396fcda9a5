import { bearerToken } from './bearer-token';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('the bearer token of an Authorization header', () => {
  it('is read with the scheme in any case', () => {
    expect(bearerToken(`Bearer ${jwt}`)).toEqual({ ok: true, token: jwt });
    expect(bearerToken(`bearer ${jwt}`)).toEqual({ ok: true, token: jwt });
  });

  it.each([undefined, ''])('is missing when the header is %p', (header) => {
    expect(bearerToken(header)).toMatchObject({ ok: false, rejection: { reason: 'missing-token' } });
  });

  it.each([
    ['another scheme', `Basic ${jwt}`],
    ['no token', 'Bearer '],
    ['two tokens', `Bearer ${jwt} ${jwt}`],
    ['not a JWT', 'Bearer not-a-jwt'],
    ['a JWT with padding', `Bearer ${jwt}==`],
  ])('is malformed with %s', (_what, header) => {
    expect(bearerToken(header)).toMatchObject({ ok: false, rejection: { reason: 'malformed-token' } });
  });

  it('is malformed when the header is repeated', () => {
    expect(bearerToken([`Bearer ${jwt}`, `Bearer ${jwt}`])).toMatchObject({ ok: false, rejection: { reason: 'malformed-token' } });
  });
});
