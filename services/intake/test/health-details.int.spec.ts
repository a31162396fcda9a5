import { randomUUID } from 'node:crypto';
import { DevIssuer } from '@civic/auth';
import type { Role } from '@civic/domain';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

const PROBE_SECRET = `probe-${randomUUID()}`;

// Issue 21, item 11: /health told anyone each dependency by name, with its error text and the tenants held. Now
// anyone gets the status code and the overall status (what a load balancer needs); the details go to a bearer
// token of the ops or platform-operator role, or to a probe sending HEALTH_PROBE_SECRET.
describe('who sees the details of /health', () => {
  let intake: IntakeInProcess;

  beforeAll(async () => {
    intake = await startIntakeInProcess({ HEALTH_PROBE_SECRET: PROBE_SECRET });
  });

  afterAll(async () => {
    await intake?.close();
  });

  const health = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${intake.url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const bearer = async (role: Role, tenant = role === 'platform-operator' ? 'platform' : 'peshtera') => ({
    authorization: `Bearer ${await intake.issuer.sign({ sub: `${tenant}:${role}`, tenant, roles: [role] })}`,
  });

  it('tells anyone the overall status alone, on /health and /health/ready', async () => {
    for (const path of ['/health', '/health/ready', '/health/live']) {
      const answer = await health(path);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: 'ok' });
    }
  });

  it('tells staff of other roles, a forged token and a wrong probe secret no more', async () => {
    const stranger = await DevIssuer.start();
    try {
      const forged = await stranger.sign({ sub: 'peshtera:ops', tenant: 'peshtera', roles: ['ops'] });
      for (const headers of [
        await bearer('officer'),
        await bearer('mayor'),
        { authorization: `Bearer ${forged}` },
        { authorization: 'Bearer not-a-token' },
        { 'x-health-probe-secret': `${PROBE_SECRET}x` },
      ]) {
        expect(await health('/health', headers)).toEqual({ status: 200, body: { status: 'ok' } });
      }
    } finally {
      await stranger.stop();
    }
  });

  it('names each dependency to the ops and platform-operator roles and to the probe secret', async () => {
    for (const headers of [await bearer('ops'), await bearer('platform-operator'), { 'x-health-probe-secret': PROBE_SECRET }]) {
      const answer = await health('/health', headers);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        status: 'ok',
        details: {
          kafka: { status: 'up' },
          'event-store': { status: 'up' },
          mongodb: { status: 'up' },
          tenants: { status: 'up', held: expect.objectContaining({ peshtera: expect.any(Number) }) },
        },
      });
      expect((await health('/health/ready', headers)).body).toMatchObject({ details: { 'event-store': { status: 'up' } } });
    }
  });
});
