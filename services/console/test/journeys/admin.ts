import { accessibilityViolations, screenshot } from '@civic/testing';
import type { Page } from 'playwright-core';
import { apiAnswer, signIn } from './browser';
import { newPage, submitOnline, type JourneyContext, type Submitted } from './context';

// The unit these journeys set up: the category "social-services" goes to it under the default rules. Other
// journeys use other categories, and the seeded officer stays an officer of every unit it served.
const UNIT = 'social-affairs';
const UNIT_NAME = 'Социални дейности';
const CATEGORY = 'social-services';
const HEAD = 'peshtera:head-of-unit';
const OFFICER = 'peshtera:officer';
const OFFICER2 = 'peshtera:officer2';
const OFFICER2_EMAIL = 'officer2@peshtera.civic.local';

async function axeClean(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

async function toEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('html[lang="en"]').waitFor();
}

/** The tenant admin: a head for the unit, a second officer with an e-mail address, the routing tester, a template. */
export function tenantAdminJourney(journey: JourneyContext): void {
  describe('the tenant admin', () => {
    it('before any head is named, the head of unit is told plainly that they head no unit', async () => {
      const { page, context } = await newPage(journey);
      await signIn(page, journey.platform.console.url, 'peshtera.head-of-unit', '/unit');
      await page.getByText('Не сте посочени за началник на звено').waitFor();
      await screenshot(page, 'unit-no-unit');
      await axeClean(page);
      await context.close();
    });

    it('names the head of a unit, adds a second officer with an e-mail address, and every page passes axe', async () => {
      const { page, context } = await newPage(journey);
      await signIn(page, journey.platform.console.url, 'peshtera.tenant-admin', '/settings');
      await page.getByRole('heading', { level: 1, name: 'Настройки на общината' }).waitFor();
      await screenshot(page, 'settings-index');
      await axeClean(page);

      await page.getByRole('link', { name: 'Звена' }).first().click();
      await page.waitForURL('**/settings/units');
      const unit = page.getByRole('group', { name: UNIT_NAME });
      await unit.getByLabel('Началник (потребител)').fill(HEAD);
      await page.getByRole('button', { name: 'Запиши звената' }).click();
      await page.getByText('Промените са записани.').waitFor();
      const units = await apiAnswer(page, '/api/routing/tenants/peshtera/routing/units');
      expect(JSON.stringify(units.body)).toContain(`"id":"${UNIT}","name":{"bg":"${UNIT_NAME}"`);
      expect((units.body as { units: { id: string; headOfUnitId?: string }[] }).units.find((u) => u.id === UNIT)?.headOfUnitId).toBe(HEAD);
      await screenshot(page, 'settings-units');
      await axeClean(page);

      await page.goto(`${journey.platform.console.url}/settings/officers`);
      const officers = page.getByRole('group', { name: UNIT_NAME });
      await officers.getByLabel(`Нов служител в ${UNIT_NAME} (потребител)`).fill(OFFICER2);
      await officers.getByRole('button', { name: 'Добави', exact: true }).click();
      await officers.getByText(OFFICER2, { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Запиши служителите' }).click();
      await page.getByText('Промените са записани.').waitFor();
      const saved = (await apiAnswer(page, '/api/routing/tenants/peshtera/routing/officers')).body as {
        officers: { id: string; unit: string; absent?: boolean }[];
      };
      expect(
        saved.officers
          .filter((officer) => officer.unit === UNIT)
          .map((officer) => officer.id)
          .sort(),
      ).toEqual([OFFICER, OFFICER2]);
      // The seeded officer still serves every unit it served: other journeys rely on it.
      expect(saved.officers.filter((officer) => officer.id === OFFICER).length).toBeGreaterThan(5);

      await page.getByLabel(`Електронна поща на ${OFFICER2}`).fill(OFFICER2_EMAIL);
      const contact = page.locator('form.contact').filter({ has: page.getByLabel(`Електронна поща на ${OFFICER2}`) });
      await contact.getByRole('button', { name: 'Запиши адреса' }).click();
      await contact.getByText('Промените са записани.').waitFor();
      const contacts = await apiAnswer(page, '/api/notification/tenants/peshtera/staff-contacts');
      expect(JSON.stringify(contacts.body)).toContain(OFFICER2_EMAIL);
      await screenshot(page, 'settings-officers');
      await axeClean(page);
      await context.close();
    });

    it('tries where a case would go and why, under the rules in force and a draft, in both languages', async () => {
      const { page, context } = await newPage(journey);
      await signIn(page, journey.platform.console.url, 'peshtera.tenant-admin', '/settings/rules');
      await page.getByRole('heading', { level: 2, name: /Действащи правила/ }).waitFor();
      await page.getByText('категорията е „social-services“').first().waitFor();
      await screenshot(page, 'settings-rules');
      await axeClean(page);

      await page.getByLabel('Категория', { exact: true }).selectOption(CATEGORY);
      await page.getByRole('button', { name: 'Провери', exact: true }).click();
      const inForce = page.getByRole('region', { name: 'По действащите правила' });
      await inForce.getByText(UNIT_NAME, { exact: true }).waitFor();
      await inForce.getByText(`Правило „category-${CATEGORY}“`).waitFor();
      await inForce.getByText(/^peshtera:officer2? \(/).waitFor();
      await screenshot(page, 'settings-rules-tester');
      await axeClean(page);

      // A keyword rule in the draft (not saved): a text about a playground goes to the unit of public works.
      await page.getByRole('button', { name: 'Добави правило по ключови думи' }).click();
      await page.getByLabel('Идентификатор на правилото').fill('playgrounds');
      await page.getByLabel('Описание на български').fill('Детските площадки са към благоустройството.');
      await page.getByLabel('Описание на английски').fill('Playgrounds belong to public works.');
      await page.locator('#rule-new-keywords').fill('площадк*');
      await page.locator('#rule-new-unit').selectOption('public-works');
      await page.getByRole('button', { name: 'Приеми в черновата' }).click();
      await page.getByRole('heading', { level: 2, name: 'Чернова на правилата (не е записана)' }).waitFor();
      await page.getByLabel('Текст (за правилата по ключови думи)').fill('Счупена люлка на детската площадка.');
      await page.getByRole('button', { name: 'Провери по действащите правила и по черновата' }).click();
      const draft = page.getByRole('region', { name: 'По черновата' });
      await draft.getByText('Благоустройство и комунални дейности', { exact: true }).waitFor();
      await draft.getByText(/Правило „playgrounds“.*ключова дума „площадк\*“/).waitFor();
      await screenshot(page, 'settings-rules-draft');
      await axeClean(page);

      // The explanation is given in both languages: switching the page's language switches it.
      await toEnglish(page);
      await page
        .getByRole('region', { name: 'Under the draft' })
        .getByText(/Rule "playgrounds".*keyword "площадк\*"/)
        .waitFor();
      await screenshot(page, 'settings-rules-en');
      await axeClean(page);
      await context.close();
    });

    it('edits a template, previews it in both languages, saves it and goes back to the default', async () => {
      const { page, context } = await newPage(journey);
      await signIn(page, journey.platform.console.url, 'peshtera.tenant-admin', '/settings/templates');
      await page.getByRole('link', { name: 'Анкета за удовлетвореност' }).click();
      await page.waitForURL('**/settings/templates/survey');
      await screenshot(page, 'settings-templates-survey');
      await axeClean(page);

      const bgText = page.getByLabel('Текст (Български)');
      await bgText.fill(`${await bgText.inputValue()}\n\nБлагодарим ви от Община Пещера!`);
      const enText = page.getByLabel('Текст (English)');
      await enText.fill(`${await enText.inputValue()}\n\nThank you from the Municipality of Peshtera!`);
      await page.getByRole('button', { name: 'Прегледай на двата езика' }).click();
      const preview = page.getByRole('region', { name: 'Преглед с примерни стойности' });
      await preview.getByText(/Благодарим ви от Община Пещера!/).waitFor();
      await preview.getByText(/Thank you from the Municipality of Peshtera!/).waitFor();
      await screenshot(page, 'settings-templates-preview');
      await axeClean(page);

      await page.getByRole('button', { name: 'Запиши промените' }).click();
      await page.getByText('Промените са записани.').waitFor();
      const templates = await apiAnswer(page, '/api/notification/tenants/peshtera/notifications/templates');
      const survey = (templates.body as { templates: { message: string; language: string; source: string }[] }).templates.filter(
        (template) => template.message === 'survey',
      );
      expect(survey.map((template) => template.source)).toEqual(['tenant', 'tenant']);

      await page.getByRole('button', { name: 'Върни текста по подразбиране (Български)' }).click();
      await page.getByRole('button', { name: 'Върни текста по подразбиране (English)' }).click();
      await page
        .getByRole('button', { name: /Върни текста по подразбиране/ })
        .first()
        .waitFor({ state: 'detached' });
      await expect(page.getByLabel('Текст (Български)').inputValue()).resolves.not.toContain('Благодарим ви от Община Пещера!');
      await screenshot(page, 'settings-templates-reset');
      await axeClean(page);
      await context.close();
    });
  });
}

/** The head of unit: the unit's queue by due date, the workload per officer, and a case reassigned to the other officer. */
export function headOfUnitJourney(journey: JourneyContext): void {
  describe('the head of unit', () => {
    const submitted: Submitted[] = [];

    beforeAll(async () => {
      for (const text of ['Възрастна съседка няма кой да ѝ носи храна.', 'Искам информация за социалния патронаж.']) {
        submitted.push(
          await submitOnline(journey, 'peshtera', {
            kind: 'complaint',
            category: CATEGORY,
            submitter: { name: 'Мария Иванова', email: 'maria.ivanova@example.bg', language: 'bg' },
            text,
          }),
        );
      }
    });

    it("sees the unit's queue and workload, reassigns a case to the other officer, and every page passes axe", async () => {
      const { page, context } = await newPage(journey);
      const consoleUrl = journey.platform.console.url;
      await signIn(page, consoleUrl, 'peshtera.head-of-unit', '/unit');

      // Routing assigns both cases to an officer of the unit; the list follows analytics' read model.
      const queuePath = `/api/analytics/tenants/peshtera/cases?unit=${UNIT}&sort=dueDate&pageSize=100`;
      type Item = { caseId: string; officerId: string | null; status: string };
      let items: Item[] = [];
      for (let attempt = 0; attempt < 60; attempt++) {
        items = ((await apiAnswer(page, queuePath)).body as { items?: Item[] }).items ?? [];
        if (submitted.every((one) => items.some((item) => item.caseId === one.caseId && item.status === 'Assigned'))) break;
        await page.waitForTimeout(1_000);
      }
      const first = items.find((item) => item.caseId === submitted[0].caseId);
      expect(first?.status).toBe('Assigned');
      expect([OFFICER, OFFICER2]).toContain(first?.officerId);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Преписки на звеното: ${UNIT_NAME}` }).waitFor();
      for (const one of submitted) await page.getByRole('link', { name: one.registryNumber }).waitFor();
      const workload = page.getByRole('table', { name: 'Служителите на звеното и отворените им преписки' });
      await workload.getByRole('rowheader', { name: OFFICER2 }).waitFor();
      await workload.getByRole('rowheader', { name: OFFICER, exact: true }).waitFor();
      await screenshot(page, 'unit-queue');
      await axeClean(page);

      const other = first?.officerId === OFFICER ? OFFICER2 : OFFICER;
      await page.getByLabel('Преписка', { exact: true }).selectOption({ value: submitted[0].caseId });
      await page.getByLabel('Нов служител').selectOption({ value: other });
      await page.getByLabel('Причина').fill('Поема преписките на квартала.');
      await page.getByRole('button', { name: 'Преразпредели' }).click();
      const outcome = page.locator('.outcome .notice');
      await outcome.waitFor();
      expect(await outcome.innerText()).toContain('Преписката е преразпределена.');
      await screenshot(page, 'unit-reassigned');
      await axeClean(page);

      let moved: Item | undefined;
      for (let attempt = 0; attempt < 60; attempt++) {
        const listed = ((await apiAnswer(page, queuePath)).body as { items?: Item[] }).items ?? [];
        moved = listed.find((item) => item.caseId === submitted[0].caseId);
        if (moved?.officerId === other) break;
        await page.waitForTimeout(1_000);
      }
      expect(moved?.officerId).toBe(other);

      await toEnglish(page);
      await page.getByRole('heading', { level: 1, name: /Unit's cases/ }).waitFor();
      await screenshot(page, 'unit-queue-en');
      await axeClean(page);
      await context.close();
    });

    it('reads the queue on a phone without scrolling sideways', async () => {
      const { page, context } = await newPage(journey, { viewport: 'phone' });
      await signIn(page, journey.platform.console.url, 'peshtera.head-of-unit', '/unit');
      await page.getByRole('link', { name: submitted[0].registryNumber }).waitFor();
      // The page's width is the viewport's (a string: the test code is compiled without the DOM's types).
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await screenshot(page, 'unit-queue-phone');
      await axeClean(page);
      await context.close();
    });
  });
}
