import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WORKSPACE_ROOT } from './servers';

/** Debian's Chromium; the test command installs it (`apt-get install chromium`). Never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as the machines allow it: no sandbox (tests run as root), no GPU, and none of the
 * background connections to Google's hosts, which this machine's closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; \`npm test\` does it) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The two window sizes every page must work at: a desk's screen and a phone. */
export const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/**
 * Screenshots for review go to tmp/screenshots (ignored by git); the name says the journey and the page. The ones
 * the README shows (`readme: true`) are also written to docs/screenshots when UPDATE_README_SCREENSHOTS=1, so the
 * pictures in the repository are made by the tests, and an ordinary run changes no tracked file.
 */
export async function screenshot(page: Page, name: string, options: { readme?: boolean } = {}): Promise<string> {
  const folder = join(WORKSPACE_ROOT, 'tmp', 'screenshots');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (options.readme && process.env.UPDATE_README_SCREENSHOTS === '1') {
    const docs = join(WORKSPACE_ROOT, 'docs', 'screenshots');
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, join(docs, `${name}.png`));
  }
  return file;
}

/** WCAG 2.0–2.2 A and AA rules of axe-core. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The serious and critical violations axe-core finds on the page as it is now, ready to compare with []. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
