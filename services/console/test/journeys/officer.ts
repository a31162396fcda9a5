import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { accessibilityViolations, screenshot } from '@civic/testing';
import type { Page } from 'playwright-core';
import { apiAnswer, signIn } from './browser';
import { confirmAddress, newPage, submitOnline, type JourneyContext, type Submitted } from './context';

const TEXT = 'Уличното осветление на ул. „Родопи“ не работи от седмица.';
const SECOND_TEXT = 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.';
const MISSING = 'Номерът на стълба, пред който не свети лампата.';
const ANSWER = 'Контейнерите бяха извозени на 17 ноември 2026 г.';

interface Focused {
  id: string;
  text: string;
  tag: string;
  classes: string;
}

/** The element that has the focus (evaluated in the page; this file is compiled without the DOM's types). */
const focusedIn = (page: Page): Promise<Focused> =>
  page.evaluate(
    "(() => { const e = document.activeElement; return { id: e?.id ?? '', text: (e?.textContent ?? '').trim(), tag: e?.tagName ?? '', classes: e?.className ?? '' }; })()",
  ) as Promise<Focused>;

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user moves through the page. */
async function tabTo(page: Page, matches: (element: Focused) => boolean, backwards = false) {
  for (let press = 0; press < 120; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (matches(await focusedIn(page))) return;
  }
  throw new Error('the keyboard never reached the element');
}

/**
 * The desk view as the page's own fetch reads it, once routing has assigned the case to the officer and the
 * platform's own follow-ups (the acknowledgement and the officer's alert, recorded as NotificationSent) are on the
 * case: its revision stays the same for three seconds. Otherwise those would be "someone else acted" (a 412).
 */
async function whenAssigned(page: Page, caseId: string): Promise<Record<string, unknown>> {
  let steady = 0;
  let revision: unknown;
  for (let attempt = 0; attempt < 90; attempt++) {
    const view = await apiAnswer(page, `/api/intake/tenants/peshtera/cases/${caseId}`);
    const body = view.body as Record<string, unknown> | null;
    if (view.status === 200 && body?.status === 'Assigned') {
      steady = body.revision === revision ? steady + 1 : 0;
      revision = body.revision;
      if (steady >= 3) return body;
    }
    await page.waitForTimeout(1_000);
  }
  throw new Error(`case ${caseId} was never assigned, or never settled`);
}

/** Waits until the case's course has an entry the platform records on its own (a message sent), read through the console. */
async function whenRecorded(page: Page, caseId: string, type: string, template: string): Promise<void> {
  for (let attempt = 0; attempt < 90; attempt++) {
    const history = await apiAnswer(page, `/api/intake/tenants/peshtera/cases/${caseId}/history`);
    const entries = (history.body as { entries?: { type: string; details: Record<string, unknown> }[] } | null)?.entries ?? [];
    if (entries.some((entry) => entry.type === type && entry.details.template === template)) return;
    await page.waitForTimeout(1_000);
  }
  throw new Error(`no ${type} of ${template} on case ${caseId}`);
}

