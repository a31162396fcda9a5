import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@civic/event-store';
import { caseStreamName, EVENT_STORE, SUBJECT_KEYS } from '@civic/platform';
import { eventually, freePort, uniqueName, uniquePhone } from '@civic/testing';
import * as smpp from 'smpp';
import { SMTPServer } from 'smtp-server';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { SentJournal } from '../src/outbox/sent-journal';
import { templatesStreamName } from '../src/templates/template-store';
import { CaseScript, MARIA } from './cases';
import { domainEvents, startNotification, typesOf, type NotificationHarness } from './harness';

/**
 * A real SMTP server (the same package the local mail server is built on) that refuses every recipient
 * with 550 while `refusing`, and keeps what it accepts otherwise.
 */
class RefusingSmtpServer {
  refusing = true;
  refusals = 0;
  readonly accepted: string[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<string> {
    this.port = await freePort();
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!this.refusing) return callback();
        this.refusals += 1;
        const error = Object.assign(new Error(`5.1.1 <${address.address}>: Mailbox unavailable`), { responseCode: 550 });
        return callback(error);
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.accepted.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A real SMSC (the smpp package's server mode) that binds anyone and refuses every submit_sm as an invalid destination. */
class RefusingSmsc {
  refusals = 0;
  private readonly server = smpp.createServer((session) => {
    session.on('error', () => undefined);
    session.on('bind_transmitter', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('submit_sm', (pdu: smpp.PDU) => {
      this.refusals += 1;
      session.send(pdu.response({ command_status: smpp.errors.ESME_RINVDSTADR }));
    });
    session.on('unbind', (pdu: smpp.PDU) => session.send(pdu.response()));
  });

  async start(): Promise<string> {
    const port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `smpp://127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    for (const session of [...this.server.sessions]) session.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// When messages cannot go out: retries with backoff, then NotificationFailed on the case and in the
// registrar's list; a template that names a missing variable fails at once; an erased person gets nothing.
describe('notification when sending fails', () => {
  const TENANT = 'peshtera';
  const smtp = new RefusingSmtpServer();
  const smsc = new RefusingSmsc();
  let notification: NotificationHarness;

  /** Runs the script and queues the messages of its new events, as the consumer would. */
  const runAndQueue = async (script: CaseScript) => {
    const events = await notification.run(script);
    for (const event of events) await notification.app.get(CaseEventsHandler).queue(event.id, script.caseId, TENANT);
    return events;
  };
  const outcomesOn = (caseId: string, count = 1) =>
    eventually(
      async () =>
        domainEvents(await notification.events(caseId)).filter((e) => e.type === 'NotificationSent' || e.type === 'NotificationFailed'),
      (found) => found.length >= count,
      { what: `${count} notification outcome(s) on case ${caseId}` },
    );

  beforeAll(async () => {
    notification = await startNotification({
      prefix: 'failures',
      smtpUrl: await smtp.start(),
      kafka: false,
      env: { SMPP_URL: await smsc.start() },
    });
  });

  afterAll(async () => {
    await notification?.stop();
    await smtp.stop();
    await smsc.stop();
  });

  it('the SMSC refusing (a non-zero command_status): three attempts, then NotificationFailed naming the status, the number not in the list', async () => {
    const phone = uniquePhone();
    const script = new CaseScript({
      tenant: TENANT,
      submitter: { name: 'Мария Петрова', phone, language: 'bg', preferredChannel: 'phone' },
      registryNumber: 'PSH-2026-000209',
    });
    await runAndQueue(script);

    const [failed] = await outcomesOn(script.caseId);
    expect(failed).toMatchObject({ type: 'NotificationFailed', data: { template: 'acknowledgement', channel: 'sms', attempts: 3 } });
    expect(failed.type === 'NotificationFailed' && failed.data.error).toBe('the SMSC refused submit_sm: ESME_RINVDSTADR (0x0000000B)');
    expect(smsc.refusals).toBe(3);
    const registrar = await notification.token(TENANT, ['registrar']);
    const list = await notification.call('GET', `/tenants/${TENANT}/notifications/failed`, { token: registrar });
    const entry = list.body.notifications.find((n: { caseId: string }) => n.caseId === script.caseId);
    expect(entry).toMatchObject({ status: 'failed', attempts: 3, error: expect.stringContaining('ESME_RINVDSTADR') });
    expect(entry.error).not.toContain(phone.slice(1));
  });

  it("SMTP refusing: three attempts with backoff, then NotificationFailed on the case and in the registrar's list; a retry sends it", async () => {
    const email = `${uniqueName('refused')}@example.bg`;
    const script = new CaseScript({ tenant: TENANT, submitter: { ...MARIA, email }, registryNumber: 'PSH-2026-000201' });
    await runAndQueue(script);

    const [failed] = await outcomesOn(script.caseId);
    expect(failed).toMatchObject({ type: 'NotificationFailed', data: { template: 'acknowledgement', channel: 'email', attempts: 3 } });
    expect(failed.type === 'NotificationFailed' && failed.data.error).toMatch(/550/);
    expect(smtp.refusals).toBe(3);
    // The error may quote the address: it is stored encrypted with the person's key, like their other data.
    const stored = await notification.app.get<EventStore>(EVENT_STORE).readStream(caseStreamName(script.caseId));
    expect(stored.find((e) => e.type === 'NotificationFailed')?.data['error']).toMatchObject({ $enc: 'aes-256-gcm' });

    const registrar = await notification.token(TENANT, ['registrar']);
    const list = await notification.call('GET', `/tenants/${TENANT}/notifications/failed`, { token: registrar });
    expect(list.status).toBe(200);
    const entry = list.body.notifications.find((n: { caseId: string }) => n.caseId === script.caseId);
    expect(entry).toMatchObject({
      registryNumber: 'PSH-2026-000201',
      template: 'acknowledgement',
      status: 'failed',
      attempts: 3,
      recordedOnCase: true,
    });
    expect(entry.error).toContain('550');
    expect(entry.error).not.toContain(email);

    expect((await notification.call('GET', `/tenants/${TENANT}/notifications/failed`)).status).toBe(401);
    expect(
      (
        await notification.call('GET', `/tenants/${TENANT}/notifications/failed`, {
          token: await notification.token('sopot', ['registrar']),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await notification.call('GET', `/tenants/${TENANT}/notifications/failed`, {
          token: await notification.token(TENANT, ['tenant-admin']),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await notification.call('GET', `/tenants/${TENANT}/notifications/failed`, {
          token: await notification.token(TENANT, ['data-protection-officer']),
        })
      ).status,
    ).toBe(403);
    // Ops keep delivery working: they see the list (nothing personal in it) and retry.
    const ops = await notification.token(TENANT, ['ops']);
    const forOps = await notification.call('GET', `/tenants/${TENANT}/notifications/failed`, { token: ops });
    expect(forOps.body.notifications).toEqual(expect.arrayContaining([expect.objectContaining({ notificationId: entry.notificationId })]));
    expect(
      (
        await notification.call('GET', '/tenants/atlantis/notifications/failed', {
          token: await notification.token('atlantis', ['registrar']),
        })
      ).status,
    ).toBe(404);
    // The case's own list, for this tenant's staff only.
    const ofCase = `/tenants/${TENANT}/cases/${script.caseId}/notifications`;
    expect((await notification.call('GET', ofCase, { token: registrar })).body.notifications).toMatchObject([
      { notificationId: entry.notificationId, status: 'failed' },
    ]);
    expect((await notification.call('GET', ofCase, { token: await notification.token('sopot', ['registrar']) })).status).toBe(403);
    expect((await notification.call('GET', ofCase)).status).toBe(401);
    const letters = `/tenants/${TENANT}/cases/${script.caseId}/letters`;
    expect((await notification.call('GET', letters, { token: registrar })).body).toEqual({ caseId: script.caseId, letters: [] });
    expect((await notification.call('GET', letters, { token: await notification.token('sopot', ['registrar']) })).status).toBe(403);
    // A case that does not exist here (or is another tenant's) is not found, not an empty list.
    for (const list of ['notifications', 'letters']) {
      expect((await notification.call('GET', `/tenants/${TENANT}/cases/${randomUUID()}/${list}`, { token: registrar })).body).toEqual({
        statusCode: 404,
        errors: [{ field: 'caseId', reason: 'no such case for this tenant' }],
      });
      expect(
        (
          await notification.call('GET', `/tenants/sopot/cases/${script.caseId}/${list}`, {
            token: await notification.token('sopot', ['registrar']),
          })
        ).status,
      ).toBe(404);
    }
    expect((await notification.call('GET', `/tenants/${TENANT}/cases/not-a-case/letters`, { token: registrar })).body).toEqual({
      statusCode: 400,
      errors: [{ field: 'caseId', reason: 'must be a UUID' }],
    });
    const retryPath = `/tenants/${TENANT}/notifications/${entry.notificationId}/retry`;
    expect((await notification.call('POST', retryPath, { token: await notification.token('sopot', ['registrar']) })).status).toBe(403);

    smtp.refusing = false;
    expect(await notification.call('POST', retryPath, { token: ops })).toMatchObject({
      status: 200,
      body: { status: 'pending', attempts: 0 },
    });
    const outcomes = await outcomesOn(script.caseId, 2);
    expect(outcomes.map((e) => e.type)).toEqual(['NotificationFailed', 'NotificationSent']);
    expect(smtp.accepted.filter((raw) => raw.includes(email))).toHaveLength(1);
    expect((await notification.call('POST', retryPath, { token: registrar })).body).toEqual({
      statusCode: 409,
      errors: [{ field: 'notificationId', reason: 'the message is sent, not failed' }],
    });
    const after = await notification.call('GET', `/tenants/${TENANT}/notifications/failed`, { token: registrar });
    expect(after.body.notifications.some((n: { caseId: string }) => n.caseId === script.caseId)).toBe(false);
    smtp.refusing = true;
  });

  it('confidential cases: absent for a registrar (404 as for an unknown case), there for the anti-corruption officer', async () => {
    const refused = (name: string) => ({ ...MARIA, email: `${uniqueName(name)}@example.bg` });
    const whistleblower = new CaseScript({ tenant: TENANT, kind: 'whistleblower-report', submitter: refused('whistleblower') });
    const corruption = new CaseScript({ tenant: TENANT, submitter: refused('corruption') }).flagForCorruption();
    const ordinary = new CaseScript({ tenant: TENANT, submitter: refused('ordinary') });
    for (const script of [whistleblower, corruption, ordinary]) await runAndQueue(script);
    for (const script of [whistleblower, corruption, ordinary]) await outcomesOn(script.caseId);

    const registrar = await notification.token(TENANT, ['registrar']);
    const officer = await notification.token(TENANT, ['anti-corruption-officer']);
    const failedFor = async (token: string) =>
      (await notification.call('GET', `/tenants/${TENANT}/notifications/failed`, { token })).body.notifications.map(
        (n: { caseId: string }) => n.caseId,
      );
    const seenByRegistrar = await failedFor(registrar);
    expect(seenByRegistrar).toContain(ordinary.caseId);
    expect(seenByRegistrar).not.toContain(whistleblower.caseId);
    expect(seenByRegistrar).not.toContain(corruption.caseId);
    expect(await failedFor(officer)).toEqual(expect.arrayContaining([ordinary.caseId, whistleblower.caseId, corruption.caseId]));

    const unknown = { statusCode: 404, errors: [{ field: 'caseId', reason: 'no such case for this tenant' }] };
    for (const script of [whistleblower, corruption]) {
      for (const list of ['notifications', 'letters']) {
        const path = `/tenants/${TENANT}/cases/${script.caseId}/${list}`;
        expect(await notification.call('GET', path, { token: registrar })).toMatchObject({ status: 404, body: unknown });
        expect((await notification.call('GET', path, { token: officer })).status).toBe(200);
      }
      const pdf = `/tenants/${TENANT}/cases/${script.caseId}/letters/${randomUUID()}.pdf`;
      expect((await notification.call('GET', pdf, { token: registrar })).body).toEqual({
        statusCode: 404,
        errors: [{ field: 'notificationId', reason: 'no such letter for this case' }],
      });
    }
    const ofCase = await notification.call('GET', `/tenants/${TENANT}/cases/${whistleblower.caseId}/notifications`, { token: officer });
    expect(ofCase.body.notifications).toMatchObject([{ caseId: whistleblower.caseId, status: 'failed' }]);
    // The anti-corruption officer sees an ordinary case's course, not its letters, which name the submitter.
    expect((await notification.call('GET', `/tenants/${TENANT}/cases/${ordinary.caseId}/notifications`, { token: officer })).status).toBe(
      200,
    );
    expect((await notification.call('GET', `/tenants/${TENANT}/cases/${ordinary.caseId}/letters`, { token: officer })).status).toBe(403);
  });

  it('a template naming a variable the message does not have fails at once (no retries), naming it', async () => {
    // As if written before the check existed: straight into the tenant's template stream.
    await notification.app.get<EventStore>(EVENT_STORE).appendToStream(
      templatesStreamName(TENANT),
      [
        {
          id: randomUUID(),
          type: 'NotificationTemplateChanged',
          data: {
            message: 'acknowledgement',
            language: 'en',
            subject: 'Registered {{registryNumber}}',
            text: '{{greeting}} Your officer is {{officerName}}.',
          },
          metadata: { tenant: TENANT, actor: { id: 'peshtera:tenant-admin', role: 'tenant-admin' }, occurredAt: new Date().toISOString() },
        },
      ],
      { expectedRevision: 'any' },
    );
    const script = new CaseScript({ tenant: TENANT, submitter: { ...MARIA, language: 'en', email: `${uniqueName('en')}@example.bg` } });
    await runAndQueue(script);
    const [failed] = await outcomesOn(script.caseId);
    expect(failed).toMatchObject({ type: 'NotificationFailed', data: { attempts: 1 } });
    expect(failed.type === 'NotificationFailed' && failed.data.error).toContain('uses the variable "officerName"');
  });

  it('a person erased before the message is queued: nothing is sent or recorded', async () => {
    const script = new CaseScript({ tenant: TENANT, submitter: { ...MARIA, email: `${uniqueName('erased')}@example.bg` } });
    const [registered] = await notification.run(script);
    await notification.app.get<{ erase(id: string): Promise<void> }>(SUBJECT_KEYS).erase(script.dataSubjectId);
    const outcome = await notification.app.get(CaseEventsHandler).queue(registered.id, script.caseId, TENANT);
    expect(outcome).toMatchObject({ outcome: 'planned', queued: 0, plan: { notifications: [], submitterSkipped: 'erased' } });
    expect(typesOf(await notification.events(script.caseId))).toEqual(['CaseRegistered']);
  });

  it('the journal keeps what it notes until cleared, across instances reading the same file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new SentJournal(dir, 'group/with:odd chars');
    expect(journal.read()).toEqual([]);
    journal.note('a');
    journal.note('b');
    expect(new SentJournal(dir, 'group/with:odd chars').read()).toEqual(['a', 'b']);
    journal.clear();
    expect(journal.read()).toEqual([]);
  });
});
