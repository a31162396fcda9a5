import { randomUUID } from 'node:crypto';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

// The portal submits for citizens from one address: with TRUST_PROXY naming it, the rate limits count each
// citizen by the X-Forwarded-For it sends; without it, nobody can claim another address by sending the header.
describe('the rate limits behind a trusted proxy (TRUST_PROXY)', () => {
  const follow = (intake: IntakeInProcess, forwardedFor: string) =>
    fetch(`${intake.url}/public/peshtera/cases/AAAA-BBBB`, { headers: { 'x-forwarded-for': forwardedFor, 'x-request-id': randomUUID() } });

  describe('trusting the portal on loopback', () => {
    let intake: IntakeInProcess;
    beforeAll(async () => {
      intake = await startIntakeInProcess({ PUBLIC_REQUESTS_PER_MINUTE: '1', TRUST_PROXY: 'loopback' });
    });
    afterAll(async () => {
      await intake?.close();
    });

    it("counts each citizen's address apart", async () => {
      expect((await follow(intake, '203.0.113.7')).status).toBe(404);
      expect((await follow(intake, '198.51.100.23')).status).toBe(404);
      expect((await follow(intake, '203.0.113.7')).status).toBe(429);
    });
  });

  describe('trusting nobody (the default)', () => {
    let intake: IntakeInProcess;
    beforeAll(async () => {
      intake = await startIntakeInProcess({ PUBLIC_REQUESTS_PER_MINUTE: '1' });
    });
    afterAll(async () => {
      await intake?.close();
    });

    it('counts the connecting address, whatever X-Forwarded-For says', async () => {
      expect((await follow(intake, '203.0.113.7')).status).toBe(404);
      expect((await follow(intake, '198.51.100.23')).status).toBe(429);
    });
  });
});
