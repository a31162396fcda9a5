import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { InvalidTokenError } from './rejections';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'https://login.example.bg/realms/civic';
const AUDIENCE = 'civic-cases';
const CLAIMS = { sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'] };

/**
 * The verifier pins RS256 (RFC 8725 §3.1: a verifier allows only the algorithms it expects). A key set that also
 * publishes an EC key, served from a local port, shows that another algorithm is refused even when a key for it
 * would be found, and that the refusal comes before any key is fetched.
 */
describe('the token verifier accepts RS256 only', () => {
  let rsa: { privateKey: KeyLike; publicKey: KeyLike };
  let ec: { privateKey: KeyLike; publicKey: KeyLike };
  let server: Server;
  let jwksUrl: string;
  let fetches = 0;

  beforeAll(async () => {
    [rsa, ec] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('ES256')]);
    const keys: JWK[] = [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec', alg: 'ES256', use: 'sig' },
    ];
    server = createServer((_request, response) => {
      fetches += 1;
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  const verifier = () => new TokenVerifier({ jwksUrl, issuer: ISSUER, audience: AUDIENCE });

  const signed = (alg: string, kid: string, key: KeyLike | Uint8Array) =>
    new SignJWT(CLAIMS)
      .setProtectedHeader({ alg, kid, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(key);

  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = () =>
    `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...CLAIMS, iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300 })}.`;

  const rejectionOf = async (token: string) => {
    const error: unknown = await verifier()
      .verify(token)
      .then(
        () => undefined,
        (failure: unknown) => failure,
      );
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as InvalidTokenError).rejection.reason;
  };

  it.each([
    // The classic confusion: an HMAC keyed with the issuer's public RSA key, which anyone can download.
    ['HS256 keyed with the public RSA key', async () => signed('HS256', 'rsa', new TextEncoder().encode(await exportSPKI(rsa.publicKey)))],
    ['alg none, no signature', async () => unsigned()],
    ['ES256, with its key in the key set', async () => signed('ES256', 'ec', ec.privateKey)],
    ['PS256, signed by the RSA key itself', async () => signed('PS256', 'rsa', rsa.privateKey)],
    ['RS512, signed by the RSA key itself', async () => signed('RS512', 'rsa', rsa.privateKey)],
  ])('refuses %s as unsupported-algorithm, without fetching a key', async (_what, token) => {
    const before = fetches;
    expect(await rejectionOf(await token())).toBe('unsupported-algorithm');
    expect(fetches).toBe(before);
  });

  it('accepts the same claims signed RS256 by the published key', async () => {
    const principal = await verifier().verify(await signed('RS256', 'rsa', rsa.privateKey));
    expect(principal).toMatchObject({ sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'] });
    expect(fetches).toBeGreaterThan(0);
  });

  it('refuses a token valid for longer than twelve hours, from its iat or, without one, from now (issue 21, item 10)', async () => {
    const lasting = (seconds: number, withIat: boolean) => {
      const jwt = new SignJWT(CLAIMS).setProtectedHeader({ alg: 'RS256', kid: 'rsa', typ: 'JWT' }).setIssuer(ISSUER).setAudience(AUDIENCE);
      if (withIat) jwt.setIssuedAt();
      return jwt.setExpirationTime(Math.floor(Date.now() / 1000) + seconds).sign(rsa.privateKey);
    };
    const tenYears = 10 * 365 * 24 * 3600;
    expect(await rejectionOf(await lasting(tenYears, true))).toBe('token-lifetime-too-long');
    expect(await rejectionOf(await lasting(tenYears, false))).toBe('token-lifetime-too-long');
    await expect(verifier().verify(await lasting(12 * 3600 - 60, true))).resolves.toMatchObject({ sub: CLAIMS.sub });
  });
});
