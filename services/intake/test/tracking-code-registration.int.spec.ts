import { randomUUID } from 'node:crypto';
import type { CaseRegistered } from '@civic/domain';
import { nextRegistryNumber, type EventStore } from '@civic/event-store';
import {
  CASE_COMMANDS,
  CASE_STORE,
  caseEventFromRecorded,
  caseStreamName,
  EVENT_STORE,
  type CaseCommands,
  caseCommand,
} from '@civic/platform';
import { staffSubmissions } from '../src/cases/submission';
import { requestFingerprint } from '../src/idempotency/fingerprint';
import { IdempotencyStore, scopedKey, type RegistrationIds } from '../src/idempotency/idempotency-store';
import { newTrackingCode } from '../src/tracking/tracking-code';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

interface Registration {
  caseId: string;
  registryNumber: string;
  trackingCode?: string;
  trackingCodeWithheld?: { bg: string; en: string };
}

const CODE_SHAPE = /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/;

// Intake in this process: the tracking code travels in the registration's
// submitter (encrypted), the answer carries it, the citizen API takes it, and no staff view shows it.
describe('tracking codes in the registration', () => {
  let intake: IntakeInProcess;
  let registrar: string;
  let officer: string;
  let cases: EventStore;
  let stored: EventStore;

  beforeAll(async () => {
    intake = await startIntakeInProcess();
    registrar = await intake.issuer.sign({ sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'] });
    officer = await intake.issuer.sign({ sub: 'peshtera:officer', tenant: 'peshtera', roles: ['officer'] });
    cases = intake.app.get<EventStore>(CASE_STORE);
    stored = intake.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await intake?.close();
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${intake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Registration };
  };
  const get = async (path: string, token?: string) => {
    const response = await fetch(`${intake.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, text: await response.text() };
  };

  const person = { name: 'Петър Георгиев', email: `petar.${randomUUID().slice(0, 8)}@example.bg`, language: 'bg' };
  const letter = (submitter: Record<string, unknown> = person) => ({
    channel: 'post',
    receivedAt: '2026-03-02T09:00:00Z',
    kind: 'complaint',
    category: 'waste-cleanliness',
    submitter,
    text: `Контейнерите не са извозени (${randomUUID()}).`,
  });
  const form = (submitter?: Record<string, unknown>) => ({
    kind: 'complaint',
    category: 'waste-cleanliness',
    ...(submitter ? { submitter } : { anonymous: true }),
    text: `Дупка на тротоара (${randomUUID()}).`,
  });
  const registerLetter = (body: unknown, key = randomUUID()) =>
    post('/tenants/peshtera/cases', body, { authorization: `Bearer ${registrar}`, 'idempotency-key': key });
  const submit = (body: unknown, key = randomUUID()) => post('/public/peshtera/cases', body, { 'idempotency-key': key });

  /** The registration as the case store reads it: personal data decrypted. */
  async function registration(caseId: string): Promise<CaseRegistered> {
    const [first] = await cases.readStream(caseStreamName(caseId), { toRevision: 0 });
    const event = caseEventFromRecorded(first);
    if (event.type !== 'CaseRegistered') throw new Error(`case ${caseId} starts with ${event.type}`);
    return event;
  }
  const eventCount = async (caseId: string) => (await stored.readStream(caseStreamName(caseId))).length;

  /** What staff and the public can read of the case: the desk, Open311 GET requests/{id}, the citizen view. */
  async function viewsOf(answer: Registration, code: string) {
    const desk = await get(`/tenants/peshtera/cases/${answer.caseId}`, officer);
    const open311 = await get(`/open311/v2/requests/${answer.registryNumber}.json?jurisdiction_id=peshtera`);
    const citizen = await get(`/public/peshtera/cases/${encodeURIComponent(code)}`);
    expect([desk.status, open311.status, citizen.status]).toEqual([200, 200, 200]);
    return { desk: desk.text, open311: open311.text, citizen: citizen.text };
  }

  it("a citizen's submission: the code in the answer is the one in the event's submitter, and only the citizen view opens by it", async () => {
    const { status, body } = await submit(form(person));
    expect(status).toBe(201);
    const code = body.trackingCode ?? '';
    expect(code).toMatch(CODE_SHAPE);
    expect((await registration(body.caseId)).data.submitter).toEqual({ ...person, trackingCode: code });
    // The store holds only ciphertext.
    expect(JSON.stringify(await stored.readStream(caseStreamName(body.caseId)))).not.toContain(code);

    const views = await viewsOf(body, code);
    expect(views.citizen).toContain(body.registryNumber);
    for (const view of Object.values(views)) expect(view).not.toContain(code);
    expect(views.desk).not.toContain('trackingCode');
  });

  it('an anonymous submission: the code is in the answer only (no person to keep it with)', async () => {
    const { body } = await submit(form());
    expect(body.trackingCode).toMatch(CODE_SHAPE);
    expect((await registration(body.caseId)).data.submitter).toBeNull();
    expect((await get(`/public/peshtera/cases/${body.trackingCode}`)).status).toBe(200);
  });

  it("a registrar's registration of a person with a contact: the answer carries the code, for the registrar to tell them", async () => {
    const key = randomUUID();
    const sent = letter();
    const { status, body } = await registerLetter(sent, key);
    expect(status).toBe(201);
    const code = body.trackingCode ?? '';
    expect(code).toMatch(CODE_SHAPE);
    expect((await registration(body.caseId)).data.submitter).toEqual({ ...person, trackingCode: code });

    const views = await viewsOf(body, code);
    for (const view of Object.values(views)) expect(view).not.toContain(code);

    // A retry with the same key creates nothing and answers with the same code.
    const before = await eventCount(body.caseId);
    const retry = await registerLetter(sent, key);
    expect(retry).toEqual({ status: 201, body });
    expect(await eventCount(body.caseId)).toBe(before);
  });

  it('a registration for a person with only a name (nobody to tell the code to): no code anywhere', async () => {
    const { body } = await registerLetter(letter({ name: 'Стоян Стоянов' }));
    expect(body.trackingCode).toBeUndefined();
    expect((await registration(body.caseId)).data.submitter).toEqual({ name: 'Стоян Стоянов', language: 'bg' });
  });

  it("the public's retry gets the code only while it is a retry (15 minutes); a registrar's key is theirs alone", async () => {
    const key = randomUUID();
    const submission = form(person);
    const first = await submit(submission, key);
    expect(first.body.trackingCode).toEqual(expect.any(String));
    // A double click, a lost answer: the same case and the same code.
    expect((await submit(submission, key)).body).toEqual(first.body);
    const later = new Date(intake.clock.now().getTime() + 16 * 60_000).toISOString();
    const standing = intake.clock.now().toISOString();
    intake.clock.set(later);
    try {
      const again = await submit(submission, key);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({
        caseId: first.body.caseId,
        registryNumber: first.body.registryNumber,
        trackingCodeWithheld: { bg: expect.any(String), en: expect.any(String) },
      });
      expect(again.body.trackingCode).toBeUndefined();
    } finally {
      intake.clock.set(standing);
    }

    // The same key from a registrar is another request: the public's use of it tells them nothing.
    const letterKey = randomUUID();
    const sent = letter();
    const mine = await registerLetter(sent, letterKey);
    expect(mine.body.trackingCode).toEqual(expect.any(String));
    // The registrar's own retry gets the code again: they tell it to the person.
    expect((await registerLetter(sent, letterKey)).body.trackingCode).toBe(mine.body.trackingCode);
    const other = await intake.issuer.sign({ sub: 'peshtera:registrar-2', tenant: 'peshtera', roles: ['registrar'] });
    const theirs = await post('/tenants/peshtera/cases', letter(), { authorization: `Bearer ${other}`, 'idempotency-key': letterKey });
    expect(theirs.status).toBe(201);
    expect(theirs.body.caseId).not.toBe(mine.body.caseId);
  });

  it('a retry after a crash past RegisterCase answers with the code the registration carries', async () => {
    const body = letter({ name: 'Елена Маринова', phone: '+359 88 765 4321' });
    const key = randomUUID();
    const read = staffSubmissions.read(body);
    if (!read.ok) throw new Error('bad test body');
    const idempotency = intake.app.get(IdempotencyStore);
    const fresh: RegistrationIds = {
      caseId: randomUUID(),
      dataSubjectId: randomUUID(),
      correlationId: randomUUID(),
      firstAttemptAt: intake.clock.now().toISOString(),
    };
    const reservation = await idempotency.reserve({
      tenant: 'peshtera',
      // As intake keeps a registrar's key: theirs alone, on this operation.
      key: scopedKey(staffSubmissions.operation, 'peshtera:registrar', key),
      fingerprint: requestFingerprint(staffSubmissions.operation, read.submission),
      fresh,
      now: new Date(intake.clock.now().getTime() - 60 * 60_000),
    });
    if (reservation.status !== 'claimed') throw new Error(`not claimed: ${reservation.status}`);
    const number = await nextRegistryNumber(stored, { tenant: 'peshtera', year: 2026, prefix: 'PSH', metadata: { caseId: fresh.caseId } });
    await idempotency.saveRegistryNumber(reservation.record._id, number.formatted);
    const code = newTrackingCode();
    const { channel, kind, category, submitter, text, attachments, healthSafetyThreat, language } = read.submission;
    const command = caseCommand(
      {
        type: 'RegisterCase',
        data: {
          kind,
          channel,
          receivedAt: '2026-03-02T09:00:00.000Z',
          registryNumber: number.formatted,
          category,
          submitter: submitter && { ...submitter, trackingCode: code },
          text,
          attachments,
          healthSafetyThreat,
          language,
        },
      },
      {
        tenant: 'peshtera',
        caseId: fresh.caseId,
        actor: { id: 'peshtera:registrar', role: 'registrar' },
        correlationId: fresh.correlationId,
        now: intake.clock.now().toISOString(),
      },
    );
    expect(
      (
        await intake.app
          .get<CaseCommands>(CASE_COMMANDS)
          .handle({ ...command, metadata: { ...command.metadata, dataSubjectId: fresh.dataSubjectId } })
      ).ok,
    ).toBe(true);

    const retry = await registerLetter(body, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ caseId: fresh.caseId, registryNumber: number.formatted, trackingCode: code });
    expect((await get(`/public/peshtera/cases/${code}`)).status).toBe(200);
    expect((await registerLetter(body, key)).body.trackingCode).toBe(code);
  });
});
