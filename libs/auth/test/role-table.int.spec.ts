import { Controller, Get, Post, Put } from '@nestjs/common';
import { ROLES, type Role } from '@civic/domain';
import { Auth, DevIssuer } from '../src';
import { startApp, type RunningApp } from './nest-app';

/** A sample of staff endpoints, shaped like the services' own, with the roles each allows. */
const ENDPOINTS: { method: string; path: string; roles: Role[] }[] = [
  {
    method: 'GET',
    path: 'cases',
    roles: ['registrar', 'officer', 'head-of-unit', 'secretary', 'mayor', 'anti-corruption-officer', 'auditor'],
  },
  { method: 'POST', path: 'cases', roles: ['registrar'] },
  { method: 'POST', path: 'cases/assign', roles: ['head-of-unit', 'secretary'] },
  { method: 'PUT', path: 'routing-rules', roles: ['tenant-admin'] },
  { method: 'GET', path: 'audit/cases', roles: ['auditor'] },
  { method: 'GET', path: 'ops/queues', roles: ['ops'] },
  // The data protection officer's own route (GDPR art. 17 erasure): theirs alone, and the only one they pass.
  { method: 'POST', path: 'cases/erasure', roles: ['data-protection-officer'] },
];

@Controller('tenants/:tenant')
class SampleController {
  @Get('cases') @Auth(...ENDPOINTS[0].roles) list() {
    return { ok: true };
  }
  @Post('cases') @Auth(...ENDPOINTS[1].roles) register() {
    return { ok: true };
  }
  @Post('cases/assign') @Auth(...ENDPOINTS[2].roles) assign() {
    return { ok: true };
  }
  @Put('routing-rules') @Auth(...ENDPOINTS[3].roles) rules() {
    return { ok: true };
  }
  @Get('audit/cases') @Auth(...ENDPOINTS[4].roles) audit() {
    return { ok: true };
  }
  @Get('ops/queues') @Auth(...ENDPOINTS[5].roles) queues() {
    return { ok: true };
  }
  @Post('cases/erasure') @Auth(...ENDPOINTS[6].roles) erase() {
    return { ok: true };
  }
}

// The platform operator's role goes with the tenant claim 'platform' alone: with a municipality's, the token is refused.
const expected = (role: Role, allowed: Role[], ownTenant: boolean) =>
  role === 'platform-operator'
    ? '401 invalid-tenant-claim'
    : !allowed.includes(role)
      ? '403 role-not-allowed'
      : ownTenant
        ? 'granted'
        : '403 other-tenant';

const outcome = ({ status, body }: { status: number; body: unknown }) =>
  status >= 200 && status < 300 ? 'granted' : `${status} ${(body as { rejection?: { type?: string } }).rejection?.type}`;

describe('every role against a sample of endpoints, in its own tenant and another', () => {
  let issuer: DevIssuer;
  let app: RunningApp;

  beforeAll(async () => {
    issuer = await DevIssuer.start();
    app = await startApp({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience }, [SampleController]);
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
  });

  const cases = ROLES.flatMap((role) =>
    ENDPOINTS.flatMap(({ method, path, roles }) =>
      (['nova-zagora', 'momchilgrad'] as const).map((routeTenant) => [role, method, routeTenant, path, roles] as const),
    ),
  );

  it.each(cases)('a nova-zagora %s: %s /tenants/%s/%s', async (role, method, routeTenant, path, roles) => {
    const token = await issuer.sign({ sub: `nova-zagora:${role}`, tenant: 'nova-zagora', roles: [role] });
    const response = await app.request(method, `/tenants/${routeTenant}/${path}`, token);
    expect(outcome(response)).toBe(expected(role, roles, routeTenant === 'nova-zagora'));
  });
});
