import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import { accessibilityViolations, screenshot } from '@civic/testing';
import type { Page } from 'playwright-core';
import { signIn } from './browser';
import { newPage, submitOnline, type JourneyContext, type Submitted } from './context';

const REFERENCE = 'ПЩ-ЗЗЛД-2026-42';

async function axeClean(page: Page, state: string): Promise<void> {
  expect({ state, violations: await accessibilityViolations(page) }).toEqual({ state, violations: [] });
}

/** The citizen withdraws the case on the portal's side, with the tracking code (a retry while routing settles it). */
async function withdraw(journey: JourneyContext, tenant: string, trackingCode: string): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await fetch(`${journey.platform.services.intake.url}/public/${tenant}/cases/${trackingCode}/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Вече не е нужно.' }),
    });
    if (answer.ok) return;
    last = `${answer.status} ${await answer.text()}`;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the withdrawal was refused: ${last}`);
}

/** The request form: the e-mail, the verification in person and where its proof is filed. */
async function search(page: Page, email: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Е-поща' }).fill(email);
  await page.getByRole('radio', { name: 'Лично, с документ за самоличност' }).check();
  await page.getByRole('textbox', { name: 'Къде е доказателството' }).fill(REFERENCE);
  await page.getByRole('button', { name: 'Намиране на преписките' }).click();
}

const focusedId = (page: Page) => page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');

/**
 * The data protection officer: a person's cases found by their e-mail, a copy of everything as a PDF, the
 * withdrawn case erased after a confirmation (the open one cannot be chosen), the receipt; in both languages,
 * and at a phone's size.
 */
export function dataProtectionOfficerJourney(journey: JourneyContext): void {
  describe('the data protection officer', () => {
    const email = `dpo.journey.${randomUUID().slice(0, 8)}@example.bg`;
    let withdrawn: Submitted;
    let open: Submitted;

    beforeAll(async () => {
      const submission = (text: string) => ({
        kind: 'complaint',
        category: 'roads-lighting',
        submitter: { name: 'Петър Петров', email, language: 'bg' },
        text,
      });
      withdrawn = await submitOnline(journey, 'peshtera', submission('Уличната лампа пред блок 7 не свети.'));
      open = await submitOnline(journey, 'peshtera', submission('Дупка на пътя при моста.'));
      await withdraw(journey, 'peshtera', withdrawn.trackingCode as string);
    });

    it("finds a person's cases by e-mail, gives the copy as a PDF, erases the withdrawn case and shows the receipt", async () => {
      const consoleUrl = journey.platform.console.url;
      const { page, context } = await newPage(journey);
      page.setDefaultTimeout(20_000);
      await signIn(page, consoleUrl, 'peshtera.data-protection-officer');
      // Their home is their section now.
      await page.waitForURL('**/data-subjects');
      await page.getByRole('heading', { level: 1, name: 'Искания относно лични данни' }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Лични данни' }).waitFor();

      // Nothing filled in: each message under its field, the first field focused, nothing sent.
      await page.getByRole('button', { name: 'Намиране на преписките' }).click();
      await page.getByText('Въведете е-пощата или телефона, за които лицето доказа, че са негови.').waitFor();
      await page.getByText('Изберете как лицето доказа, че данните за контакт са негови.').waitFor();
      expect(await focusedId(page)).toBe('data-subject-email');
      expect(await page.getAttribute('#data-subject-reference', 'aria-describedby')).toContain('data-subject-reference-error');
      await axeClean(page, 'form with errors');

      await search(page, email);
      await page.getByRole('heading', { level: 2, name: `2 преписки за ${email}` }).waitFor();
      expect(await focusedId(page)).toBe('data-subject-found');
      const openRow = page.getByRole('row').filter({ hasText: open.registryNumber });
      await openRow.getByText('Не може да се избере: все още се разглежда').waitFor();
      expect(await openRow.getByRole('checkbox').count()).toBe(0);
      await screenshot(page, 'data-protection-officer-cases');
      await axeClean(page, 'cases found');

      // The copy of everything, as a PDF.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Изтегляне на копието (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^personal-data-.+\.pdf$/);
      expect(
        readFileSync(await download.path())
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('%PDF');
      await page.getByText('Копието е готово.', { exact: false }).waitFor();

      // The withdrawn case, chosen by keyboard, erased after the confirmation.
      const choice = page.getByRole('checkbox', { name: `Избор ${withdrawn.registryNumber}` });
      await choice.focus();
      await page.keyboard.press('Space');
      expect(await choice.isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Заличаване на данните в избраните преписки' }).click();
      await page.getByRole('heading', { name: 'Да се заличат ли личните данни в 1 преписка?' }).waitFor();
      expect(await focusedId(page)).toBe('erase-confirm-title');
      await page.getByText('Това не може да бъде отменено.', { exact: false }).waitFor();
      await screenshot(page, 'data-protection-officer-confirm');
      await axeClean(page, 'erasure to confirm');
      await page.getByRole('button', { name: 'Окончателно заличаване (1 преписка)' }).click();

      await page.getByRole('heading', { level: 2, name: 'Удостоверение: личните данни са заличени' }).waitFor({ timeout: 30_000 });
      expect(await focusedId(page)).toBe('erasure-receipt');
      await page.getByRole('row').filter({ hasText: withdrawn.registryNumber }).getByText('Заличени', { exact: true }).waitFor();
      await screenshot(page, 'data-protection-officer-receipt');
      await axeClean(page, 'receipt');
      const [receiptFile] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Изтегляне на удостоверението (PDF)' }).click(),
      ]);
      expect(receiptFile.suggestedFilename()).toMatch(/^erasure-.+\.pdf$/);
      expect(
        readFileSync(await receiptFile.path())
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('%PDF');

      // The same receipt in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Receipt: personal data erased' }).waitFor();
      await page.getByRole('row').filter({ hasText: withdrawn.registryNumber }).getByText('Erased', { exact: true }).waitFor();
      await screenshot(page, 'data-protection-officer-receipt-en');
      await axeClean(page, 'receipt in English');
      await page.getByRole('button', { name: 'Български' }).click();
      await context.close();

      // At a phone's size: the erased case is no longer found by the e-mail, the open one is.
      const phone = await newPage(journey, { viewport: 'phone' });
      phone.page.setDefaultTimeout(20_000);
      await signIn(phone.page, consoleUrl, 'peshtera.data-protection-officer', '/data-subjects');
      await phone.page.getByRole('heading', { level: 1, name: 'Искания относно лични данни' }).waitFor();
      await search(phone.page, email);
      await phone.page.getByRole('heading', { level: 2, name: `1 преписка за ${email}` }).waitFor();
      expect(await phone.page.getByText(withdrawn.registryNumber).count()).toBe(0);
      await phone.page.getByText(open.registryNumber).waitFor();
      await screenshot(phone.page, 'data-protection-officer-phone');
      const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      await axeClean(phone.page, 'cases at phone size');
      await phone.context.close();
    }, 300_000);
  });
}
