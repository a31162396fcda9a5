import { Controller, Get, Param } from '@nestjs/common';
import { Auth, CurrentPrincipal, DevIssuer, SEEDED_USERS, type Principal } from '../src';
import { startApp, type RunningApp } from './nest-app';

@Controller('tenants/:tenant/cases')
@Auth('registrar', 'officer')
class CasesController {
  @Get()
  list(@Param('tenant') tenant: string, @CurrentPrincipal() principal: Principal) {
    return { tenant, principal };
  }

  @Get('reports')
  @Auth('mayor')
  reports(@CurrentPrincipal() principal: Principal) {
    return { principal };
  }
}

@Controller('me')
class MeController {
  @Get()
  @Auth()
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}

@Controller('public')
class PublicController {
  @Get('opening-hours')
  hours() {
    return { open: '08:30' };
  }
}

const registrar = SEEDED_USERS.peshtera.registrar;
const now = () => Math.floor(Date.now() / 1000);

describe('the auth guard in a Nest app, with keys from a real JWKS endpoint', () => {
  let issuer: DevIssuer;
  let stranger: DevIssuer;
  let app: RunningApp;

  beforeAll(async () => {
    [issuer, stranger] = await Promise.all([DevIssuer.start(), DevIssuer.start()]);
    app = await startApp({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience }, [
      CasesController,
      MeController,
      PublicController,
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([issuer?.stop(), stranger?.stop()]);
  });

  const expect401 = async (token: string | undefined, reason: string, path = '/tenants/peshtera/cases') => {
    const response = await app.request('GET', path, token);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      statusCode: 401,
      errors: [{ field: 'Authorization', reason: expect.any(String) }],
      rejection: { type: reason, message: { bg: expect.any(String), en: expect.any(String) } },
    });
    const challenge = response.headers.get('www-authenticate');
    if (reason === 'missing-token') expect(challenge).toBe('Bearer realm="civic-cases"');
    else expect(challenge).toMatch(/^Bearer realm="civic-cases", error="invalid_token", error_description="[^"]+"$/);
  };

  it('lets a public route through without a token', async () => {
    expect(await app.request('GET', '/public/opening-hours')).toMatchObject({ status: 200, body: { open: '08:30' } });
  });

  it('hands the verified principal to a handler, for the right role and tenant', async () => {
    const response = await app.request('GET', '/tenants/peshtera/cases', await issuer.sign(registrar));
    expect(response).toMatchObject({
      status: 200,
      body: {
        tenant: 'peshtera',
        principal: { sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'], name: 'Стоянка Атанасова' },
      },
    });
  });

  it('accepts any role on an @Auth() route without roles', async () => {
    const response = await app.request('GET', '/me', await issuer.sign(SEEDED_USERS.sopot.auditor));
    expect(response).toMatchObject({ status: 200, body: { sub: 'sopot:auditor', tenant: 'sopot' } });
  });

  it('refuses a request without a token: 401, bare challenge', () => expect401(undefined, 'missing-token'));

  it('refuses a header that is not a bearer JWT', async () => {
    const response = await fetch(`${app.url}/tenants/peshtera/cases`, { headers: { authorization: 'Basic cGVzaHRlcmE6' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ rejection: { type: 'malformed-token' } });
    await expect401('abc.def', 'malformed-token');
  });

  it('refuses a token signed by another key, even with the right claims', async () =>
    expect401(await stranger.sign(registrar), 'bad-signature'));

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await issuer.sign(registrar)).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...registrar, tenant: 'sopot', iss: issuer.issuer, aud: 'civic-cases', exp: now() + 60 }),
    ).toString('base64url');
    await expect401(`${header}.${forged}.${signature}`, 'bad-signature');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none' })}.${part({ ...registrar, iss: issuer.issuer, aud: 'civic-cases', exp: now() + 60 })}.`;
    await expect401(unsigned, 'unsupported-algorithm');
  });

  it('refuses an expired token, beyond the clock tolerance', async () =>
    expect401(await issuer.signRaw({ ...registrar }, { expiresAt: now() - 120 }), 'token-expired'));

  it('accepts a token that expired within the clock tolerance', async () => {
    const response = await app.request('GET', '/tenants/peshtera/cases', await issuer.signRaw({ ...registrar }, { expiresAt: now() - 5 }));
    expect(response.status).toBe(200);
  });

  it('refuses a token without an expiry', async () =>
    expect401(await issuer.signRaw({ ...registrar }, { expiresAt: null }), 'missing-expiry'));

  it('refuses a token for another audience', async () =>
    expect401(await issuer.signRaw({ ...registrar }, { audience: 'another-app' }), 'wrong-audience'));

  it('refuses a token from another issuer, even signed with the right key', async () =>
    expect401(await issuer.signRaw({ ...registrar }, { issuer: 'https://login.example.org' }), 'wrong-issuer'));

  it.each([
    ['missing-tenant-claim', { sub: 'x', roles: ['registrar'] }],
    ['missing-roles-claim', { sub: 'x', tenant: 'peshtera' }],
    ['unknown-role', { sub: 'x', tenant: 'peshtera', roles: ['root'] }],
    ['missing-subject', { tenant: 'peshtera', roles: ['registrar'] }],
  ])('refuses a token with %s', async (reason, claims) => expect401(await issuer.signRaw(claims), reason));

  it('forbids a valid token without one of the roles: 403', async () => {
    const response = await app.request('GET', '/tenants/peshtera/cases', await issuer.sign(SEEDED_USERS.peshtera.mayor));
    expect(response).toMatchObject({
      status: 403,
      body: {
        statusCode: 403,
        errors: [{ field: 'Authorization', reason: expect.stringContaining('registrar, officer') }],
        rejection: {
          type: 'role-not-allowed',
          message: { bg: expect.stringContaining('registrar, officer'), en: expect.stringContaining('registrar, officer') },
        },
      },
    });
  });

  it("lets a handler's @Auth replace its controller's", async () => {
    const path = '/tenants/peshtera/cases/reports';
    expect((await app.request('GET', path, await issuer.sign(SEEDED_USERS.peshtera.mayor))).status).toBe(200);
    expect((await app.request('GET', path, await issuer.sign(registrar))).status).toBe(403);
  });

  it("forbids another tenant's route: 403", async () => {
    const response = await app.request('GET', '/tenants/sopot/cases', await issuer.sign(registrar));
    expect(response).toMatchObject({
      status: 403,
      body: { rejection: { type: 'other-tenant', message: { bg: 'Токенът е за община „peshtera“, а не за „sopot“.' } } },
    });
  });
});

describe('the auth guard when the issuer cannot be reached', () => {
  it("answers 503, not 401 or 500: the caller's token is not at fault", async () => {
    const issuer = await DevIssuer.start();
    const token = await issuer.sign(registrar);
    const { jwksUrl } = issuer;
    await issuer.stop();
    const app = await startApp({ jwksUrl, issuer: issuer.issuer, audience: issuer.audience }, [CasesController]);
    try {
      expect(await app.request('GET', '/tenants/peshtera/cases', token)).toMatchObject({
        status: 503,
        body: { statusCode: 503, errors: [{ field: 'server' }], rejection: { type: 'issuer-unavailable' } },
      });
    } finally {
      await app.close();
    }
  });
});
