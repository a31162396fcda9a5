import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { WORKSPACE_ROOT } from '@civic/testing';
import { apiAnswer, signIn } from './browser';
import { newPage, type JourneyContext } from './context';

/** What no one may do: reach another municipality, use a session from script, forge a change. */
export function accessJourney(journey: JourneyContext): void {
  describe('access', () => {
    it('an officer of Peshtera reaches nothing of Sopot by URL', async () => {
      const { page, context } = await newPage(journey, { viewport: 'phone' });
      await signIn(page, journey.platform.console.url, 'peshtera.officer', '/cases/mine');
      const paths = [
        '/api/analytics/tenants/sopot/cases',
        `/api/intake/tenants/sopot/cases/${randomUUID()}`,
        '/api/deadline-watch/tenants/sopot/deadlines',
        '/api/notification/tenants/sopot/notifications/templates',
        // The municipalities are the platform operator's: forwarded, and refused by intake to anyone else.
        '/api/intake/platform/tenants',
      ];
      for (const path of paths) {
        const answer = await apiAnswer(page, path);
        expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      }
      await context.close();
    });

    it('the session cookie is HttpOnly, Secure and SameSite; the pages carry a strict Content-Security-Policy', async () => {
      const { page, context } = await newPage(journey);
      const consoleUrl = journey.platform.console.url;
      await signIn(page, consoleUrl, 'peshtera.registrar');
      const cookies = await context.cookies(consoleUrl);
      expect(cookies).toEqual([expect.objectContaining({ name: 'civic-session', httpOnly: true, secure: true, sameSite: 'Lax' })]);
      const response = await page.goto(`${consoleUrl}/`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      // Without the session's CSRF token a state-changing call is refused before it reaches a service.
      const forged = await page.evaluate(
        async () => (await fetch('/api/intake/tenants/peshtera/cases', { method: 'POST', body: '{}' })).status,
      );
      expect(forged).toBe(403);
      await context.close();
    });

    it("the platform's health is for ops only, made from every service's /health and /metrics, their own tenant's figures only", async () => {
      const consoleUrl = journey.platform.console.url;
      const officer = await newPage(journey);
      await signIn(officer.page, consoleUrl, 'peshtera.officer');
      expect(await apiAnswer(officer.page, '/platform/health')).toEqual({
        status: 403,
        body: { statusCode: 403, errors: [{ field: 'role', reason: 'only the ops and platform-operator roles see the platform health' }] },
      });
      await officer.context.close();
      expect((await fetch(`${consoleUrl}/platform/health`, { headers: { accept: 'application/json' } })).status).toBe(401);

      const { page, context } = await newPage(journey);
      await signIn(page, consoleUrl, 'peshtera.ops');
      const answer = await apiAnswer(page, '/platform/health');
      mkdirSync(join(WORKSPACE_ROOT, 'tmp'), { recursive: true });
      writeFileSync(join(WORKSPACE_ROOT, 'tmp', 'platform-health.json'), `${JSON.stringify(answer.body, null, 2)}\n`);
      const health = answer.body as {
        services: { name: string; status: string; details: Record<string, { status: string }> }[];
        consumers: { service: string }[];
        failedNotifications: { tenant: string }[];
      };
      expect(answer.status).toBe(200);
      expect(health.services.map((s) => [s.name, s.status])).toEqual(
        ['intake', 'routing', 'deadline-watch', 'notification', 'analytics'].map((name) => [name, 'up']),
      );
      expect(health.services[0].details).toMatchObject({ kafka: { status: 'up' }, mongodb: { status: 'up' } });
      expect(health).toMatchObject({ relay: { unpublishedEvents: expect.any(Number), oldestUnpublishedSeconds: expect.any(Number) } });
      expect(health.failedNotifications.every((entry) => entry.tenant === 'peshtera')).toBe(true);
      // The console's own figures, in the same format as the services'.
      const metrics = await (await fetch(`${consoleUrl}/metrics`)).text();
      // Counted by route template; other journeys (ops) read the health too, so the count is at least this one.
      const served =
        /^civic_http_requests_total\{route="\/platform\/health",method="GET",status_class="2xx",service="console"\} (\d+)$/m.exec(metrics);
      expect(Number(served?.[1] ?? 0)).toBeGreaterThanOrEqual(1);
      await context.close();
    });

    it("the pages' typed API clients are generated from the OpenAPI documents the services serve", async () => {
      const stale: string[] = [];
      const fresh = join(WORKSPACE_ROOT, 'tmp', 'openapi');
      mkdirSync(fresh, { recursive: true });
      for (const [service, running] of Object.entries(journey.platform.services)) {
        // Parsed here, not by fetch's json(): objects from another realm never deep-equal this one's (isDeepStrictEqual).
        const served: unknown = JSON.parse(await (await fetch(`${running.url}/docs/openapi.json`)).text());
        writeFileSync(join(fresh, `${service}.json`), JSON.stringify(served));
        const file = join(WORKSPACE_ROOT, 'services', 'console', 'web', 'src', 'api', 'openapi', `${service}.json`);
        if (!isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), served)) stale.push(service);
      }
      // The served documents are in tmp/openapi/: `node services/console/web/scripts/fetch-openapi.mjs --from tmp/openapi`
      // (or against `npm start` without arguments), then `node services/console/web/scripts/generate-api.mjs`.
      expect(stale).toEqual([]);
    });
  });
}
