import { accessibilityViolations, screenshot } from '@civic/testing';
import type { Page } from 'playwright-core';
import { apiAnswer, signIn } from './browser';
import { newPage, type JourneyContext } from './context';

// The services' clock stands at JOURNEY_NOW (Monday 16 November 2026, 11:00 in Sofia): every time of receipt is
// typed in, before it, so nothing depends on the browser's own clock or the day the test runs.
const PHONE_CALL = 'Обаждам се за дупката на ул. „Родопи“ 7: вчера в нея падна дете.';
const LETTER = 'Моля да бъде почистено сметището до гробищния парк, за което писах и миналата година.';
const SIGNAL = 'Някой изхвърля строителни отпадъци в коритото на реката под моста.';

/** Whether the page scrolls sideways (it must not, at a desk's width or a phone's); evaluated in the page, as text (no DOM types here). */
const scrollsSideways = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth') as Promise<boolean>;
const focusedId = (page: Page) => page.evaluate("document.activeElement ? document.activeElement.id : ''") as Promise<string>;

async function registrationNumber(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { name: /^Регистрирано под №/ });
  await heading.waitFor({ timeout: 20_000 });
  const number = /PSH-2026-\d{6}/.exec((await heading.textContent()) ?? '')?.[0];
  if (!number) throw new Error(`no registry number in "${await heading.textContent()}"`);
  return number;
}

async function caseIdOf(page: Page, registryNumber: string): Promise<string> {
  const href = await page.getByRole('link', { name: `Отвори преписка ${registryNumber}` }).getAttribute('href');
  return href?.split('/').pop() ?? '';
}

