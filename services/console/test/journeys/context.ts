import { randomUUID } from 'node:crypto';
import { launchChromium, VIEWPORTS, waitForMail } from '@civic/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startPlatform, type RunningPlatform } from '../platform';

/** The services' now: a fixed Monday, so due dates and "overdue" are the same whatever day the test runs. */
export const JOURNEY_NOW = '2026-11-16T09:00:00.000Z';

/** What every journey shares: one platform as processes and one Chromium, started once for the whole file. */
export interface JourneyContext {
  platform: RunningPlatform;
  browser: Browser;
}

/** Starts the platform and the browser before the journeys and stops them after; call it inside a describe. */
export function journeyContext(): JourneyContext {
  const context = {} as JourneyContext;
  beforeAll(async () => {
    [context.platform, context.browser] = await Promise.all([startPlatform(JOURNEY_NOW), launchChromium()]);
  }, 240_000);
  afterAll(async () => {
    await context.browser?.close();
    await context.platform?.stop();
  });
  return context;
}

/** A fresh browser profile (no cookies) at a desk's screen or a phone's, in Bulgarian unless asked otherwise. */
export async function newPage(
  journey: JourneyContext,
  options: { viewport?: keyof typeof VIEWPORTS; locale?: string } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await journey.browser.newContext({
    viewport: VIEWPORTS[options.viewport ?? 'desktop'],
    locale: options.locale ?? 'bg-BG',
  });
  return { page: await context.newPage(), context };
}

export interface Submitted {
  caseId: string;
  registryNumber: string;
  trackingCode?: string;
}

/** A citizen's submission through the public web form, as a person would send it; routing assigns it to the seeded officer. */
export async function submitOnline(journey: JourneyContext, tenant: string, body: Record<string, unknown>): Promise<Submitted> {
  const response = await fetch(`${journey.platform.services.intake.url}/public/${tenant}/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ attachments: [], ...body }),
  });
  if (response.status !== 201) throw new Error(`the web form answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Submitted;
}

/**
 * The citizen confirms their e-mail address with the link in the acknowledgement (the portal's button posts
 * the token to notification), so that the e-mails after it go out rather than wait for the confirmation.
 */
export async function confirmAddress(journey: JourneyContext, tenant: string, email: string): Promise<void> {
  const [ack] = await waitForMail(email, { timeoutMs: 90_000 });
  const token = new RegExp(`/${tenant}/confirm/([A-Za-z0-9_-]+)`).exec(ack.text)?.[1];
  if (token === undefined) throw new Error(`the acknowledgement to ${email} carries no confirmation link:\n${ack.text}`);
  const response = await fetch(`${journey.platform.services.notification.url}/public/${tenant}/contact-confirmations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (!response.ok) throw new Error(`confirming ${email} answered ${response.status}: ${await response.text()}`);
}
