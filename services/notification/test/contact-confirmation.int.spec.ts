import type { CaseSubmitter } from '@civic/domain';
import { eventually, messagesTo, testClock, uniqueName, waitForMail, type TestClock } from '@civic/testing';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { CaseScript } from './cases';
import { startNotification, type NotificationHarness } from './harness';

const CONFIRM_URL = 'http://127.0.0.1:3006/{tenant}/confirm/{token}';
const anchors = (html: string) => [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((match) => match[1]);
const tokenIn = (text: string) => /http:\/\/127\.0\.0\.1:3006\/peshtera\/confirm\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

// Issue 21 item 5 (d): until the submitter confirms the address, only the acknowledgement goes to it; it carries
// the link. What waited is sent once they confirm (the portal's page posts the token to notification).
describe('confirming the e-mail address: only the acknowledgement before, everything after', () => {
  let notification: NotificationHarness;
  let clock: TestClock;

  beforeAll(async () => {
    clock = testClock('confirmation', '2026-03-02T10:00:00.000Z');
    notification = await startNotification({
      prefix: 'confirmation',
      kafka: false,
      env: { CONTACT_CONFIRMATION_URL: CONFIRM_URL, CONTACT_CONFIRMATION_DAYS: '7', CLOCK_FILE: clock.file },
    });
  });

  afterAll(async () => {
    await notification?.stop();
    clock?.remove();
  });

  const queue = async (script: CaseScript) => {
    for (const event of await notification.run(script))
      await notification.app.get(CaseEventsHandler).queue(event.id, script.caseId, script.tenant);
  };
  const confirm = (token: string, tenant = 'peshtera') =>
    notification.call('POST', `/public/${tenant}/contact-confirmations`, { body: { token } });

  const person = (): CaseSubmitter => ({
    name: 'Maria Petrova',
    email: `${uniqueName('confirm')}@example.org`,
    language: 'en',
    preferredChannel: 'email',
  });
  // Before routing nobody heads the case's unit: the secretary extends (the domain's authority.ts).
  const extension = {
    type: 'ExtendDeadline',
    data: { reason: 'An on-site inspection is needed.', newFinalDate: '2026-06-15', maxFinalDate: '2026-09-02' },
  } as const;

  it('the acknowledgement carries the link; a notice waits, held; the confirmation sends it, now greeting the person by name', async () => {
    const submitter = person();
    const email = submitter.email ?? '';
    const script = new CaseScript({ kind: 'proposal', submitter, registryNumber: 'PSH-2026-000801' }).accept();
    await queue(script);

    const [ack] = await waitForMail(email);
    expect(ack.text).toContain('Dear Sir or Madam,');
    expect(ack.text).toContain('Please confirm that this e-mail address is yours');
    expect(ack.text).toContain("you can read it on your case's tracking page");
    const token = tokenIn(ack.text ?? '');
    expect(token).toBeDefined();
    expect(anchors(ack.html ?? '')).toEqual(['http://127.0.0.1:3006/peshtera/track', `http://127.0.0.1:3006/peshtera/confirm/${token}`]);

    await queue(script.add(extension, undefined, 'secretary'));
    const [held] = await eventually(
      () => notification.outbox({ caseId: script.caseId, template: 'extension' }),
      (found) => found[0]?.status === 'held',
      { what: 'the extension notice held' },
    );
    expect(held?.skipReason).toMatch(/^held: the e-mail address is not confirmed yet/);
    const registrar = await notification.token('peshtera', ['registrar']);
    const listed = await notification.call('GET', `/tenants/peshtera/cases/${script.caseId}/notifications`, { token: registrar });
    expect(listed.body.notifications).toEqual(
      expect.arrayContaining([expect.objectContaining({ template: 'extension', status: 'held', heldReason: held?.skipReason })]),
    );
    expect(await messagesTo(email)).toHaveLength(1);

    const confirmed = await confirm(token ?? '');
    expect(confirmed).toMatchObject({ status: 200, body: { confirmed: true, released: 1 } });
    const mails = await waitForMail(email, { count: 2 });
    const notice = mails.find((mail) => mail.subject?.startsWith('Time limit extended'));
    expect(notice?.text).toContain('Dear Maria Petrova,');
    // Confirming again is harmless.
    expect(await confirm(token ?? '')).toMatchObject({ status: 200, body: { confirmed: true, released: 0 } });
  });

  it('a bad token is a 400 naming it; an unknown one, or another municipality, a 404; an expired one a 410, and what waits stays held', async () => {
    expect(await confirm('not-a-token')).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'token' })] } });
    expect((await confirm('A'.repeat(43))).status).toBe(404);

    const submitter = person();
    const script = new CaseScript({ kind: 'proposal', submitter, registryNumber: 'PSH-2026-000802' }).accept();
    await queue(script);
    const [ack] = await waitForMail(submitter.email ?? '');
    const token = tokenIn(ack.text ?? '') ?? '';
    expect((await confirm(token, 'sopot')).status).toBe(404);

    await queue(script.add(extension, undefined, 'secretary'));
    await eventually(
      () => notification.outbox({ caseId: script.caseId, template: 'extension' }),
      (found) => found[0]?.status === 'held',
      { what: 'the extension notice held' },
    );
    clock.set('2026-03-09T10:00:00.001Z');
    try {
      expect(await confirm(token)).toMatchObject({ status: 410, body: { errors: [expect.objectContaining({ field: 'token' })] } });
    } finally {
      clock.set('2026-03-02T10:00:00.000Z');
    }
    expect((await notification.outbox({ caseId: script.caseId, template: 'extension' }))[0]?.status).toBe('held');
  });
});
