import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import { accessibilityViolations, screenshot, waitForMail } from '@civic/testing';
import type { Page } from 'playwright-core';
import { keycloakIssuer } from '../platform';
import { apiAnswer, DEV_PASSWORD, signIn } from './browser';
import type { JourneyContext } from './context';

const TENANTS = ['peshtera', 'sopot', 'petrich', 'momchilgrad', 'nova-zagora'] as const;
const TEXT = 'Тротоарът пред блок 12 е разбит и хората вървят по платното.';
const ANSWER = 'Тротоарът ще бъде ремонтиран до края на месеца.';
const JOURNEY_TIMEOUT = 300_000;
/** A small PDF as a scanner would make it: judged by its content, stored encrypted, scanned by ClamAV. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const marker = (page: Page, name: string) => page.locator(`[data-portal="${name}"]`).first();

/** An officer's token from the development realm's test client (people sign in on Keycloak's page instead). */
async function officerToken(tenant: string): Promise<string> {
  const answer = await fetch(`${keycloakIssuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'civic-tests', username: `${tenant}.officer`, password: DEV_PASSWORD }),
  });
  if (!answer.ok) throw new Error(`Keycloak refused ${tenant}.officer: ${answer.status}`);
  return ((await answer.json()) as { access_token: string }).access_token;
}

/**
 * The officer answers through intake's desk once routing has assigned the case and the platform's own follow-ups
 * have settled (its revision steady for three seconds); a 412 from a late follow-up is tried again.
 */
async function answerAsOfficer(intakeUrl: string, tenant: string, registryNumber: string): Promise<string> {
  const token = await officerToken(tenant);
  const auth = { authorization: `Bearer ${token}` };
  let steady = 0;
  let revision: unknown;
  let caseId = '';
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = await fetch(`${intakeUrl}/tenants/${tenant}/registry/numbers/${encodeURIComponent(registryNumber)}`, { headers: auth });
    const view = found.ok ? ((await found.json()) as { caseId: string; status: string; revision: number }) : undefined;
    if (view?.status === 'Assigned') {
      caseId = view.caseId;
      steady = view.revision === revision ? steady + 1 : 0;
      revision = view.revision;
      if (steady >= 3) {
        const answered = await fetch(`${intakeUrl}/tenants/${tenant}/cases/${caseId}/answer`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json', 'if-match': `"${String(revision)}"`, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ text: ANSWER, attachments: [], channel: 'email' }),
        });
        if (answered.ok) return caseId;
        if (answered.status !== 412) throw new Error(`the answer was refused: ${answered.status} ${await answered.text()}`);
        steady = 0;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`case ${registryNumber} of ${tenant} was never assigned, or never settled`);
}

async function expectAccessibleWithAxe(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/**
 * The citizen, in each of the five municipalities: the municipality's page, a complaint with a file, the
 * acknowledgement e-mail and its link, the due date; the officer's answer on the tracking page; a rating with a
 * recommendation. Sopot's citizen has JavaScript switched off (the portal has none to switch off: it must not
 * matter), Petrich's uses a phone; every page passes axe in Bulgarian and in English.
 */
export function citizenJourney(journey: JourneyContext): void {
  describe('the citizen, on the public portal', () => {
    for (const tenant of TENANTS) {
      it(
        `${tenant}: submits a complaint with a file, follows the e-mail's link, reads the answer and rates it`,
        async () => {
          const portalUrl = journey.platform.portal.url;
          const context = await journey.browser.newContext({
            viewport: tenant === 'petrich' ? { width: 390, height: 844 } : { width: 1280, height: 800 },
            locale: 'bg-BG',
            javaScriptEnabled: tenant !== 'sopot',
          });
          const page = await context.newPage();
          // axe runs in the page's JavaScript: without it, the same pages are checked in the other journeys.
          const expectAccessible = (checked: Page) => (tenant === 'sopot' ? Promise.resolve() : expectAccessibleWithAxe(checked));
          const email = `citizen.${tenant}.${randomUUID().slice(0, 8)}@example.bg`;

          await page.goto(`${portalUrl}/${tenant}`);
          await marker(page, 'opening-hours').waitFor();
          await expectAccessible(page);
          await page.locator('[data-portal="kinds"] a[data-kind="complaint"]').first().click();
          await page.waitForURL(`**/${tenant}/submit/complaint`);
          await expectAccessible(page);

          // First without a text and with a bad address: the messages stand by the fields, nothing is sent.
          await page.fill('#name', 'Мария Иванова');
          await page.fill('#email', 'not-an-address');
          await page.locator('form[data-portal="submission-form"] button[type="submit"]').click();
          await marker(page, 'error-summary').waitFor();
          expect(await page.locator('#text[aria-invalid="true"]').count()).toBe(1);
          expect(await page.locator('#email[aria-invalid="true"]').count()).toBe(1);
          await expectAccessible(page);

          await page.selectOption('#category', { index: 1 });
          await page.fill('#text', TEXT);
          await page.fill('#email', email);
          await page.setInputFiles('#attachments', { name: 'снимка-тротоар.pdf', mimeType: 'application/pdf', buffer: PDF });
          if (tenant === 'peshtera') await screenshot(page, 'portal-submission-form', { readme: true });
          if (tenant === 'petrich') await screenshot(page, 'portal-submission-form-phone');
          await page.locator('form[data-portal="submission-form"] button[type="submit"]').click();
          await page
            .locator('[data-portal="confirmation"], [data-portal="error-summary"], h1[data-portal]')
            .first()
            .waitFor({ timeout: 60_000 });
          if (!page.url().includes('submitted=1')) throw new Error(`not submitted: ${await page.locator('main').innerText()}`);
          const registryNumber = (await marker(page, 'registry-number').innerText()).trim();
          const dueDate = (await marker(page, 'due-date').innerText()).trim();
          const code = (await marker(page, 'tracking-code').innerText()).trim();
          expect(registryNumber).not.toBe('');
          expect(dueDate).toMatch(/\d{4}/);
          expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
          await expectAccessible(page);

          // The acknowledgement links to the portal's page of this case, which shows the due date.
          const [ack] = await waitForMail(email, { timeoutMs: 90_000 });
          const link = new RegExp(`${portalUrl.replace(/[.:/]/g, '\\$&')}/${tenant}/cases/[0-9A-Z-]+`).exec(ack.text)?.[0];
          expect(link).toBeDefined();
          await page.goto(link as string);
          expect((await marker(page, 'tracking-due-date').innerText()).trim()).toBe(dueDate);

          // The same mail asks them to confirm the address (issue 21, item 5): opening the link confirms nothing
          // (mail scanners open links); the button, pressed with the keyboard, does.
          const confirmation = new RegExp(`${portalUrl.replace(/[.:/]/g, '\\$&')}/${tenant}/confirm/[A-Za-z0-9_-]+`).exec(ack.text)?.[0];
          expect(confirmation).toBeDefined();
          await page.goto(confirmation as string);
          await marker(page, 'contact-confirmation').waitFor();
          await expectAccessible(page);
          if (tenant === 'peshtera') await screenshot(page, 'portal-confirm-contact');
          await page.locator('form[data-portal="contact-confirmation-form"] button').press('Enter');
          await marker(page, 'contact-confirmed').waitFor();
          await expectAccessible(page);
          await page.goto(link as string);

          const caseId = await answerAsOfficer(journey.platform.services.intake.url, tenant, registryNumber);
          if (tenant === 'peshtera') {
            // The officer sees the citizen's file on the case page in the console and downloads it, scanned clean.
            const officer = await journey.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'bg-BG' });
            const desk = await officer.newPage();
            await signIn(desk, journey.platform.console.url, 'peshtera.officer', `/cases/${caseId}`);
            const file = desk.getByRole('link', { name: /снимка-тротоар/ });
            await file.waitFor({ timeout: 30_000 }).catch(async (error: Error) => {
              await screenshot(desk, 'citizen-officer-attachments');
              const view = await apiAnswer(desk, `/api/intake/tenants/peshtera/cases/${caseId}`);
              throw new Error(`${error.message}\n${JSON.stringify((view.body as { content?: unknown })?.content)}`);
            });
            const [download] = await Promise.all([desk.waitForEvent('download'), file.click()]);
            const saved = await download.path();
            expect(saved && readFileSync(saved)).toEqual(PDF);
            await expectAccessibleWithAxe(desk);
            await officer.close();
          }

          await page.reload();
          await marker(page, 'answer-text').getByText(ANSWER).waitFor({ timeout: 30_000 });
          if (tenant === 'peshtera') await screenshot(page, 'portal-tracking', { readme: true });
          if (tenant === 'petrich') await screenshot(page, 'portal-tracking-phone');
          await expectAccessible(page);
          await page.check('input[name="rating"][value="5"]');
          await page.fill('#comment', 'Бързо и ясно.');
          await page.fill('#recommendation', 'Пишете ни и по телефона.');
          await page.locator('form[data-portal="rating-form"] button[type="submit"]').click();
          await page.waitForURL((url) => url.searchParams.get('done') === 'rated');
          expect(await page.locator('form[data-portal="rating-form"]').count()).toBe(0);

          // The same pages in English.
          await page.goto(`${page.url().split('?')[0]}?lang=en`);
          expect(await page.getAttribute('html', 'lang')).toBe('en');
          await expectAccessible(page);
          await page.goto(`${portalUrl}/${tenant}`);
          await expectAccessible(page);
          await page.goto(`${portalUrl}/${tenant}/submit/complaint`);
          await expectAccessible(page);
          await context.close();
        },
        JOURNEY_TIMEOUT,
      );
    }
  });
}
