import { readFileSync } from 'node:fs';
import { accessibilityViolations, screenshot } from '@civic/testing';
import type { Page } from 'playwright-core';
import { apiAnswer, signIn } from './browser';
import { newPage, submitOnline, type JourneyContext, type Submitted } from './context';

const TEXT = 'Контейнерите за смет на ул. „Христо Ботев“ не са извозвани от десет дни.';

async function axeClean(page: Page, state: string): Promise<void> {
  expect({ state, violations: await accessibilityViolations(page) }).toEqual({ state, violations: [] });
}

/** The auditor: a case by its registry number, its replay (history, state, diff, chain, dossier) and who read it. */
export function auditorJourney(journey: JourneyContext): void {
  describe('the auditor', () => {
    let submitted: Submitted;

    beforeAll(async () => {
      submitted = await submitOnline(journey, 'peshtera', {
        kind: 'complaint',
        category: 'roads-lighting',
        submitter: { name: 'Мария Георгиева', email: 'maria.georgieva@example.bg', language: 'bg' },
        text: TEXT,
      });
    });

    it("replays a case found by its registry number, verifies it, downloads its dossier and finds the officer's read in the audit log", async () => {
      const consoleUrl = journey.platform.console.url;
      const historyPath = `/api/analytics/tenants/peshtera/audit/cases/${submitted.caseId}/history`;

      // The auditor signs in first, to wait through the API until routing has assigned the case.
      const { page, context } = await newPage(journey);
      page.setDefaultTimeout(20_000);
      await signIn(page, consoleUrl, 'peshtera.auditor', '/audit');
      let types: string[] = [];
      for (let attempt = 0; attempt < 60; attempt++) {
        const answer = await apiAnswer(page, historyPath);
        types = ((answer.body as { events?: { type: string }[] } | null)?.events ?? []).map((event) => event.type);
        if (types.includes('CaseAssigned')) break;
        await page.waitForTimeout(1_000);
      }
      expect(types).toEqual(expect.arrayContaining(['CaseRegistered', 'CaseRouted', 'CaseAssigned']));

      // The assigned officer reads the case in another browser: that read of personal data goes to the audit log.
      const officer = await newPage(journey);
      await signIn(officer.page, consoleUrl, 'peshtera.officer', `/cases/${submitted.caseId}`);
      await officer.page.getByText(TEXT).waitFor();
      await officer.context.close();

      // /audit: a malformed number, a number never issued, then the case's own.
      await page.goto(`${consoleUrl}/audit`);
      const number = page.getByRole('textbox', { name: 'Регистрационен номер' });
      await number.fill('PSH-26-1');
      await page.getByRole('button', { name: 'Намиране' }).click();
      await page.getByText('Това не е регистрационен номер.').waitFor();
      await axeClean(page, 'search, malformed number');
      await number.fill('PSH-2026-999999');
      await page.getByRole('button', { name: 'Намиране' }).click();
      await page.getByText('В тази община няма преписка с номер PSH-2026-999999.').waitFor();
      await screenshot(page, 'auditor-search-not-found');
      await axeClean(page, 'search, not found');
      await number.fill(submitted.registryNumber.toLowerCase());
      await page.getByRole('button', { name: 'Намиране' }).click();
      await page.waitForURL(`**/audit/cases/${submitted.caseId}`);

      // History: registration, routing and assignment, each with its actor, command and ids.
      await page.getByRole('heading', { level: 1, name: `Одит на преписка ${submitted.registryNumber}` }).waitFor();
      const history = page.locator('.audit-events');
      await history.getByRole('heading', { name: 'Ревизия 0 · Регистрирана' }).waitFor();
      await history.getByRole('heading', { name: /· Насочена към звено$/ }).waitFor();
      await history.getByRole('heading', { name: /· Възложена на служител$/ }).waitFor();
      expect(await history.getByText('RegisterCase').count()).toBe(1);
      await history.locator('summary').first().click();
      await axeClean(page, 'case, history with data open');

      // The state at the first revision.
      const state = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Състояние към момент' }) });
      await state.getByLabel('Ревизия', { exact: true }).selectOption('0');
      await state.getByRole('button', { name: 'Показване на състоянието' }).click();
      await state.getByRole('heading', { name: 'Състояние след ревизия 0' }).waitFor();
      await state.getByText('registryNumber').first().waitFor();

      // The difference from the first revision to the last: the status at least changed.
      const diff = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Разлика между два момента' }) });
      await diff.getByRole('button', { name: 'Показване на разликата' }).click();
      await diff.getByRole('heading', { name: /^Промени от ревизия 0 до ревизия \d+$/ }).waitFor();
      await diff.getByRole('row', { name: /^status Регистрирана/ }).waitFor();

      // The chain.
      await page.getByRole('button', { name: 'Проверка на веригата' }).click();
      await page.getByRole('status').filter({ hasText: 'Веригата е цяла' }).waitFor();
      await screenshot(page, 'auditor-case');
      await axeClean(page, 'case, state, diff and verification shown');

      // The dossier as a PDF, through fetch, a blob and an object URL.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Изтегляне на досието (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`dossier-${submitted.registryNumber}.pdf`);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
      await page.getByText('Досието е готово.').waitFor();

      // The same page in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: `Audit of case ${submitted.registryNumber}` }).waitFor();
      await screenshot(page, 'auditor-case-en');
      await axeClean(page, 'case in English');
      await page.getByRole('button', { name: 'Български' }).click();

      // The audit log: the officer's read of the case, newest first.
      await page.goto(`${consoleUrl}/audit/log`);
      const officerRead = page.getByRole('row').filter({ hasText: 'peshtera:officer' }).filter({ hasText: 'Служител прочете лични данни' });
      await officerRead.first().waitFor();
      await officerRead.first().getByText('GET /tenants/:tenant/cases/:caseId').waitFor();
      await screenshot(page, 'auditor-log');
      await axeClean(page, 'audit log');
      await context.close();

      // One page at a phone's size.
      const phone = await newPage(journey, { viewport: 'phone' });
      await signIn(phone.page, consoleUrl, 'peshtera.auditor', `/audit/cases/${submitted.caseId}`);
      await phone.page.getByRole('heading', { level: 1, name: `Одит на преписка ${submitted.registryNumber}` }).waitFor();
      const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(phone.page, 'auditor-case-phone');
      await axeClean(phone.page, 'case at phone size');
      await phone.context.close();
    }, 300_000);
  });
}
