import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { accessibilityViolations, screenshot, WORKSPACE_ROOT } from '@civic/testing';
import type { Page } from 'playwright-core';
import { apiAnswer, signIn } from './browser';
import { newPage, type JourneyContext } from './context';

const REASON = 'Решение на Общинския съвет № 112/2026';
const CLIENT = 'Мобилно приложение на общината';

async function axeClean(page: Page, state: string): Promise<void> {
  expect({ state, violations: await accessibilityViolations(page) }).toEqual({ state, violations: [] });
}

/** The focus gets there (moved by an effect after the render that shows the element): by id, or `.class`. */
async function expectFocusOn(page: Page, target: string): Promise<void> {
  const test = target.startsWith('.')
    ? `document.activeElement?.classList.contains(${JSON.stringify(target.slice(1))})`
    : `document.activeElement?.id === ${JSON.stringify(target)}`;
  const moved = await page.waitForFunction(test, undefined, { timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  const now = await page.evaluate<string>(
    'document.activeElement ? `${document.activeElement.tagName}#${document.activeElement.id}.${document.activeElement.className}` : ""',
  );
  expect({ target, moved, now }).toEqual({ target, moved: true, now: expect.any(String) });
}

/** Sopot's charter (the tenant file shipped with the platform) under a new slug, registry prefix and name. */
function newMunicipality() {
  const suffix = randomUUID().slice(0, 6);
  const letters = randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 3)
    .toUpperCase()
    .padEnd(3, 'A');
  const sopot = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'libs', 'domain', 'tenants', 'sopot.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const name = { bg: `Община Брезово ${suffix}`, en: `Brezovo ${suffix} Municipality` };
  const slug = `brezovo-${suffix}`;
  return { slug, name, charter: { ...sopot, slug, registryPrefix: `B${letters}`, name } };
}

/** A step of the check list: its state and whether it blocks going live, as the page words them. */
const checkItem = (page: Page, title: string) => page.locator('.checklist__item').filter({ hasText: title });

/**
 * The platform operator: a new municipality registered from its charter data (a bad one first: every problem
 * listed), seen in the list, its go-live check list, an Open311 key shown once and copied, a new version of the
 * charter from tomorrow; in both languages and at a phone's size, where the key is revoked.
 */
export function platformOperatorJourney(journey: JourneyContext): void {
  describe('the platform operator', () => {
    it('registers a municipality from its charter, issues an Open311 key once and records a new version from tomorrow', async () => {
      const consoleUrl = journey.platform.console.url;
      const { slug, name, charter } = newMunicipality();
      const { page, context } = await newPage(journey);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: consoleUrl });
      page.setDefaultTimeout(20_000);
      await signIn(page, consoleUrl, 'platform.operator');
      // The platform's health stays the home page; the municipalities are the next section.
      await page.waitForURL((url) => url.pathname === '/ops/platform');
      await page.getByRole('navigation').getByRole('link', { name: 'Общини' }).click();
      await page.getByRole('heading', { level: 1, name: 'Общини' }).waitFor();
      await page.getByRole('link', { name: 'Община Сопот' }).waitFor();
      await axeClean(page, 'the list');

      // A charter intake refuses: every problem above the form as field: reason, the list focused; its link leads to the box.
      await page.getByRole('link', { name: 'Регистриране на нова община' }).click();
      await page.getByRole('heading', { level: 1, name: 'Нова община' }).waitFor();
      await page
        .getByLabel('Данни на хартата (JSON)', { exact: true })
        .fill(JSON.stringify({ ...charter, registryPrefix: 'brz' }, null, 2));
      await page.getByLabel('Основание', { exact: true }).fill(REASON);
      await page.getByRole('button', { name: 'Регистриране на общината' }).click();
      const problems = page.getByRole('region', { name: 'Данните не са приети: 1 проблем' });
      await problems.getByText('expected 2 to 6 capital Latin letters', { exact: false }).waitFor();
      await expectFocusOn(page, '.problem-summary');
      await page.getByText('В данните на хартата има 1 проблем; посочен е в списъка по-горе.').waitFor();
      await screenshot(page, 'platform-operator-register-errors');
      await axeClean(page, 'registration refused');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expectFocusOn(page, 'register-charter');

      // The charter from a file: its text in the box to check, then registered.
      await page.getByLabel('Файл с данните на хартата (JSON)', { exact: true }).setInputFiles({
        name: `${slug}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(charter, null, 2)),
      });
      await page.getByText(`Прочетен е файлът ${slug}.json`, { exact: false }).waitFor();
      expect(await page.getByLabel('Данни на хартата (JSON)', { exact: true }).inputValue()).toContain(`"slug": "${slug}"`);
      await page.getByRole('button', { name: 'Регистриране на общината' }).click();
      await page.waitForURL((url) => url.pathname === `/platform/municipalities/${slug}`);
      await page.getByRole('heading', { level: 1, name: name.bg }).waitFor();
      await page.getByText('Общината е регистрирана: версия 1 на хартата е в сила от 16.11.2026 г.').waitFor();

      // In the list, with its prefix and version 1; opened from there.
      await page.getByRole('link', { name: 'Към всички общини' }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: name.bg }) });
      await row.getByText(charter.registryPrefix, { exact: true }).waitFor();
      await row.getByText('1 (същата)').waitFor();
      await row.getByRole('link', { name: name.bg }).click();
      await page.getByRole('heading', { level: 1, name: name.bg }).waitFor();

      // The go-live check list: Sopot's data has no e-mail (blocking), and no Open311 key yet (not blocking).
      await page.getByRole('heading', { level: 2, name: 'Готовност за старт' }).waitFor();
      await page.getByText('Общината още не е готова за старт', { exact: false }).waitFor();
      await checkItem(page, 'Контакти').getByText('За изпълнение', { exact: true }).waitFor();
      await checkItem(page, 'Контакти').getByText('Задължително за старта', { exact: true }).waitFor();
      await checkItem(page, 'Клиенти по Open311').getByText('Не е задължително за старта', { exact: true }).waitFor();
      await checkItem(page, 'Клиенти по Open311').getByText('За изпълнение', { exact: true }).waitFor();
      expect(await page.locator('.checklist__item').count()).toBe(5);
      await page.getByRole('table', { name: 'Версии на хартата' }).getByRole('rowheader', { name: 'Версия 1' }).waitFor();
      await screenshot(page, 'platform-operator-municipality');
      await axeClean(page, "the municipality's page");

      // An Open311 key: shown once, with a plain warning; copied by keyboard.
      await page.getByLabel('Име на клиента').fill(CLIENT);
      await page.getByRole('button', { name: 'Издаване на ключ', exact: true }).click();
      const issued = page.getByRole('region', { name: `Ключ за „${CLIENT}“` });
      await issued.getByText('Няма да видите този ключ отново.').waitFor();
      await expectFocusOn(page, 'issued-key-title');
      const apiKey = (await issued.locator('code').textContent())?.trim() ?? '';
      expect(apiKey.length).toBeGreaterThanOrEqual(32);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await issued.getByText('Ключът е копиран.').waitFor();
      expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(apiKey);
      await checkItem(page, 'Клиенти по Open311').getByText('Изпълнено', { exact: true }).waitFor();
      await screenshot(page, 'platform-operator-key');
      await axeClean(page, 'the key, shown once');
      await issued.getByRole('button', { name: 'Запазих ключа' }).click();
      await issued.waitFor({ state: 'detached' });
      expect(await page.getByText(apiKey).count()).toBe(0);
      const clients = page.getByRole('table', { name: 'Клиенти по Open311' });
      await clients.getByRole('row').filter({ hasText: CLIENT }).getByText('Действащ').waitFor();
      // Never again: not in the list intake answers, not after a reload.
      const listed = await apiAnswer(page, `/api/intake/platform/tenants/${slug}/open311/clients`);
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(apiKey);
      await page.reload();
      await clients.getByRole('row').filter({ hasText: CLIENT }).waitFor();
      expect(await page.getByText(apiKey).count()).toBe(0);

      // A new version of the charter: from today is refused (the day's cases keep their terms), from tomorrow recorded.
      await page.getByRole('link', { name: 'Нова версия на хартата' }).click();
      await page.getByRole('heading', { level: 1, name: `Нова версия на хартата: ${name.bg}` }).waitFor();
      const box = page.getByLabel('Данни на хартата (JSON)', { exact: true });
      await box.waitFor();
      expect(await box.inputValue()).toContain(`"slug": "${slug}"`);
      const current = JSON.parse(await box.inputValue()) as { notes: string[] };
      await box.fill(JSON.stringify({ ...current, notes: current.notes.slice(1) }, null, 2));
      await page.getByLabel('В сила от').fill('2026-11-16');
      await page.getByLabel('Основание', { exact: true }).fill('Прегледани бележки по данните');
      await page.getByRole('button', { name: 'Записване на версия 2' }).click();
      const refused = page.getByRole('region', { name: 'Данните не са приети: 1 проблем' });
      await refused.getByText('Нова версия се прилага от утре (2026-11-16 е днес)', { exact: false }).waitFor();
      await expectFocusOn(page, '.problem-summary');
      await refused.getByRole('link', { name: 'effectiveFrom' }).waitFor();
      await screenshot(page, 'platform-operator-version-refused');
      await axeClean(page, 'a version from today, refused');
      await page.getByLabel('В сила от').fill('2026-11-17');
      await page.getByRole('button', { name: 'Записване на версия 2' }).click();
      await page.waitForURL((url) => url.pathname === `/platform/municipalities/${slug}`);
      await page.getByText('Записана е версия 2 на хартата: прилага се от 17.11.2026 г.').waitFor();
      const versions = page.getByRole('table', { name: 'Версии на хартата' });
      await versions.getByRole('row').filter({ hasText: 'Версия 2' }).getByText('Предстои').waitFor();
      await versions.getByRole('row').filter({ hasText: 'Версия 1' }).getByText('В сила').waitFor();
      await screenshot(page, 'platform-operator-version-recorded');
      await axeClean(page, 'a version from tomorrow, recorded');

      // The same page in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: name.en }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Ready to go live' }).waitFor();
      await page.getByRole('table', { name: 'Versions of the charter' }).getByText('Coming').waitFor();
      await screenshot(page, 'platform-operator-municipality-en');
      await axeClean(page, 'the municipality in English');
      await page.getByRole('button', { name: 'Български' }).click();
      await context.close();

      // At a phone's size: the municipality's page fits; the key is revoked with a reason.
      const phone = await newPage(journey, { viewport: 'phone' });
      phone.page.setDefaultTimeout(20_000);
      await signIn(phone.page, consoleUrl, 'platform.operator', `/platform/municipalities/${slug}`);
      await phone.page.getByRole('heading', { level: 1, name: name.bg }).waitFor();
      const revoke = phone.page.getByRole('button', { name: `Отмяна на ключа ${CLIENT}` });
      await revoke.click();
      await phone.page.getByRole('heading', { level: 3, name: `Отмяна на ключа на „${CLIENT}“` }).waitFor();
      await expectFocusOn(phone.page, 'revoke-title');
      await phone.page.getByLabel('Основание за отмяната').fill('Приложението е спряно.');
      await phone.page.getByRole('button', { name: 'Окончателна отмяна на ключа' }).click();
      await phone.page.getByText(`Ключът на „${CLIENT}“ е отменен.`).waitFor();
      const phoneClients = phone.page.getByRole('table', { name: 'Клиенти по Open311' });
      await phoneClients.getByText('Отменен', { exact: true }).waitFor();
      await phoneClients.getByText('Приложението е спряно.').waitFor();
      await screenshot(phone.page, 'platform-operator-phone');
      const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      await axeClean(phone.page, "the municipality's page at phone size");
      await phone.context.close();
    }, 300_000);
  });
}
