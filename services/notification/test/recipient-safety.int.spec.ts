import type { CaseSubmitter } from '@civic/domain';
import { eventually, messagesTo, uniqueName, waitForMail } from '@civic/testing';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { CaseScript, MARIA } from './cases';
import { domainEvents, startNotification, type NotificationHarness } from './harness';

const anchors = (html: string) => [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((match) => match[1]);

// Issue 21 item 5: the acknowledgement was used for phishing under the municipality's name (a "name" carrying a
// URL, sent to someone else's address, arrived as a clickable link). The mail is read back from the local SMTP
// server as a mail client gets it.
describe("mail to an address nobody confirmed: no stranger's words as links or names, and not too much of it", () => {
  let notification: NotificationHarness;

  beforeAll(async () => {
    notification = await startNotification({
      prefix: 'recipientsafety',
      kafka: false,
      env: { NOTIFICATION_ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY: '2', NOTIFICATION_MESSAGES_PER_ADDRESS_PER_DAY: '1' },
    });
  });

  afterAll(async () => {
    await notification?.stop();
  });

  const queue = async (script: CaseScript) => {
    const events = await notification.run(script);
    for (const event of events) await notification.app.get(CaseEventsHandler).queue(event.id, script.caseId, script.tenant);
    return events;
  };

  /** The case's NotificationSent / NotificationFailed events of messages to the submitter, once there are `count`. */
  const outcomesOn = (caseId: string, count = 1) =>
    eventually(
      async () =>
        domainEvents(await notification.events(caseId)).filter(
          (e) => (e.type === 'NotificationSent' || e.type === 'NotificationFailed') && e.data.recipient.kind === 'submitter',
        ),
      (found) => found.length >= count,
      { what: `${count} notification outcome(s) on case ${caseId}` },
    );

  it('a "name" carrying a URL, sent by web form to a victim\'s address: the mail shows neither the name nor a link but the platform\'s', async () => {
    const victim = `${uniqueName('victim')}@example.org`;
    const lure: CaseSubmitter = { name: 'https://evil.example/refund', email: victim, language: 'en', preferredChannel: 'email' };
    await queue(new CaseScript({ tenant: 'sopot', submitter: lure, channel: 'web-form', registryNumber: 'SOP-2026-000501' }));

    const [mail] = await waitForMail(victim);
    expect(mail.from).toBe('no-reply@sopot.civic.local');
    expect(mail.text).toContain('Dear Sir or Madam,');
    expect(mail.text).not.toContain('evil');
    expect(mail.html).not.toContain('evil');
    expect(anchors(mail.html ?? '')).toEqual(['http://127.0.0.1:3006/sopot/track']);
  });

  it('a name taken at the desk is used in the greeting, and even there a URL in it is no link in the HTML part', async () => {
    const email = `${uniqueName('desk')}@example.org`;
    const person: CaseSubmitter = { name: 'Ivan www.evil.example', email, language: 'en', preferredChannel: 'email' };
    await queue(new CaseScript({ tenant: 'sopot', submitter: person, channel: 'in-person', registryNumber: 'SOP-2026-000502' }));

    const [mail] = await waitForMail(email);
    expect(mail.text).toContain('Dear Ivan www.evil.example,');
    expect(mail.html).toContain('Dear Ivan www.&#8205;evil.&#8205;example,');
    expect(mail.html).not.toContain('evil.example');
    expect(anchors(mail.html ?? '')).toEqual(['http://127.0.0.1:3006/sopot/track']);
  });

  it('one address in many forms: at most the allowance of acknowledgements a day; the rest held, failed with the reason', async () => {
    const victim = `${uniqueName('flooded')}@example.org`;
    const scripts = [1, 2, 3, 4].map(
      (n) => new CaseScript({ submitter: { ...MARIA, email: victim }, registryNumber: `PSH-2026-00060${n}` }),
    );
    for (const script of scripts) await queue(script);
    const outcomes = await Promise.all(scripts.map((script) => outcomesOn(script.caseId)));

    const kinds = outcomes.map(([outcome]) => outcome?.type).sort();
    expect(kinds).toEqual(['NotificationFailed', 'NotificationFailed', 'NotificationSent', 'NotificationSent']);
    expect(await messagesTo(victim)).toHaveLength(2);
    const held = (await notification.outbox({ tenant: 'peshtera', status: 'failed' })).filter((entry) =>
      scripts.some((script) => script.caseId === entry.caseId),
    );
    expect(held).toHaveLength(2);
    for (const entry of held)
      expect(entry.lastError).toMatch(/^recipient limit: 2 acknowledgements to this address were sent already that day/);
    // The registrar's list of failed messages shows why.
    const registrar = await notification.token('peshtera', ['registrar']);
    const failed = await notification.call('GET', '/tenants/peshtera/notifications/failed', { token: registrar });
    expect(JSON.stringify(failed.body)).toContain('recipient limit: 2 acknowledgements');
  });

  it('other messages have their own allowance: the acknowledgement goes, and of two notices to one address only the first', async () => {
    const email = `${uniqueName('notices')}@example.org`;
    const script = new CaseScript({ kind: 'proposal', submitter: { ...MARIA, email }, registryNumber: 'PSH-2026-000701' })
      .accept()
      .routeAndAssign('environment-waste', 'ew-1');
    await queue(script);
    await outcomesOn(script.caseId, 1);
    await queue(
      script.add({
        type: 'ExtendDeadline',
        data: { reason: 'An on-site inspection is needed.', newFinalDate: '2026-06-15', maxFinalDate: '2026-09-02' },
      }),
    );
    await outcomesOn(script.caseId, 2);
    await queue(script.add({ type: 'RequestInformation', data: { missing: 'A photo.', pausesClock: false } }));
    const outcomes = await outcomesOn(script.caseId, 3);
    expect(outcomes.map((outcome) => outcome.type)).toEqual(['NotificationSent', 'NotificationSent', 'NotificationFailed']);
    expect(await messagesTo(email)).toHaveLength(2);
  });
});
