import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { accessibilityViolations, screenshot } from '@civic/testing';
import type { Page } from 'playwright-core';
import { apiAnswer, signIn } from './browser';
import { newPage, submitOnline, type JourneyContext } from './context';

/** The period every dashboard view here shows: it holds the services' fixed now (2026-11-16) and the desk cases. */
const PERIOD = 'from=2026-06&to=2026-11';

/** Cases registered at the desk earlier in the year, on other channels, so the charts have months and channels to show. */
const AT_THE_DESK = [
  { kind: 'complaint', category: 'roads-lighting', channel: 'post', receivedAt: '2026-07-14T08:30:00.000Z' },
  { kind: 'signal', category: 'waste-cleanliness', channel: 'email', receivedAt: '2026-08-05T09:00:00.000Z' },
  { kind: 'complaint', category: 'local-taxes', channel: 'in-person', receivedAt: '2026-09-09T10:15:00.000Z' },
  { kind: 'proposal', category: 'general', channel: 'email', receivedAt: '2026-10-01T07:45:00.000Z' },
  { kind: 'complaint', category: 'waste-cleanliness', channel: 'phone', receivedAt: '2026-10-21T12:00:00.000Z' },
  { kind: 'opinion', category: 'general', channel: 'in-person', receivedAt: '2026-11-03T08:00:00.000Z' },
] as const;

