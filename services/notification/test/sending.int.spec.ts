import type { CaseSubmitter } from '@civic/domain';
import { caseEventToCloudEvent, decodeEvent, toKafkaBinary } from '@civic/messaging';
import { readStreamIfExists } from '@civic/event-store';
import { auditLogStream } from '@civic/platform';
import { eventually, messagesTo, pdfText, uniqueName, uniquePhone, waitForMail, waitForSms } from '@civic/testing';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { CaseScript, MARIA } from './cases';
import { domainEvents, startNotification, typesOf, type NotificationHarness } from './harness';

/** Text as a PDF reader gives it back: "№" comes out as "No" (its compatibility form), runs of spaces as one. */
const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ');

// notification on the real servers: case events reach it through a relay and Kafka, messages go out through
// the local SMTP server, and the test reads them back from that server's API (as a mail client would).
describe('notification sends what the case calls for', () => {
  let notification: NotificationHarness;
  const TENANT = 'peshtera';

  /** A submitter of this run's own, so the shared mail box holds only this test's messages for them. */
  const submitter = (changes: Partial<CaseSubmitter> = {}): CaseSubmitter => ({
    ...MARIA,
    email: `${uniqueName('maria')}@example.bg`,
    ...changes,
  });

  /** The case's NotificationSent / NotificationFailed events, once there are `count`. */
  const outcomesOn = (caseId: string, count = 1) =>
    eventually(
      async () =>
        domainEvents(await notification.events(caseId)).filter((e) => e.type === 'NotificationSent' || e.type === 'NotificationFailed'),
      (found) => found.length >= count,
      { what: `${count} notification outcome(s) on case ${caseId}` },
    );

  beforeAll(async () => {
    notification = await startNotification({ prefix: 'sending' });
  });

  afterAll(async () => {
    await notification?.stop();
  });

  it('the acknowledgement of a Peshtera complaint: the registry number, the tracking link and the due date, by e-mail; NotificationSent on the case', async () => {
    const person = submitter();
    const script = new CaseScript({
      tenant: TENANT,
      submitter: person,
      registryNumber: 'PSH-2026-000101',
      receivedAt: '2026-03-02T09:15:00.000Z',
    });
    const [registered] = await notification.run(script.accept());

    const [mail] = await waitForMail(person.email ?? '');
    expect(mail.subject).toBe('Обръщението Ви е регистрирано под № PSH-2026-000101');
    // Submitted by web form: nobody confirmed the address is hers, so the greeting does not name her (issue 21 item 5).
    expect(mail.text).toContain('Уважаеми госпожи и господа,');
    expect(mail.text).toContain('регистрирано с входящ № PSH-2026-000101');
    expect(mail.text).toContain('В срок до 2 април 2026 г. ще получите писмен отговор.');
    // No code on this registration: the portal's page where a code is typed.
    expect(mail.text).toContain('http://127.0.0.1:3006/peshtera/track');
    expect(mail.from).toBe('no-reply@peshtera.civic.local');
    expect(mail.html).toContain('<a href="http://127.0.0.1:3006/peshtera/track">');
    expect(mail.headers['auto-submitted']).toBe('auto-generated');

    const [sent] = await outcomesOn(script.caseId);
    expect(sent).toMatchObject({
      type: 'NotificationSent',
      data: { template: 'acknowledgement', channel: 'email', recipient: { kind: 'submitter' }, triggeredBy: registered.id, attempts: 1 },
      metadata: { actor: { id: 'notification', role: 'system' }, correlationId: script.correlationId, dataSubjectId: script.dataSubjectId },
    });
    // The Message-ID is the notification id: the same on every attempt.
    expect(mail.messageId).toBe(`${sent.type === 'NotificationSent' ? sent.data.notificationId : ''}@civic.local`);
  });

  it('a registration whose submitter carries a tracking code: the acknowledgement gives the code and a link that opens the case', async () => {
    const code = '7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2';
    const person = { ...submitter(), language: 'en' as const, trackingCode: code };
    const script = new CaseScript({
      tenant: TENANT,
      submitter: person,
      registryNumber: 'PSH-2026-000106',
      receivedAt: '2026-03-02T09:15:00.000Z',
    });
    await notification.run(script.accept());

    const [mail] = await waitForMail(person.email ?? '');
    expect(mail.text).toContain(`Your private tracking code is ${code}.`);
    // The portal's tracking page of the case (the default TRACKING_URL).
    expect(mail.text).toContain(`http://127.0.0.1:3006/peshtera/cases/${code}`);
    expect(mail.html).toContain(`<a href="http://127.0.0.1:3006/peshtera/cases/${code}">`);
    await outcomesOn(script.caseId);
  });

  it('an extension: the notice with the reasons and the new final date, in the language of the submitter', async () => {
    const person = submitter({ name: 'Ivan Petrov', language: 'en' });
    const script = new CaseScript({ tenant: TENANT, kind: 'proposal', submitter: person, registryNumber: 'PSH-2026-000102' }).accept();
    await notification.run(script);
    await waitForMail(person.email ?? '');
    await notification.run(
      script.add(
        {
          type: 'ExtendDeadline',
          data: {
            reason: 'An on-site inspection with the water utility is needed.',
            newFinalDate: '2026-06-15',
            maxFinalDate: '2026-09-02',
          },
        },
        undefined,
        'secretary',
      ),
    );

    const mails = await waitForMail(person.email ?? '', { count: 2 });
    const extension = mails.find((m) => m.subject === 'Time limit extended for your submission PSH-2026-000102');
    expect(extension?.text).toContain('Dear Sir or Madam,');
    expect(extension?.text).toContain('Reasons for the extension: An on-site inspection with the water utility is needed.');
    expect(extension?.text).toContain('New final date for our answer: 15 June 2026');
    expect(extension?.text).toContain('Previous time limit: 4 May 2026');
    const templates = (await outcomesOn(script.caseId, 2)).map((e) => (e.type === 'NotificationSent' ? e.data.template : e.type));
    expect(templates.sort()).toEqual(['acknowledgement', 'extension']);
  });

  it("a Peshtera complaint that cannot be answered within a month: the citizen is told in writing why, and the final date (Peshtera's charter)", async () => {
    const person = submitter();
    const script = new CaseScript({
      tenant: TENANT,
      kind: 'complaint',
      submitter: person,
      registryNumber: 'PSH-2026-000108',
      receivedAt: '2026-03-02T09:15:00.000Z',
    }).accept();
    await notification.run(script);
    await waitForMail(person.email ?? '');
    await notification.run(
      script.add(
        {
          type: 'ExtendDeadline',
          data: { reason: 'Нужна е проверка на място с фирмата по чистотата.', newFinalDate: '2026-04-17', maxFinalDate: '2026-05-04' },
        },
        undefined,
        'secretary',
      ),
    );

    const mails = await waitForMail(person.email ?? '', { count: 2 });
    const notice = mails.find((m) => m.subject === 'Удължаване на срока за отговор по обръщение № PSH-2026-000108');
    expect(notice?.text).toContain('Причини за удължаването: Нужна е проверка на място с фирмата по чистотата.');
    expect(notice?.text).toContain('Нова крайна дата за отговор: 17 април 2026');
    expect(notice?.text).toContain('Досегашен срок: 2 април 2026');
  });

  it('the answer: by e-mail with the letter attached as PDF (its text has the answer), the letter kept for the registrar', async () => {
    const person = submitter({ address: 'ул. „Дунав“ 3, Пещера' });
    const answer = 'Контейнерите на ул. „Дунав“ бяха извозени на 5 март 2026 г. и графикът е променен.';
    const script = new CaseScript({ tenant: TENANT, submitter: person, registryNumber: 'PSH-2026-000103' })
      .accept()
      .routeAndAssign('environment-waste', uniqueName('ew'))
      .add({ type: 'AnswerCase', data: { text: answer, attachments: [], channel: 'email' } });
    await notification.run(script);

    const mails = await waitForMail(person.email ?? '', { count: 2 });
    const mail = mails.find((m) => m.subject === 'Отговор на обръщение № PSH-2026-000103');
    expect(mail?.text).toContain(answer);
    expect(mail?.attachments).toHaveLength(1);
    const [pdf] = mail?.attachments ?? [];
    expect(pdf).toMatchObject({ filename: 'PSH-2026-000103.pdf', mimeType: 'application/pdf' });
    const text = plain(await pdfText(pdf.content));
    expect(text).toContain(plain('Отговор на обръщение № PSH-2026-000103'));
    expect(text).toContain(plain(answer));
    expect(text).toContain('ул. „Дунав“ 3, Пещера');

    // The answer's outcome is recorded after its e-mail arrived, and not necessarily after the others': wait for it.
    const outcomes = await eventually(
      async () => domainEvents(await notification.events(script.caseId)),
      (events) => events.some((e) => e.type === 'NotificationSent' && e.data.template === 'answer'),
      { what: `the answer's NotificationSent on case ${script.caseId}` },
    );
    const sent = outcomes.find((e) => e.type === 'NotificationSent' && e.data.template === 'answer');
    if (sent?.type !== 'NotificationSent') throw new Error('no NotificationSent for the answer');
    const registrar = await notification.token(TENANT, ['registrar']);
    const list = await notification.call('GET', `/tenants/${TENANT}/cases/${script.caseId}/letters`, { token: registrar });
    expect(list).toMatchObject({
      status: 200,
      body: { letters: [{ notificationId: sent.data.notificationId, template: 'answer', registryNumber: 'PSH-2026-000103' }] },
    });
    const kept = await notification.call('GET', list.body.letters[0].url, { token: registrar });
    expect(kept.status).toBe(200);
    expect(kept.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.compare(kept.body as Buffer, pdf.content)).toBe(0);
    // The letter names the person: its read is in the tenant's hash-chained audit log.
    const log = (await readStreamIfExists(notification.cases, auditLogStream(TENANT))) ?? [];
    expect(log.at(-1)).toMatchObject({
      type: 'PersonalDataRead',
      data: { caseId: script.caseId, fields: ['letter'], route: 'GET /tenants/:tenant/cases/:caseId/letters/:notificationId.pdf' },
    });

    const otherTenant = await notification.token('sopot', ['registrar']);
    expect((await notification.call('GET', list.body.letters[0].url, { token: otherTenant })).status).toBe(403);
    expect(
      (await notification.call('GET', list.body.letters[0].url, { token: await notification.token(TENANT, ['officer']) })).status,
    ).toBe(403);
    expect(
      (await notification.call('GET', `/tenants/${TENANT}/cases/${script.caseId}/letters/not-a-uuid.pdf`, { token: registrar })).body,
    ).toEqual({
      statusCode: 400,
      errors: [{ field: 'notificationId', reason: 'must be a UUID' }],
    });
  });

  it('by post: no e-mail, a letter the registrar prints, recorded as sent by letter', async () => {
    const person = submitter({ preferredChannel: 'post', address: 'ул. „Родопи“ 5, Пещера' });
    const script = new CaseScript({ tenant: TENANT, submitter: person, registryNumber: 'PSH-2026-000104', channel: 'post' });
    await notification.run(script);
    const [sent] = await outcomesOn(script.caseId);
    expect(sent).toMatchObject({ type: 'NotificationSent', data: { template: 'acknowledgement', channel: 'letter' } });
    const registrar = await notification.token(TENANT, ['registrar']);
    const list = await notification.call('GET', `/tenants/${TENANT}/cases/${script.caseId}/letters`, { token: registrar });
    const letter = await notification.call('GET', list.body.letters[0].url, { token: registrar });
    const text = plain(await pdfText(letter.body as Buffer));
    expect(text).toContain(plain('регистрирано с входящ № PSH-2026-000104'));
    expect(text).toContain('ул. „Родопи“ 5, Пещера');
    expect(await messagesTo(person.email ?? '')).toEqual([]);
  });

  it('by phone: the acknowledgement as an SMS through the local SMPP server, in Cyrillic, whole; NotificationSent by sms', async () => {
    const phone = uniquePhone();
    const script = new CaseScript({
      tenant: TENANT,
      submitter: { name: 'Мария Петрова', phone, language: 'bg', preferredChannel: 'phone' },
      registryNumber: 'PSH-2026-000107',
      receivedAt: '2026-03-02T09:15:00.000Z',
    });
    await notification.run(script);

    const [sms] = await waitForSms(phone);
    expect(sms.Text).toMatch(/^Обръщението Ви е регистрирано под № PSH-2026-000107\n\n/);
    expect(sms.Text).toContain('В срок до 2 април 2026 г. ще получите писмен отговор.');
    expect(sms).toMatchObject({ DataCoding: 8, Complete: true, From: { Address: 'Civic' }, To: { Address: phone.slice(1) } });
    expect((await outcomesOn(script.caseId))[0]).toMatchObject({
      type: 'NotificationSent',
      data: { channel: 'sms', template: 'acknowledgement' },
    });
  });

  it('an anonymous submitter: nothing is queued, sent or recorded', async () => {
    const script = new CaseScript({ tenant: TENANT, submitter: null });
    const [registered] = await notification.run(script);
    await eventually(async () => notification.outcomes.some((o) => o.outcome === 'handled' && o.eventId === registered.id), Boolean, {
      what: 'registration handled',
    });
    expect(await notification.outbox({ caseId: script.caseId })).toEqual([]);
    expect(typesOf(await notification.events(script.caseId))).toEqual(['CaseRegistered']);
  });

  it("staff: the assigned officer and, on a breach, the officer and the escalation role, at the addresses in the tenant's staff directory", async () => {
    const officer = uniqueName('ew');
    const officerEmail = `${officer}@peshtera.bg`;
    const secretaryEmail = `${uniqueName('secretary')}@peshtera.bg`;
    // The tenant admin keeps the directory: the officer's work address, and who is written to as the secretary.
    const admin = await notification.token(TENANT, ['tenant-admin']);
    for (const [userId, body] of [
      [officer, { email: officerEmail, roles: ['officer'] }],
      ['peshtera:secretary', { email: secretaryEmail, roles: ['secretary'] }],
    ] as const) {
      const put = await notification.call('PUT', `/tenants/${TENANT}/staff-contacts/${userId}`, { token: admin, body });
      expect(put.status).toBe(200);
    }
    const script = new CaseScript({ tenant: TENANT, submitter: submitter(), registryNumber: 'PSH-2026-000110' })
      .accept()
      .routeAndAssign('environment-waste', officer)
      .add({ type: 'RecordDeadlineBreach', data: { dueDate: '2026-04-02' } });
    await notification.run(script);
    const number = script.commands[0].type === 'RegisterCase' ? script.commands[0].data.registryNumber : '';
    const officerMails = await waitForMail(officerEmail, { count: 2 });
    expect(officerMails.map((m) => m.subject).sort()).toEqual([
      `Изтекъл срок по преписка № ${number}`,
      `Нова преписка за Вас: № ${number}`,
    ]);
    // Peshtera's default rule set escalates to the municipal secretary.
    const [secretary] = await waitForMail(secretaryEmail, { matching: (m) => m.subject.includes(number) });
    expect(secretary.text).toContain(`Срокът за отговор по преписка (жалба) с входящ № ${number} изтече на 2 април 2026 г.`);
    const recipients = (await outcomesOn(script.caseId, 4)).map((e) =>
      e.type === 'NotificationSent' ? [e.data.template, e.data.recipient] : [],
    );
    expect(recipients).toEqual(
      expect.arrayContaining([
        ['staff-assigned', { kind: 'staff', userId: officer }],
        ['staff-deadline-breached', { kind: 'staff', userId: officer }],
        ['staff-deadline-breached', { kind: 'role', role: 'secretary' }],
      ]),
    );
  });

  it('staff: someone with no address in the directory gets no made-up one; the message fails, naming why', async () => {
    const officer = uniqueName('nowhere');
    const script = new CaseScript({ tenant: TENANT, submitter: submitter() }).accept().routeAndAssign('environment-waste', officer);
    await notification.run(script);
    const outcomes = await outcomesOn(script.caseId, 2);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'NotificationFailed',
          data: expect.objectContaining({ template: 'staff-assigned', error: expect.stringContaining('staff directory') }),
        }),
      ]),
    );
  });

  it('the staff directory API: the tenant admin sets, lists and removes addresses; bad input is a 400 naming the field; others get 403', async () => {
    const admin = await notification.token(TENANT, ['tenant-admin']);
    const userId = uniqueName('peshtera:officer');
    const path = `/tenants/${TENANT}/staff-contacts/${userId}`;
    const bad = await notification.call('PUT', path, { token: admin, body: { email: 'not an address', roles: ['janitor'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'roles.0']);
    const registrar = await notification.token(TENANT, ['registrar']);
    expect((await notification.call('PUT', path, { token: registrar, body: { email: 'a@peshtera.bg' } })).status).toBe(403);

    expect(await notification.call('PUT', path, { token: admin, body: { email: 'ivan.ivanov@peshtera.bg' } })).toMatchObject({
      status: 200,
      body: { userId, email: 'ivan.ivanov@peshtera.bg', roles: [], changedBy: expect.any(String) },
    });
    const listed = await notification.call('GET', `/tenants/${TENANT}/staff-contacts`, { token: admin });
    expect(listed.body.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ userId, email: 'ivan.ivanov@peshtera.bg' })]));
    expect((await notification.call('DELETE', path, { token: admin })).status).toBe(204);
    expect((await notification.call('DELETE', path, { token: admin })).status).toBe(404);
  });

  it('redelivered (a relay re-send), and queued again past the inbox: still one e-mail, one NotificationSent', async () => {
    const person = submitter();
    const script = new CaseScript({ tenant: TENANT, submitter: person });
    const [registered] = await notification.run(script);
    await waitForMail(person.email ?? '');
    await outcomesOn(script.caseId);

    const { kafka, topic } = notification;
    if (!kafka || !topic) throw new Error('no Kafka in this harness');
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [toKafkaBinary(caseEventToCloudEvent(registered), script.caseId)] });
    await producer.disconnect();
    await eventually(
      async () => notification.outcomes.filter((o) => o.outcome === 'duplicate' && o.eventId === registered.id).length,
      (n) => n === 1,
      {
        what: 'the redelivery seen as a duplicate',
      },
    );
    // As if the inbox had not recorded it: the handler plans the same message id, which the outbox has.
    const again = await notification.app
      .get(CaseEventsHandler)
      .handle(decodeEvent({ ...toKafkaBinary(caseEventToCloudEvent(registered), script.caseId), offset: '0' }, topic, 0));
    expect(again).toMatchObject({ outcome: 'planned', queued: 0 });

    expect(await notification.outbox({ caseId: script.caseId })).toMatchObject([
      { status: 'sent', recorded: true, todo: false, attempts: 1 },
    ]);
    expect(await messagesTo(person.email ?? '')).toHaveLength(1);
    expect(typesOf(await notification.events(script.caseId)).filter((t) => t === 'NotificationSent')).toHaveLength(1);
  });
});
