import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevIssuer, SEEDED_USERS } from '@civic/auth';
import { PostgresEventStore } from '@civic/event-store';
import {
  createTestDatabase,
  eventually,
  listMail,
  mailServer,
  readMail,
  serviceTestEnvironment,
  smppServer,
  spawnService,
  TEST_NOW,
  uniqueName,
  uniquePhone,
  waitForHealthy,
  waitForMail,
  waitForSms,
  type MailSummary,
  type ServiceProcess,
  type TestDatabase,
} from '@civic/testing';
import { MongoClient } from 'mongodb';
import { formatDate } from '../src/messages/words';
import { OUTBOX_COLLECTION } from '../src/outbox/outbox.store';

interface Registration {
  caseId: string;
  registryNumber: string;
  /** The person left an e-mail: the registrar is given their tracking code. */
  trackingCode?: string;
  dueDate?: string;
}

const CASES = 40;

// intake and notification as processes on the real servers: a complaint registered with intake reaches
// notification through the relay and Kafka, and its acknowledgement lands in the local mail server (or, for
// a citizen who gave only a phone number, in the local SMPP server). Then
// notification is killed (SIGKILL) in the middle of a batch and started again: every acknowledgement
// arrives exactly once (counted by Message-ID), none is lost.
describe('notification as a process: acknowledgements through intake, and a kill mid-batch', () => {
  let database: TestDatabase;
  let issuer: DevIssuer;
  let intake: ServiceProcess;
  let notification: ServiceProcess | undefined;
  let notificationEnv: Record<string, string>;
  let store: PostgresEventStore;
  let mongo: MongoClient;
  let registrar: string;
  const run = uniqueName('flow');

  const register = (email: string): Promise<Registration> =>
    registerWith('email', { name: 'Мария Петрова', email, language: 'bg', preferredChannel: 'email' });

  const registerWith = async (channel: string, submitter: Record<string, string>): Promise<Registration> => {
    const response = await fetch(`${intake.url}/tenants/peshtera/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${registrar}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        channel,
        receivedAt: new Date(Date.parse(TEST_NOW) - 60_000).toISOString(),
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter,
        text: 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.',
        attachments: [],
      }),
    });
    const body = (await response.json()) as Registration;
    if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };

  /** The messages in the box addressed to one of ours. */
  const ours = async (addresses: Set<string>): Promise<MailSummary[]> =>
    (await listMail()).filter((message) => message.To.some((to) => addresses.has(to.Address.toLowerCase())));

  const startNotification = async () => {
    notification = spawnService('notification', notificationEnv);
    await waitForHealthy(notification);
    return notification;
  };

  beforeAll(async () => {
    database = await createTestDatabase('notification_flow');
    issuer = await DevIssuer.start();
    const auth = { AUTH_JWKS_URL: issuer.jwksUrl, AUTH_ISSUER: issuer.issuer, AUTH_AUDIENCE: issuer.audience };
    intake = spawnService('intake', { ...(await serviceTestEnvironment('intake', database)), ...auth });
    notificationEnv = {
      ...(await serviceTestEnvironment('notification', database)),
      ...auth,
      SMTP_URL: (await mailServer()).smtpUrl,
      SMPP_URL: (await smppServer()).smppUrl,
      // A crashed holder's lease runs out quickly, so the restarted process takes over at once.
      NOTIFICATION_LEASE_MS: '3000',
      NOTIFICATION_POLL_MS: '200',
      NOTIFICATION_RETRY_INITIAL_MS: '200',
      NOTIFICATION_JOURNAL_DIR: mkdtempSync(join(tmpdir(), 'notification-journal-')),
    };
    await waitForHealthy(intake);
    registrar = await issuer.sign(SEEDED_USERS.peshtera.registrar);
    store = await PostgresEventStore.connect({ url: database.url });
    mongo = await MongoClient.connect(notificationEnv.MONGODB_URI);
  });

  afterAll(async () => {
    await notification?.stop('SIGKILL');
    await intake?.stop();
    await mongo?.close();
    await store?.close();
    await issuer?.stop();
    await database?.drop();
  });

  it('a complaint to Peshtera registered with intake: the acknowledgement e-mail has its number, due date, tracking code and a link with it', async () => {
    await startNotification();
    const email = `${run}-first@example.bg`;
    const registration = await register(email);
    expect(registration.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const [mail] = await waitForMail(email, { timeoutMs: 60_000 });
    expect(mail.subject).toBe(`Обръщението Ви е регистрирано под № ${registration.registryNumber}`);
    expect(mail.text).toContain(`регистрирано с входящ № ${registration.registryNumber}`);
    expect(mail.text).toContain(`В срок до ${formatDate(registration.dueDate ?? '', 'bg')} ще получите писмен отговор.`);
    // The code intake put in the registration's (encrypted) submitter, and the link that opens the case.
    const code = registration.trackingCode ?? '';
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(mail.text).toContain(`Вашият личен код за проследяване е ${code}.`);
    // The link opens the portal's tracking page (the default TRACKING_URL); the portal reads the case from
    // intake by the same code, as this run's intake shows.
    expect(mail.text).toMatch(new RegExp(`http://127\\.0\\.0\\.1:3006/peshtera/cases/${code}\\s`));
    const followed = await fetch(`${intake.url}/public/peshtera/cases/${code}`);
    expect(followed.status).toBe(200);
    expect(((await followed.json()) as { registryNumber: string }).registryNumber).toBe(registration.registryNumber);
    expect(mail.messageId).toMatch(/^[0-9a-f-]{36}@civic\.local$/);
    await eventually(
      async () => (await store.readStream(`case-${registration.caseId}`)).filter((e) => e.type === 'NotificationSent').length,
      (n) => n === 1,
      { what: 'NotificationSent on the case', timeoutMs: 30_000 },
    );
  });

  it('An SMS acknowledgement arrives at the local SMPP server: a complaint by phone from a citizen who gave only a phone number', async () => {
    const phone = uniquePhone();
    const registration = await registerWith('phone', { name: 'Иван Петров', phone, language: 'bg' });

    const [sms] = await waitForSms(phone, { timeoutMs: 60_000 });
    expect(sms.Text).toContain(`Обръщението Ви е регистрирано под № ${registration.registryNumber}`);
    expect(sms.Text).toContain(`В срок до ${formatDate(registration.dueDate ?? '', 'bg')} ще получите писмен отговор.`);
    expect(sms).toMatchObject({ DataCoding: 8, Complete: true, To: { Address: phone.slice(1), Ton: 1 } });
    const sent = await eventually(
      async () => (await store.readStream(`case-${registration.caseId}`)).filter((e) => e.type === 'NotificationSent'),
      (events) => events.length === 1,
      { what: 'NotificationSent on the case', timeoutMs: 30_000 },
    );
    expect(sent[0].data).toMatchObject({ channel: 'sms', template: 'acknowledgement' });
  });

  it('killed with SIGKILL mid-batch and started again: every acknowledgement once (the one in flight at most twice, one Message-ID), none lost', async () => {
    // Stopped while the cases come in, so they wait in Kafka and reach the outbox as one batch.
    await notification?.stop('SIGTERM');
    const addresses = Array.from({ length: CASES }, (_, i) => `${run}-${i}@example.bg`);
    const registrations: Registration[] = [];
    for (const address of addresses) registrations.push(await register(address));
    const mine = new Set(addresses);

    await startNotification();
    const atKill = await eventually(
      async () => (await ours(mine)).length,
      (n) => n >= 5,
      { what: 'the first acknowledgements of the batch', timeoutMs: 60_000, intervalMs: 20 },
    );
    expect(await notification?.stop('SIGKILL')).toBe('SIGKILL');
    const sentAtKill = (await ours(mine)).length;
    // Mid-batch: some went out, not all.
    expect(atKill).toBeGreaterThanOrEqual(5);
    expect(sentAtKill).toBeLessThan(CASES);

    await startNotification();
    const all = await eventually(
      async () => ours(mine),
      (found) => found.length >= CASES,
      { what: `${CASES} acknowledgements`, timeoutMs: 90_000, intervalMs: 500 },
    );

    // Once each, none lost. SMTP has no exactly-once across a crash: the one message in flight at the kill
    // (accepted by the server, not yet noted in the journal) may go again, under the same Message-ID, which
    // mail clients show once. Nothing else may repeat.
    const byMessageId = new Map<string, number>();
    for (const message of all) byMessageId.set(message.MessageID, (byMessageId.get(message.MessageID) ?? 0) + 1);
    const repeated = [...byMessageId.values()].filter((n) => n > 1);
    expect(repeated.length).toBeLessThanOrEqual(1);
    expect(repeated.every((n) => n === 2)).toBe(true);
    expect(byMessageId.size).toBe(CASES);
    expect(new Set(all.flatMap((m) => m.To.map((to) => to.Address.toLowerCase())))).toEqual(mine);

    // Each carries its own case's number.
    const last = registrations.at(-1);
    const lastMail = all.find((m) => m.To.some((to) => to.Address.toLowerCase() === addresses.at(-1)));
    expect((await readMail(lastMail?.ID ?? '')).text).toContain(`входящ № ${last?.registryNumber}`);

    // And each case records it once.
    const counts = await eventually(
      async () =>
        Promise.all(
          registrations.map(async (r) => (await store.readStream(`case-${r.caseId}`)).filter((e) => e.type === 'NotificationSent').length),
        ),
      (found) => found.every((n) => n >= 1),
      { what: 'NotificationSent on every case', timeoutMs: 30_000 },
    );
    expect(counts).toEqual(registrations.map(() => 1));
    const outbox = await mongo
      .db()
      .collection(OUTBOX_COLLECTION)
      .find({ caseId: { $in: registrations.map((r) => r.caseId) } })
      .toArray();
    expect(outbox.map((entry) => [entry.status, entry.recorded])).toEqual(registrations.map(() => ['sent', true]));
  }, 240_000);
});
