import { randomUUID } from 'node:crypto';
import { accessibilityViolations, launchChromium, screenshot, VIEWPORTS } from '@civic/testing';
import type { Browser } from 'playwright-core';
import { apiAnswer, signIn } from './journeys';
import { startPlatform, type RunningPlatform } from './platform';

/** The services' now: a fixed Monday, so due dates and "overdue" are the same whatever day the test runs. */
const NOW = '2026-11-16T09:00:00.000Z';

interface Registration {
  caseId: string;
  registryNumber: string;
}

// The console as people use it: real Chromium, signing in on Keycloak's own page, the platform as processes.
describe('the web console, signed in through Keycloak', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let submitted: Registration;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startPlatform(NOW), launchChromium()]);
    const response = await fetch(`${platform.services.intake.url}/public/peshtera/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        kind: 'complaint',
        category: 'roads-lighting',
        submitter: { name: 'Иван Петров', email: 'ivan.petrov@example.bg', language: 'bg' },
        text: 'Уличното осветление на ул. „Родопи“ не работи от седмица.',
        attachments: [],
      }),
    });
    expect(response.status).toBe(201);
    submitted = (await response.json()) as Registration;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("the officer finds the case in 'my cases', reads what the citizen wrote, and every page passes axe", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'bg-BG' });
    const page = await context.newPage();
    await signIn(page, platform.console.url, 'peshtera.officer', '/cases/mine');
    expect(new URL(page.url()).pathname).toBe('/cases/mine');

    // Routing assigns the web-form case to the seeded officer; the list follows analytics' read model.
    const mine = '/api/analytics/tenants/peshtera/cases?officer=peshtera%3Aofficer&sort=dueDate';
    let listed: { status: number; body: unknown } = { status: 0, body: null };
    for (let attempt = 0; attempt < 60; attempt++) {
      listed = await apiAnswer(page, mine);
      if (JSON.stringify(listed.body).includes(submitted.caseId)) break;
      await page.waitForTimeout(1_000);
    }
    expect(JSON.stringify(listed)).toContain(submitted.caseId);
    await page.reload();
    const link = page.getByRole('link', { name: submitted.registryNumber });
    await link.waitFor();
    await screenshot(page, 'officer-my-cases');
    expect(await accessibilityViolations(page)).toEqual([]);

    await link.click();
    await page.waitForURL(`**/cases/${submitted.caseId}`);
    await page.getByText('Уличното осветление на ул. „Родопи“ не работи от седмица.').waitFor();
    await screenshot(page, 'officer-case');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('an officer of Peshtera reaches nothing of Sopot by URL', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'bg-BG' });
    const page = await context.newPage();
    await signIn(page, platform.console.url, 'peshtera.officer', '/cases/mine');
    for (const path of [
      '/api/analytics/tenants/sopot/cases',
      `/api/intake/tenants/sopot/cases/${submitted.caseId}`,
      '/api/deadline-watch/tenants/sopot/deadlines',
    ]) {
      const answer = await apiAnswer(page, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
    }
    await context.close();
  });

  it('the session cookie is HttpOnly, Secure and SameSite; the pages carry a strict Content-Security-Policy', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await signIn(page, platform.console.url, 'peshtera.registrar');
    const cookies = await context.cookies(platform.console.url);
    expect(cookies).toEqual([expect.objectContaining({ name: 'civic-session', httpOnly: true, secure: true, sameSite: 'Lax' })]);
    const response = await page.goto(`${platform.console.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Without the session's CSRF token a state-changing call is refused before it reaches a service.
    const forged = await page.evaluate(
      async () => (await fetch('/api/intake/tenants/peshtera/cases', { method: 'POST', body: '{}' })).status,
    );
    expect(forged).toBe(403);
    await context.close();
  });
});