/** The registrar: registers what arrived by phone, by post and anonymously, decides the flagged one, prints the letter. */
export function registrarJourney(journey: JourneyContext): void {
  describe('the registrar', () => {
    it('registers a phone call, a letter and an anonymous signal, decides the flagged one and opens the acknowledgement letter', async () => {
      const { page, context } = await newPage(journey);
      const consoleUrl = journey.platform.console.url;
      await signIn(page, consoleUrl, 'peshtera.registrar', '/registry');
      await page.getByRole('heading', { level: 1, name: 'Деловодство' }).waitFor();
      await screenshot(page, 'registrar-index');
      expect(await accessibilityViolations(page)).toEqual([]);

      // The form asks what the municipality's charter offers: Peshtera's channels and categories.
      await page.getByRole('link', { name: 'Регистриране на постъпило' }).click();
      await page.getByLabel('Канал', { exact: true }).waitFor();
      expect(await page.locator('#register-channel option').allTextContents()).toEqual(
        expect.arrayContaining(['Телефон', 'По пощата', 'Лично']),
      );
      expect(await accessibilityViolations(page)).toEqual([]);

      // Nothing filled in: each error under its field, the first one focused.
      await page.getByRole('button', { name: 'Регистрирай' }).click();
      expect(await focusedId(page)).toBe('register-channel');
      expect(await page.locator('#register-channel').getAttribute('aria-describedby')).toContain('register-channel-error');
      expect(await page.locator('#register-submitter-name-error').textContent()).toContain('анонимно');
      await screenshot(page, 'registrar-register-errors');
      expect(await accessibilityViolations(page)).toEqual([]);

      // 1. A letter by post (first: its acknowledgement is not queued behind the phone call's text message), opened on Monday though it came on Friday: the acknowledgement goes back as a letter.
      await page.getByLabel('Канал', { exact: true }).selectOption('post');
      await page.getByLabel('Постъпило на').fill('2026-11-13T14:30');
      await page.getByLabel('Вид', { exact: true }).selectOption('complaint');
      await page.getByLabel('Категория', { exact: true }).selectOption('waste-cleanliness');
      await page.getByLabel('Име', { exact: true }).fill('Мария Петрова');
      await page.getByLabel('Пощенски адрес').fill('ул. „Васил Левски“ 12, 4550 Пещера');
      await page.getByLabel('Текст на подаването').fill(LETTER);
      await page.getByRole('button', { name: 'Регистрирай' }).click();
      const letterNumber = await registrationNumber(page);
      const letterCase = await caseIdOf(page, letterNumber);
      expect(await page.getByText('Код за проследяване за подателя').count()).toBe(1);
      // The letter arrives seconds after registration (up to a minute while notification's consumer is still starting):
      // the page says it is being prepared and asks again; should it give up first, the registrar asks again.
      const print = page.getByRole('link', { name: /Отпечатай писмото за потвърждение/ });
      // Either still being prepared, or already there when notification was quick.
      await page.getByText('Писмото за потвърждение се подготвя…').or(print).first().waitFor();
      const checkAgain = page.getByRole('button', { name: 'Провери отново' });
      for (let attempt = 0; attempt < 120 && !(await print.isVisible()); attempt++) {
        if (await checkAgain.isVisible()) await checkAgain.click();
        await page.waitForTimeout(1_000);
      }
      expect(await print.getAttribute('target')).toBe('_blank');
      await screenshot(page, 'registrar-registered-letter');
      expect(await accessibilityViolations(page)).toEqual([]);
      // The PDF through the console's proxy, with the session's cookie as the link would send it.
      const href = (await print.getAttribute('href')) ?? '';
      expect(href).toMatch(new RegExp(`^/api/notification/tenants/peshtera/cases/${letterCase}/letters/[0-9a-f-]+\\.pdf$`));
      const pdf = await context.request.get(`${consoleUrl}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByRole('button', { name: 'Регистрирай друго подаване' }).click();

      // 2. A phone call. A phone number the service refuses: its 400 is shown next to the field, which takes the focus.
      await page.getByLabel('Канал', { exact: true }).selectOption('phone');
      await page.getByText('Телефонно обаждане: запишете номера').waitFor();
      // Who received it: on the phone it is the registrar (the case records them as the actor); only a reception day names an official.
      expect(await page.locator('#register-receivedBy').count()).toBe(0);
      await page.getByLabel('Постъпило на').fill('2026-11-16T10:15');
      await page.getByLabel('Вид', { exact: true }).selectOption('complaint');
      await page.getByLabel('Категория', { exact: true }).selectOption('roads-lighting');
      await page.getByLabel('Име', { exact: true }).fill('Георги Иванов');
      await page.getByLabel('Телефон', { exact: true }).fill('12');
      await page.getByLabel('Текст на подаването').fill(PHONE_CALL);
      await page.getByRole('button', { name: 'Регистрирай' }).click();
      await page.locator('#register-submitter-phone-error').waitFor();
      expect(await focusedId(page)).toBe('register-submitter-phone');
      expect(await page.locator('#register-submitter-phone').getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'registrar-register-server-error');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Телефон', { exact: true }).fill('+359 888 123 456');
      await page.getByRole('button', { name: 'Регистрирай' }).click();
      const phoneNumber = await registrationNumber(page);
      const phoneCase = await caseIdOf(page, phoneNumber);
      const phoneView = await apiAnswer(page, `/api/intake/tenants/peshtera/cases/${phoneCase}`);
      expect(phoneView.body).toMatchObject({
        state: { facts: { channel: 'phone', receivedAt: '2026-11-16T08:15:00.000Z', receivedBy: null } },
        content: { submission: { text: PHONE_CALL }, submitter: { name: 'Георги Иванов', phone: '+359 888 123 456' } },
      });
      await page.getByRole('button', { name: 'Регистрирай друго подаване' }).click();

      // 3. An anonymous signal: registered, and flagged for the registrar (the charter examines anonymous ones only on a threat).
      await page.getByLabel('Канал', { exact: true }).selectOption('post');
      await page.getByLabel('Постъпило на').fill('2026-11-16T09:40');
      await page.getByLabel('Вид', { exact: true }).selectOption('signal');
      await page.getByLabel('Категория', { exact: true }).selectOption('waste-cleanliness');
      await page.getByLabel('Анонимно: подателят не е посочил име').check();
      expect(await page.getByLabel('Име', { exact: true }).count()).toBe(0);
      await page.getByLabel('Текст на подаването').fill(SIGNAL);
      await page.getByRole('button', { name: 'Регистрирай' }).click();
      const signalNumber = await registrationNumber(page);
      const signalCase = await caseIdOf(page, signalNumber);
      await page.getByText('Проверката го отбеляза: чака вашето решение.').waitFor();
      await page.getByText('Не се изпраща потвърждение: подаването е анонимно.').waitFor();
      await screenshot(page, 'registrar-registered-flagged');
      expect(await accessibilityViolations(page)).toEqual([]);

      // The screening queue follows analytics' read model: wait until the signal is in it.
      const queue = '/api/analytics/tenants/peshtera/cases?status=Flagged';
      for (let attempt = 0; attempt < 60; attempt++) {
        if (JSON.stringify((await apiAnswer(page, queue)).body).includes(signalCase)) break;
        await page.waitForTimeout(1_000);
      }
      await page.goto(`${consoleUrl}/registry/screening`);
      const queued = page.getByRole('link', { name: signalNumber });
      await queued.waitFor();
      await screenshot(page, 'registrar-screening-queue');
      expect(await accessibilityViolations(page)).toEqual([]);

      // The flag with its reason and the text; the decision needs a reason, recorded in the case.
      await queued.click();
      await page.waitForURL(`**/registry/screening/${signalCase}`);
      await page.getByRole('heading', { name: 'Защо проверката я отбеляза' }).waitFor();
      await page.getByText(SIGNAL).waitFor();
      expect(await page.locator('.flags__reason').count()).toBeGreaterThan(0);
      await screenshot(page, 'registrar-decide');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Запиши решението' }).click();
      expect(await focusedId(page)).toBe('screening-accept');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel('Не се образува производство').check();
      // The flag `anonymous` is itself a ground: it is offered.
      expect(await page.getByLabel('Основание').inputValue()).toBe('anonymous');
      const reason = 'Анонимен сигнал без данни за заплаха за здравето или безопасността; по реда на Хартата не се разглежда.';
      await page.getByLabel('Мотиви (записват се в преписката)').fill(reason);
      await page.getByRole('button', { name: 'Запиши решението' }).click();
      await page.getByText('Записано: не се образува производство.').waitFor();
      await screenshot(page, 'registrar-decided');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect((await apiAnswer(page, `/api/intake/tenants/peshtera/cases/${signalCase}`)).body).toMatchObject({
        status: 'NoProceedings',
        state: { ground: 'anonymous' },
      });

      // The same queue in English.
      await page.goto(`${consoleUrl}/registry/screening`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Screening decisions' }).waitFor();
      await page
        .getByText(/case(s)? wait|No case waits/)
        .first()
        .waitFor();
      expect(await page.getByRole('link', { name: signalNumber }).count()).toBe(0);
      await screenshot(page, 'registrar-screening-queue-en');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await scrollsSideways(page)).toBe(false);
      await context.close();
      // The first registrations after the platform starts wait for notification's consumer to join (up to a minute).
    }, 300_000);

    it('registers at a phone’s width without scrolling sideways', async () => {
      const { page, context } = await newPage(journey, { viewport: 'phone' });
      await signIn(page, journey.platform.console.url, 'peshtera.registrar', '/registry/new');
      await page.getByLabel('Канал', { exact: true }).waitFor();
      await page.getByLabel('Канал', { exact: true }).selectOption('post');
      await page.getByRole('button', { name: 'Регистрирай' }).click();
      await page.locator('#register-kind-error').waitFor();
      await screenshot(page, 'registrar-register-phone');
      expect(await scrollsSideways(page)).toBe(false);
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  });
}
