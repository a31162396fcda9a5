import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

/** Every seeded user's development password in the local realm (infra/keycloak/civic-realm.json). */
export const DEV_PASSWORD = 'civic-dev';

/**
 * Signs in as a person does: the console sends the browser to Keycloak's own login page, the person types the
 * user name and password, Keycloak sends the browser back to the console.
 */
export async function signIn(page: Page, consoleUrl: string, username: string, path = '/'): Promise<void> {
  await page.goto(`${consoleUrl}${path}`);
  await page.waitForSelector('#username', { timeout: 30_000 });
  expect(new URL(page.url()).pathname).toContain('/realms/civic/protocol/openid-connect/auth');
  await page.fill('#username', username);
  await page.fill('#password', DEV_PASSWORD);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(consoleUrl), { timeout: 30_000 });
}

/** The JSON a page's own fetch would get, through the console (the session cookie is the browser's). */
export async function apiAnswer(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }, path);
}