/** A staff write through the console, as a page sends it (session cookie, CSRF token, Idempotency-Key); the status. */
async function postAsStaff(page: Page, path: string, body: Record<string, unknown>): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ({ path, body, key }) => {
      const session = (await (await fetch('/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, 'idempotency-key': key },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { path, body, key: randomUUID() },
  );
}

interface Kpis {
  total?: { received?: number };
}

async function received(page: Page, query: string): Promise<number> {
  const answer = await apiAnswer(page, `/api/analytics/tenants/peshtera/kpis?${query}`);
  expect(answer.status).toBe(200);
  return (answer.body as Kpis).total?.received ?? -1;
}

/** The services' table of the platform's health page (the console's /platform/health, built from every service's /health). */
async function expectServices(page: Page): Promise<void> {
  expect((await apiAnswer(page, '/platform/health')).status).toBe(200);
  const services = page.getByRole('table', { name: 'Услуги' });
  for (const name of ['intake', 'routing', 'deadline-watch', 'notification', 'analytics']) {
    await services.getByRole('rowheader', { name }).waitFor();
  }
  await page.getByRole('heading', { level: 2, name: 'Изоставане на потребителите' }).waitFor();
}

/** Ops: the municipality's dashboard (filters, a figure against the API, the annual report) and the platform's health. */
export function opsJourney(journey: JourneyContext): void {
  describe('ops', () => {
    let expected = 0;

    beforeAll(async () => {
      const online = [
        { kind: 'complaint', category: 'roads-lighting', text: 'Дупка на пътя при моста на р. Стара.' },
        { kind: 'signal', category: 'waste-cleanliness', text: 'Контейнерите на ул. „Васил Левски“ не са извозвани.' },
        { kind: 'proposal', category: 'general', text: 'Предлагам пейки в градинката до читалището.' },
        { kind: 'public-information-request', category: 'public-information', text: 'Моля за договора за зимно почистване.' },
      ];
      for (const body of online) {
        await submitOnline(journey, 'peshtera', {
          ...body,
          submitter: { name: 'Мария Георгиева', email: 'maria@example.bg', language: 'bg' },
        });
      }
      const { page, context } = await newPage(journey);
      await signIn(page, journey.platform.console.url, 'peshtera.registrar');
      for (const [index, desk] of AT_THE_DESK.entries()) {
        const { status } = await postAsStaff(page, '/api/intake/tenants/peshtera/cases', {
          ...desk,
          text: `Преписка, заведена на гише (${index + 1}).`,
          submitter: { name: 'Петър Стоянов', address: 'ул. „Христо Ботев“ 5, Пещера', language: 'bg' },
        });
        expect({ desk, status }).toEqual({ desk, status: 201 });
      }
      await context.close();
      expected = online.length + AT_THE_DESK.length;
    }, 180_000);

    it('reads the dashboard, filters it, checks a figure against the API and downloads the annual report', async () => {
      const { page, context } = await newPage(journey);
      const consoleUrl = journey.platform.console.url;
      await signIn(page, consoleUrl, 'peshtera.ops', `/ops?${PERIOD}`);
      expect(new URL(page.url()).pathname).toBe('/ops');

      // The read model follows the events: wait until every case above is counted.
      for (let attempt = 0; attempt < 60; attempt++) {
        if ((await received(page, 'from=2026-06-01&to=2026-11-30')) >= expected) break;
        await page.waitForTimeout(1_000);
      }
      expect(await received(page, 'from=2026-06-01&to=2026-11-30')).toBeGreaterThanOrEqual(expected);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Табло' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Получени по месеци и видове' }).waitFor();
      await page.locator('.chart canvas').first().waitFor();
      await page.waitForTimeout(500); // the charts' entry animation
      await screenshot(page, 'ops-dashboard', { readme: true });
      expect(await accessibilityViolations(page)).toEqual([]);

      // Filter by kind and a shorter period; the address keeps the view.
      await page.getByLabel('От месец').fill('2026-09');
      await page.getByLabel('До месец').fill('2026-11');
      await page.getByLabel('Вид', { exact: true }).selectOption('complaint');
      await page.getByRole('button', { name: 'Покажи' }).click();
      await page.waitForURL((url) => url.search === '?from=2026-09&to=2026-11&kind=complaint');
      const complaints = await received(page, 'from=2026-09-01&to=2026-11-30&kind=complaint');
      expect(complaints).toBeGreaterThanOrEqual(3);
      const figure = page.locator('.key-figures__item').filter({ has: page.getByText('Получени', { exact: true }) });
      await figure.locator('.key-figures__value', { hasText: new RegExp(`^${complaints}$`) }).waitFor();

      // The overdue list links to the cases (the July complaint is long past its term).
      const overdue = page.getByRole('region', { name: 'Просрочени' });
      await overdue.getByRole('link').first().waitFor();
      expect(await overdue.getByRole('link').first().getAttribute('href')).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

      // The annual report, CSV and PDF, through the console.
      await page.getByLabel('Година').selectOption('2026');
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Изтегли CSV за 2026' }).click()]);
      expect(csv.suggestedFilename()).toBe('peshtera-feedback-2026.csv');
      const firstLine = readFileSync((await csv.path()) ?? '', 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0];
      expect(firstLine).toMatch(/^section,key,label_bg,label_en,received,/);
      await page.getByText('Изтеглен: peshtera-feedback-2026.csv').waitFor();
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Изтегли PDF за 2026' }).click()]);
      expect(pdf.suggestedFilename()).toBe('peshtera-feedback-2026.pdf');
      expect(
        readFileSync((await pdf.path()) ?? '')
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('%PDF');

      // The same dashboard in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Received per month, by kind' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'ops-dashboard-en');
      await context.close();
    }, 120_000);

    it('the dashboard fits a phone', async () => {
      const { page, context } = await newPage(journey, { viewport: 'phone' });
      await signIn(page, journey.platform.console.url, 'peshtera.ops', `/ops?${PERIOD}`);
      await page.getByRole('heading', { level: 2, name: 'Получени по месеци и видове' }).waitFor();
      await page.locator('.chart canvas').first().waitFor();
      await page.waitForTimeout(500);
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'ops-dashboard-phone');
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });

    it("shows the platform's health with the municipality's failed notifications, and no rebuild (not a municipality's to run)", async () => {
      const { page, context } = await newPage(journey);
      await signIn(page, journey.platform.console.url, 'peshtera.ops', '/ops/platform');
      await page.getByRole('heading', { level: 1, name: 'Състояние на платформата' }).waitFor();
      await expectServices(page);

      // Failed notifications: ops list and resend them (none failed here: the local mail server takes every message).
      await page.getByRole('heading', { name: 'Неизпратени известия', exact: true }).waitFor();
      expect(await page.getByText('Списъкът на неизпратените известия и повторното им изпращане са достъпни').count()).toBe(0);
      await page.getByText('Няма неизпратени известия.').first().waitFor();

      // The read models hold every municipality's cases: their rebuild is the platform operator's.
      expect(await page.getByRole('button', { name: 'Пресъздай моделите' }).count()).toBe(0);
      const { status: refused } = await postAsStaff(page, '/api/analytics/admin/read-models/rebuild', {});
      expect(refused).toBe(403);
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    }, 120_000);

    it("the platform operator sees the platform's health and follows a read-model rebuild to its end", async () => {
      const { page, context } = await newPage(journey);
      await signIn(page, journey.platform.console.url, 'platform.operator');
      // The platform operator's first section: the home page is the platform's health (the municipalities come next).
      await page.waitForURL((url) => url.pathname === '/ops/platform');
      await page.getByRole('heading', { level: 1, name: 'Състояние на платформата' }).waitFor();
      await expectServices(page);
      expect(await page.getByRole('heading', { name: 'Неизпратени известия', exact: true }).count()).toBe(0);
      expect((await apiAnswer(page, '/api/analytics/tenants/peshtera/cases')).status).toBe(403);

      await page.getByRole('button', { name: 'Пресъздай моделите' }).click();
      await page.getByText(/^Готово: приложени \d+ събития/).waitFor({ timeout: 90_000 });
      const bar = page.locator('progress#rebuild-bar');
      expect(
        await bar.evaluate((element) => {
          const progress = element as unknown as { value: number; max: number };
          return progress.value === progress.max && progress.max > 0;
        }),
      ).toBe(true);
      await screenshot(page, 'ops-platform');
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    }, 120_000);
  });
}
