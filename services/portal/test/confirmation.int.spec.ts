import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevIssuer } from '@civic/auth';
import {
  createTestDatabase,
  issuerEnvironment,
  mailServer,
  serviceTestEnvironment,
  smppServer,
  spawnService,
  startService,
  waitForHealthy,
  waitForMail,
  type ServiceProcess,
  type TestDatabase,
} from '@civic/testing';
import { startPortal, type RunningPortal } from './harness';

const KEY_FIELD = /<input type="hidden" name="idempotencyKey" value="([0-9a-f-]{36})"\/>/;

// Issue 21 item 5 (d), end to end: a citizen submits on the portal, intake registers the case, notification (as a
// process, through the relay and Kafka) mails the acknowledgement with a link to the portal's confirmation page;
// opening it confirms nothing, its button does.
describe("confirming the submitter's e-mail address: portal, intake and notification", () => {
  let database: TestDatabase;
  let issuer: DevIssuer;
  let intake: ServiceProcess;
  let notification: ServiceProcess;
  let portal: RunningPortal;

  beforeAll(async () => {
    database = await createTestDatabase('portal_confirm');
    issuer = await DevIssuer.start();
    intake = await startService('intake', database, {
      ...issuerEnvironment(issuer),
      TRUST_PROXY: 'loopback',
      PUBLIC_REQUESTS_PER_MINUTE: '1000',
      PUBLIC_SUBMITS_PER_MINUTE: '1000',
    });
    const notificationEnv: Record<string, string> = {
      ...(await serviceTestEnvironment('notification', database)),
      ...issuerEnvironment(issuer),
      SMTP_URL: (await mailServer()).smtpUrl,
      SMPP_URL: (await smppServer()).smppUrl,
      NOTIFICATION_POLL_MS: '200',
      NOTIFICATION_JOURNAL_DIR: mkdtempSync(join(tmpdir(), 'notification-journal-')),
    };
    portal = await startPortal(intake.url, { NOTIFICATION_URL: `http://127.0.0.1:${notificationEnv.HTTP_PORT}` });
    notification = spawnService('notification', { ...notificationEnv, CONTACT_CONFIRMATION_URL: `${portal.url}/{tenant}/confirm/{token}` });
    await waitForHealthy(notification);
  });

  afterAll(async () => {
    await portal?.close();
    await notification?.stop();
    await intake?.stop();
    await issuer?.stop();
    await database?.drop();
  });

  const page = async (path: string, method: 'GET' | 'POST' = 'GET', body?: FormData) => {
    const response = await fetch(`${portal.url}${path}`, { method, body, redirect: 'manual', headers: { origin: portal.url } });
    return { status: response.status, html: await response.text(), location: response.headers.get('location') ?? '' };
  };

  it('the acknowledgement of a web-form complaint links to the page; the button confirms; a made-up token does not', async () => {
    const email = `confirm.${crypto.randomUUID().slice(0, 8)}@example.bg`;
    const form = await page('/peshtera/submit/complaint');
    const key = KEY_FIELD.exec(form.html)?.[1] ?? '';
    const fields = {
      idempotencyKey: key,
      website: '',
      category: 'administrative-service',
      text: 'Чаках два часа на гише 3 за удостоверение.',
      language: 'bg',
      anonymous: 'no',
      name: 'https://evil.example/refund',
      email,
      preferredChannel: 'email',
    };
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    expect((await page('/peshtera/submit/complaint', 'POST', body)).status).toBe(303);

    const [ack] = await waitForMail(email, { timeoutMs: 60_000 });
    expect(ack.text).toContain('Уважаеми госпожи и господа,');
    expect(ack.text).not.toContain('evil');
    const link = new RegExp(`${portal.url.replace(/[.:/]/g, '\\$&')}(/peshtera/confirm/[A-Za-z0-9_-]{43})`).exec(ack.text ?? '')?.[1];
    expect(link).toBeDefined();

    const opened = await page(link ?? '');
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('data-portal="contact-confirmation"');
    expect(opened.html).toContain('Потвърждавам');

    const confirmed = await page(link ?? '', 'POST', new FormData());
    expect(confirmed.status).toBe(200);
    expect(confirmed.html).toContain('data-portal="contact-confirmed"');
    expect(confirmed.html).toContain('Адресът е потвърден');

    const madeUp = await page(`/peshtera/confirm/${'A'.repeat(43)}`, 'POST', new FormData());
    expect(madeUp.status).toBe(404);
    expect(madeUp.html).toContain('data-portal="contact-confirmation-invalid"');
  });
});
