import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { RecordedEvent } from '@civic/event-store';
import { caseEventToCloudEvent, decodeEvent, toKafkaBinary } from '@civic/messaging';
import { SUBJECT_KEYS } from '@civic/platform';
import { eventually, messagesTo, uniqueName, waitForMail } from '@civic/testing';
import type { Connection } from 'mongoose';
import { CaseEventsHandler } from '../src/consumer/case-events.handler';
import { LETTERS_COLLECTION } from '../src/letters/letters.store';
import { OUTBOX_COLLECTION, type OutboxEntry } from '../src/outbox/outbox.store';
import { CaseScript, MARIA } from './cases';
import { domainEvents, startNotification, type NotificationHarness } from './harness';

// GDPR art. 17: once a case's personal data are erased, notification keeps no copy of the submitter's and
// sends them nothing more; staff's messages stay. PersonalDataErased reaches it through the relay and Kafka.
describe('notification when a case is erased', () => {
  const TENANT = 'peshtera';
  let notification: NotificationHarness;

  const db = () => {
    const found = notification.app.get<Connection>(getConnectionToken()).db;
    if (!found) throw new Error('no MongoDB database');
    return found;
  };
  const lettersOf = (caseId: string) => db().collection(LETTERS_COLLECTION).find({ caseId }).toArray();
  const outboxOf = async (caseId: string) => (await notification.outbox({ caseId })).sort((a, b) => a._id.localeCompare(b._id));
  /** The erasure as the consumer receives it again (a relay's re-send, a redelivery past the inbox). */
  const redeliver = (event: RecordedEvent, caseId: string) =>
    notification.app
      .get(CaseEventsHandler)
      .handle(decodeEvent({ ...toKafkaBinary(caseEventToCloudEvent(event), caseId), offset: '0' }, notification.topic ?? 'case-events', 0));

  beforeAll(async () => {
    notification = await startNotification({ prefix: 'erasure' });
  });

  afterAll(async () => {
    await notification?.stop();
  });

  it("deletes the case's letters and cancels the submitter's unsent message, keeps the staff's; a redelivery changes nothing", async () => {
    const email = `${uniqueName('erased')}@example.bg`;
    const officer = uniqueName('peshtera:officer');
    const officerEmail = `${uniqueName('officer')}@peshtera.bg`;
    const admin = await notification.token(TENANT, ['tenant-admin']);
    const put = await notification.call('PUT', `/tenants/${TENANT}/staff-contacts/${officer}`, {
      token: admin,
      body: { email: officerEmail, roles: ['officer'] },
    });
    expect(put.status).toBe(200);

    // An answered and closed case: the acknowledgement, the answer (with its letter) and the survey to the
    // submitter, the assignment to the officer.
    const script = new CaseScript({ tenant: TENANT, submitter: { ...MARIA, email, address: 'ул. „Дунав“ 3, Пещера' } })
      .accept()
      .routeAndAssign('environment-waste', officer)
      .add({ type: 'AnswerCase', data: { text: 'Контейнерите бяха извозени.', attachments: [], channel: 'email' } })
      .add({ type: 'CloseCase', data: {} });
    await notification.run(script);
    await eventually(
      async () => domainEvents(await notification.events(script.caseId)).filter((e) => e.type === 'NotificationSent'),
      (sent) => sent.length === 4,
      { what: `4 NotificationSent on case ${script.caseId}` },
    );
    await waitForMail(email, { count: 3 });
    await waitForMail(officerEmail);
    const [letter] = await lettersOf(script.caseId);
    expect(letter).toMatchObject({ template: 'answer' });

    // A message to the submitter waiting for its next attempt after a refusal, its error kept blanked.
    const outbox = db().collection<OutboxEntry>(OUTBOX_COLLECTION);
    const survey = (await outboxOf(script.caseId)).find((entry) => entry.template === 'survey');
    if (!survey) throw new Error('no survey in the outbox');
    const waiting = randomUUID();
    await outbox.insertOne({
      ...survey,
      _id: waiting,
      status: 'pending',
      recorded: false,
      todo: true,
      attempts: 1,
      nextAttemptAt: new Date(Date.now() + 3_600_000),
      lastError: '550 5.1.1 <address>: Mailbox unavailable',
    });
    const staffBefore = (await outboxOf(script.caseId)).filter((entry) => entry.recipient.kind !== 'submitter');
    expect(staffBefore).toMatchObject([{ template: 'staff-assigned', status: 'sent', recorded: true }]);

    // As intake erases: the person's key shredded, PersonalDataErased on the case.
    await notification.app.get<{ erase(id: string): Promise<void> }>(SUBJECT_KEYS).erase(script.dataSubjectId);
    script.add(
      { type: 'ErasePersonalData', data: { ground: 'data-subject-request', requestId: randomUUID() } },
      undefined,
      'data-protection-officer',
    );
    const [erased] = await notification.run(script);
    expect(erased.type).toBe('PersonalDataErased');
    await eventually(
      async () => notification.outcomes.filter((o) => o.outcome === 'handled' && o.eventId === erased.id),
      (handled) => handled.length === 1,
      { what: 'PersonalDataErased handled by the consumer' },
    );

    expect(await lettersOf(script.caseId)).toEqual([]);
    const registrar = await notification.token(TENANT, ['registrar']);
    const letters = await notification.call('GET', `/tenants/${TENANT}/cases/${script.caseId}/letters`, { token: registrar });
    expect(letters.body).toEqual({ caseId: script.caseId, letters: [] });
    const pdf = await notification.call('GET', `/tenants/${TENANT}/cases/${script.caseId}/letters/${letter._id}.pdf`, { token: registrar });
    expect(pdf.status).toBe(410);

    const after = await outboxOf(script.caseId);
    expect(after.find((entry) => entry._id === waiting)).toMatchObject({ status: 'skipped', skipReason: 'erased', todo: false });
    expect(after.filter((entry) => entry.recipient.kind === 'submitter' && 'lastError' in entry)).toEqual([]);
    // Nothing personal was ever in the submitter's entries: no address, no text.
    for (const entry of after.filter((e) => e.recipient.kind === 'submitter')) expect(JSON.stringify(entry)).not.toContain(email);
    expect(after.filter((entry) => entry.recipient.kind !== 'submitter')).toEqual(staffBefore);

    // Redelivered, twice: nothing left to change.
    for (let i = 0; i < 2; i += 1) {
      expect(await redeliver(erased, script.caseId)).toEqual({ outcome: 'erased', letters: 0, messages: 0 });
      expect(await outboxOf(script.caseId)).toEqual(after);
      expect(await lettersOf(script.caseId)).toEqual([]);
    }
    // The cancelled message never went: the submitter's mail box holds the three sent before.
    expect(await messagesTo(email)).toHaveLength(3);
  });
});
