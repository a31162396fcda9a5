import { decodeJwt, decodeProtectedHeader } from 'jose';
import { DevIssuer, SEEDED_USERS, seededUserList, TokenVerifier } from '../src';

describe('the development issuer', () => {
  let issuer: DevIssuer;

  beforeAll(async () => {
    issuer = await DevIssuer.start();
  });

  afterAll(() => issuer?.stop());

  it('listens on 127.0.0.1 and is its own issuer, as OIDC discovery expects', () => {
    expect(issuer.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(issuer.jwksUrl).toBe(`${issuer.issuer}/.well-known/jwks.json`);
    expect(issuer.audience).toBe('civic-cases');
  });

  it('publishes its public RSA key, and nothing private', async () => {
    const response = await fetch(issuer.jwksUrl);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
    expect(Object.keys(keys[0])).not.toEqual(expect.arrayContaining(['d']));
  });

  it('serves the discovery document pointing at its keys', async () => {
    const document = await (await fetch(`${issuer.issuer}/.well-known/openid-configuration`)).json();
    expect(document).toMatchObject({ issuer: issuer.issuer, jwks_uri: issuer.jwksUrl, id_token_signing_alg_values_supported: ['RS256'] });
    expect((await fetch(`${issuer.issuer}/token`)).status).toBe(404);
  });

  it('signs tokens with its key id, for the claims given, that a verifier accepts', async () => {
    const token = await issuer.sign(SEEDED_USERS.petrich['anti-corruption-officer'], 600);
    const { keys } = (await (await fetch(issuer.jwksUrl)).json()) as { keys: { kid: string }[] };
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: keys[0].kid, typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
    const verifier = new TokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: 'civic-cases' });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'petrich:anti-corruption-officer',
      name: SEEDED_USERS.petrich['anti-corruption-officer'].name,
      tenant: 'petrich',
      roles: ['anti-corruption-officer'],
    });
  });

  it("signs every seeded user's token, the data protection officer's included, and a verifier accepts each", async () => {
    const verifier = new TokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: 'civic-cases' });
    for (const user of seededUserList()) {
      await expect(verifier.verify(await issuer.sign(user))).resolves.toEqual({ ...user });
    }
    await expect(verifier.verify(await issuer.sign(SEEDED_USERS.momchilgrad['data-protection-officer']))).resolves.toEqual({
      sub: 'momchilgrad:data-protection-officer',
      name: 'Фатме Исмаилова',
      tenant: 'momchilgrad',
      roles: ['data-protection-officer'],
    });
  });

  it('takes a given issuer and audience, and a fixed port', async () => {
    const probe = await DevIssuer.start();
    const port = Number(new URL(probe.issuer).port);
    await probe.stop();
    const other = await DevIssuer.start({ port, issuer: 'https://login.civic.test', audience: 'reports' });
    try {
      expect(other.jwksUrl).toBe(`http://127.0.0.1:${port}/.well-known/jwks.json`);
      expect(decodeJwt(await other.sign(SEEDED_USERS.sopot.mayor))).toMatchObject({ iss: 'https://login.civic.test', aud: 'reports' });
    } finally {
      await other.stop();
    }
  });

  it('stops at once even while a verifier keeps its connection alive', async () => {
    const shortLived = await DevIssuer.start();
    const verifier = new TokenVerifier({ jwksUrl: shortLived.jwksUrl, issuer: shortLived.issuer, audience: 'civic-cases' });
    await verifier.verify(await shortLived.sign(SEEDED_USERS.sopot.mayor));
    const started = Date.now();
    await shortLived.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
