import { accessibilityViolations, screenshot } from '@civic/testing';
import { apiAnswer, signIn } from './browser';
import { newPage, submitOnline, type JourneyContext, type Submitted } from './context';

const TEXT = 'Уличното осветление на ул. „Родопи“ не работи от седмица.';

/** The officer: "my cases", the case page with what the citizen wrote. */
export function officerJourney(journey: JourneyContext): void {
  describe('the officer', () => {
    let submitted: Submitted;

    beforeAll(async () => {
      submitted = await submitOnline(journey, 'peshtera', {
        kind: 'complaint',
        category: 'roads-lighting',
        submitter: { name: 'Иван Петров', email: 'ivan.petrov@example.bg', language: 'bg' },
        text: TEXT,
      });
    });

    it("finds the case in 'my cases', reads what the citizen wrote, and every page passes axe", async () => {
      const { page, context } = await newPage(journey);
      const consoleUrl = journey.platform.console.url;
      await signIn(page, consoleUrl, 'peshtera.officer', '/cases/mine');
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
      await page.getByText(TEXT).waitFor();
      await screenshot(page, 'officer-case');
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  });
}