/** A journey waits for real services on a shared machine: minutes, not the e2e tier's default. */
const JOURNEY_TIMEOUT = 300_000;

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The officer: "my cases" by due date; a case page with what the citizen wrote and its course event by event; asking
 * the citizen for information with the keyboard alone; on a second case (whose term the secretary extends meanwhile,
 * which makes the officer's first answer a 412) answering with the letter previewed, and closing.
 */
export function officerJourney(journey: JourneyContext): void {
  describe('the officer', () => {
    let first: Submitted;
    let second: Submitted;
    const submitter = { name: 'Иван Петров', email: 'ivan.petrov@example.bg', language: 'bg' };
    const secondEmail = `ivan.petrov.${randomUUID().slice(0, 8)}@example.bg`;

    beforeAll(async () => {
      first = await submitOnline(journey, 'peshtera', { kind: 'complaint', category: 'roads-lighting', submitter, text: TEXT });
      second = await submitOnline(journey, 'peshtera', {
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { ...submitter, email: secondEmail },
        text: SECOND_TEXT,
      });
      // He confirms his address from the acknowledgement: the extension's notice and the answer go out by e-mail.
      await confirmAddress(journey, 'peshtera', secondEmail);
    }, 120_000);

    it(
      "finds the case in 'my cases', reads what the citizen wrote, and every page passes axe",
      async () => {
        const { page, context } = await newPage(journey);
        const consoleUrl = journey.platform.console.url;
        await signIn(page, consoleUrl, 'peshtera.officer', '/cases/mine');
        expect(new URL(page.url()).pathname).toBe('/cases/mine');

        // Routing assigns the web-form case to the seeded officer; the list follows analytics' read model.
        const mine = '/api/analytics/tenants/peshtera/cases?officer=peshtera%3Aofficer&sort=dueDate';
        let listed: { status: number; body: unknown } = { status: 0, body: null };
        for (let attempt = 0; attempt < 120; attempt++) {
          listed = await apiAnswer(page, mine);
          if (JSON.stringify(listed.body).includes(first.caseId)) break;
          await page.waitForTimeout(1_000);
        }
        expect(JSON.stringify(listed)).toContain(first.caseId);
        await page.reload();
        const link = page.getByRole('link', { name: first.registryNumber });
        await link.waitFor();
        await screenshot(page, 'officer-my-cases');
        expect(await accessibilityViolations(page)).toEqual([]);

        await link.click();
        await page.waitForURL(`**/cases/${first.caseId}`);
        await page.getByText(TEXT).waitFor();
        await screenshot(page, 'officer-case', { readme: true });
        expect(await accessibilityViolations(page)).toEqual([]);
        await context.close();
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'opens a case from "my cases" and asks the citizen for information with the keyboard alone',
      async () => {
        const { page, context } = await newPage(journey);
        await signIn(page, journey.platform.console.url, 'peshtera.officer', '/cases/mine');
        await whenAssigned(page, first.caseId);
        await page.reload();
        await page.getByRole('link', { name: first.registryNumber }).waitFor();

        // From the top of the page: Tab to the case's link, Enter to open it.
        await tabTo(page, (focused) => focused.tag === 'A' && focused.text.includes(first.registryNumber));
        await page.keyboard.press('Enter');
        await page.waitForURL(`**/cases/${first.caseId}`);
        await page.getByText(TEXT).waitFor();
        // The course of the case, event by event: registered, accepted, routed, assigned.
        const timeline = page.getByRole('region', { name: 'Ход на преписката' });
        await timeline.getByText('Разпределена на peshtera:officer').waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);

        // Shift+Tab back once to prove the way works both ways, then on to the field: type, Tab to the button, Enter.
        await tabTo(page, (focused) => focused.id === 'ask-missing');
        await page.keyboard.press('Shift+Tab');
        await tabTo(page, (focused) => focused.id === 'ask-missing');
        // An empty request is refused at the field, which keeps the focus.
        await tabTo(page, (focused) => focused.tag === 'BUTTON' && focused.text === 'Поискай информация');
        await page.keyboard.press('Enter');
        await page.getByText('Напишете какво липсва.').waitFor();
        expect((await focusedIn(page)).id).toBe('ask-missing');
        await page.keyboard.type(MISSING);
        await tabTo(page, (focused) => focused.tag === 'BUTTON' && focused.text === 'Поискай информация');
        await page.keyboard.press('Space');

        const done = page.getByRole('status').filter({ hasText: 'Искането е изпратено на заявителя.' });
        await done.waitFor();
        // The outcome takes the focus, so it is read first; the timeline shows the request with what was asked.
        expect((await focusedIn(page)).classes).toContain('outcome');
        await timeline.getByText('Поискана е допълнителна информация от заявителя').first().waitFor();
        await timeline.getByText(MISSING).waitFor();
        await screenshot(page, 'officer-asked');
        expect(await accessibilityViolations(page)).toEqual([]);
        await context.close();
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'the secretary extends the term meanwhile; the officer answers (a 412 shows what changed), previews the letter, sends and closes',
      async () => {
        const consoleUrl = journey.platform.console.url;
        const officer = await newPage(journey);
        await signIn(officer.page, consoleUrl, 'peshtera.officer', '/cases/mine');
        const view = await whenAssigned(officer.page, second.caseId);
        const page = officer.page;
        await page.goto(`${consoleUrl}/cases/${second.caseId}`);
        await page.getByText(SECOND_TEXT).waitFor();
        // The officer may not extend (АПК чл. 118(2)): the form is not offered, the page says who may.
        await page.getByText('Срокът се удължава от началник на звено, секретаря или кмета').waitFor();
        expect(await page.locator('#extend-reason').count()).toBe(0);

        // The officer starts the answer and looks at the letter as the citizen will get it.
        await page.locator('#answer-text').fill(ANSWER);
        await page.locator('#answer-channel').selectOption('email');
        await page.getByRole('button', { name: 'Преглед на писмото' }).press('Enter');
        const letter = page.getByRole('region', { name: 'Писмото, както ще го получи заявителят' });
        await letter.getByText(ANSWER).waitFor();
        // He confirmed his address, so the e-mail greets him by name.
        await letter.getByText('Иван Петров', { exact: false }).first().waitFor();
        await letter.getByText(second.registryNumber, { exact: false }).first().waitFor();
        await screenshot(page, 'officer-answer-preview');
        expect(await accessibilityViolations(page)).toEqual([]);

        // Meanwhile the secretary, on a phone and in English, extends the term: first beyond the legal maximum
        // (the service's refusal shows at the date), then to the maximum itself.
        const deadline = view.deadline as { maxFinalDate: string };
        const secretary = await newPage(journey, { viewport: 'phone', locale: 'en-GB' });
        await signIn(secretary.page, consoleUrl, 'peshtera.secretary', `/cases/${second.caseId}`);
        const other = secretary.page;
        await other.getByRole('button', { name: 'English' }).press('Enter');
        await other.getByRole('heading', { name: 'Extend the term' }).waitFor();
        await other.locator('#extend-reason').fill('An on-site inspection with the waste contractor is needed.');
        await other.locator('#extend-date').fill(nextDay(deadline.maxFinalDate));
        await other.getByRole('button', { name: 'Extend the term' }).press('Enter');
        await other.locator('#extend-date-error').waitFor();
        expect((await focusedIn(other)).id).toBe('extend-date');
        await screenshot(other, 'officer-extension-refused-en-phone');
        expect(await accessibilityViolations(other)).toEqual([]);
        await other.locator('#extend-date').fill(deadline.maxFinalDate);
        await other.getByRole('button', { name: 'Extend the term' }).press('Enter');
        await other.getByRole('status').filter({ hasText: 'The term was extended' }).waitFor();
        await other.getByRole('region', { name: 'Course of the case' }).getByText('The term was extended to').waitFor();
        await screenshot(other, 'officer-extended-en-phone');
        expect(await accessibilityViolations(other)).toEqual([]);
        // The platform tells the submitter (NotificationSent on the case): wait for it, so the officer's retry below
        // meets the case as it stays, not a second change.
        await whenRecorded(other, second.caseId, 'NotificationSent', 'extension');
        await secretary.context.close();

        // The officer's page still shows the revision before the extension: the answer is refused with 412, the page
        // reads the case again, says what changed meanwhile, and keeps the text.
        await page.getByRole('button', { name: 'Изпрати отговора' }).press('Enter');
        const conflict = page.getByRole('alert').filter({ hasText: 'някой друг е направил промяна' });
        await conflict.getByText('Междувременно:').waitFor();
        await conflict.getByText('Срокът е удължен до').waitFor();
        await conflict.getByText('An on-site inspection with the waste contractor is needed.').waitFor();
        expect(await page.locator('#answer-text').inputValue()).toBe(ANSWER);
        expect(await page.locator('#answer-channel').inputValue()).toBe('email');
        await screenshot(page, 'officer-412-meanwhile');
        expect(await accessibilityViolations(page)).toEqual([]);

        // The retry acts on the case as it is now.
        await page.getByRole('button', { name: 'Изпрати отговора' }).press('Enter');
        await page.getByRole('status').filter({ hasText: 'Отговорът е изпратен.' }).waitFor();
        const timeline = page.getByRole('region', { name: 'Ход на преписката' });
        await timeline.getByText('Даден е отговор').waitFor();
        await timeline.getByText(ANSWER).waitFor();

        // Answered: closing is what is left. The answer goes out first (recorded on the case by the platform); the page
        // is read again so closing acts on that revision.
        await whenRecorded(page, second.caseId, 'NotificationSent', 'answer');
        await page.reload();
        await page.getByRole('button', { name: 'Приключи преписката' }).press('Enter');
        await page.getByRole('status').filter({ hasText: 'Преписката е приключена.' }).waitFor();
        await timeline.getByText('Преписката е приключена').first().waitFor();
        for (const step of ['Срокът е удължен до', 'Даден е отговор', 'Разпределена на peshtera:officer']) {
          await timeline.getByText(step).first().waitFor();
        }
        await page.getByText('Сега няма действия, които можете да предприемете по тази преписка.').waitFor();
        await screenshot(page, 'officer-closed');
        expect(await accessibilityViolations(page)).toEqual([]);
        await officer.context.close();
      },
      JOURNEY_TIMEOUT,
    );
  });
}
