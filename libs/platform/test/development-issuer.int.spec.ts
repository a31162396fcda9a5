import { DevIssuer } from '@civic/auth';
import { developmentKeysProblem } from '../src/deployment';

// Issue 21, item 10: a production service must not trust the development issuer, which signs a token for any
// role. Its address is refused with the settings (deployment.ts); its key set, wherever it is served from, at start.
describe("the development issuer's key set at a production start", () => {
  let issuer: DevIssuer;

  beforeAll(async () => {
    issuer = await DevIssuer.start();
  });

  afterAll(async () => {
    await issuer?.stop();
  });

  it('is refused in production, naming AUTH_JWKS_URL', async () => {
    expect(await developmentKeysProblem(issuer.jwksUrl, { DEPLOYMENT: 'production' })).toEqual({
      variable: 'AUTH_JWKS_URL',
      reason: expect.stringMatching(/^serves the development token issuer's key, .*\(DEPLOYMENT=production\)$/),
    });
    expect(await developmentKeysProblem(issuer.jwksUrl, { NODE_ENV: 'production' })).toBeDefined();
  });

  it('is what development runs on', async () => {
    expect(await developmentKeysProblem(issuer.jwksUrl, { DEPLOYMENT: 'development' })).toBeUndefined();
  });

  it("leaves a real provider's key set (the local Keycloak's) and one that cannot be read to the token verifier", async () => {
    const keycloak = process.env.KEYCLOAK_JWKS_URL;
    if (!keycloak) throw new Error('KEYCLOAK_JWKS_URL is unset: source .local/env.sh');
    expect(await developmentKeysProblem(keycloak, { DEPLOYMENT: 'production' })).toBeUndefined();
    expect(await developmentKeysProblem('http://127.0.0.1:9/.well-known/jwks.json', { DEPLOYMENT: 'production' })).toBeUndefined();
  });
});
