import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@civic/auth';
import { nextRegistryNumber, type EventStore } from '@civic/event-store';
import { CASE_COMMANDS, caseCommand, caseStreamName, EVENT_STORE, type CaseCommands } from '@civic/platform';
import { staffSubmissions } from '../src/cases/submission';
import { requestFingerprint } from '../src/idempotency/fingerprint';
import { IdempotencyStore, scopedKey, type RegistrationIds } from '../src/idempotency/idempotency-store';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

// intake in this process on the real servers: what needs its insides (a crash half-way, the OpenAPI set-up).
describe('intake in process', () => {
  let intake: IntakeInProcess;
  let token: string;
  let events: EventStore;
  let idempotency: IdempotencyStore;

  beforeAll(async () => {
    intake = await startIntakeInProcess();
    token = await intake.issuer.sign({ sub: 'peshtera:registrar', tenant: 'peshtera', roles: ['registrar'] });
    events = intake.app.get<EventStore>(EVENT_STORE);
    idempotency = intake.app.get(IdempotencyStore);
  });

  afterAll(async () => {
    await intake?.close();
  });

  const letter = () => ({
    channel: 'post',
    receivedAt: '2026-03-02T09:00:00Z',
    kind: 'complaint',
    category: 'waste-cleanliness',
    // A submitter of their own per letter: the same person's similar open case would be flagged as a probable duplicate.
    submitter: { name: 'Иван Петров', email: `ivan.${randomUUID().slice(0, 8)}@example.bg` },
    text: `Боклукът не е събиран от две седмици (${randomUUID()}).`,
  });

  const register = (body: unknown, key: string) =>
    fetch(`${intake.url}/tenants/peshtera/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify(body),
    });

  /** What a request that crashed after reserving its key left behind: the key, its lease already run out. */
  async function crashedAttempt(body: unknown, key: string) {
    const read = staffSubmissions.read(body);
    if (!read.ok) throw new Error('bad test body');
    const fresh: RegistrationIds = {
      caseId: randomUUID(),
      dataSubjectId: randomUUID(),
      correlationId: randomUUID(),
      firstAttemptAt: intake.clock.now().toISOString(),
    };
    const longAgo = new Date(intake.clock.now().getTime() - 60 * 60_000);
    const reservation = await idempotency.reserve({
      tenant: 'peshtera',
      // As intake keeps the registrar's key: theirs alone, on this operation.
      key: scopedKey(staffSubmissions.operation, 'peshtera:registrar', key),
      fingerprint: requestFingerprint(staffSubmissions.operation, read.submission),
      fresh,
      now: longAgo,
    });
    if (reservation.status !== 'claimed') throw new Error(`not claimed: ${reservation.status}`);
    return { record: reservation.record, fresh, longAgo };
  }

  const streamOf = async (caseId: string) => (await events.readStream(caseStreamName(caseId))).map((e) => e.type);

  it('a registration is registered and screened in one append: both events in one transaction, chained, no half-done case', async () => {
    const answer = (await (await register(letter(), randomUUID())).json()) as { caseId: string; status: string };
    expect(answer.status).toBe('Accepted');
    const stream = await events.readStream(caseStreamName(answer.caseId));
    expect(stream.map((e) => e.type)).toEqual(['CaseRegistered', 'CaseAccepted']);
    const transactionOf = (position: string) => position.split(':')[0];
    expect(transactionOf(stream[1].position)).toBe(transactionOf(stream[0].position));
    expect(stream[1].metadata.previousHash).toBe(stream[0].metadata.hash);
  });

  it('a retry finds the registry number a crashed attempt drew, and uses it: no gap, no second number', async () => {
    const body = letter();
    const key = randomUUID();
    const { record, fresh, longAgo } = await crashedAttempt(body, key);
    await idempotency.markDrawing(record._id, longAgo);
    const drawn = await nextRegistryNumber(events, { tenant: 'peshtera', year: 2026, prefix: 'PSH', metadata: { caseId: fresh.caseId } });

    const retry = await register(body, key);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toMatchObject({ caseId: fresh.caseId, registryNumber: drawn.formatted, status: 'Accepted' });

    const next = await register(letter(), randomUUID());
    expect(((await next.json()) as { registryNumber: string }).registryNumber).toBe(
      `PSH-2026-${String(drawn.number + 1).padStart(6, '0')}`,
    );
  });

  it('a retry finishes a registration that crashed before screening, registering nothing twice', async () => {
    const body = letter();
    const key = randomUUID();
    const { record, fresh } = await crashedAttempt(body, key);
    const number = await nextRegistryNumber(events, { tenant: 'peshtera', year: 2026, prefix: 'PSH', metadata: { caseId: fresh.caseId } });
    await idempotency.saveRegistryNumber(record._id, number.formatted);
    const read = staffSubmissions.read(body);
    if (!read.ok) throw new Error('bad test body');
    const { channel, kind, category, submitter, text, attachments, healthSafetyThreat, language } = read.submission;
    const commands = intake.app.get<CaseCommands>(CASE_COMMANDS);
    const command = caseCommand(
      {
        type: 'RegisterCase',
        data: {
          kind,
          channel,
          receivedAt: '2026-03-02T09:00:00.000Z',
          registryNumber: number.formatted,
          category,
          submitter,
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
    const registered = await commands.handle({ ...command, metadata: { ...command.metadata, dataSubjectId: fresh.dataSubjectId } });
    expect(registered.ok).toBe(true);

    const retry = await register(body, key);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toMatchObject({ caseId: fresh.caseId, registryNumber: number.formatted, status: 'Accepted' });
    expect(await streamOf(fresh.caseId)).toEqual(['CaseRegistered', 'CaseAccepted']);
  });

  it('concurrent retries with one key create one case: the others get it too, or are told to retry', async () => {
    const body = letter();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => register(body, key)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = await Promise.all(answers.filter((a) => a.status === 201).map((a) => a.json() as Promise<{ caseId: string }>));
    expect(new Set(created.map((c) => c.caseId)).size).toBe(1);
    const retried = (await (await register(body, key)).json()) as { caseId: string };
    expect(retried.caseId).toBe(created[0].caseId);
    expect(await streamOf(retried.caseId)).toEqual(['CaseRegistered', 'CaseAccepted']);
  });

  it('a number drawn by an attempt that never finished and was never retried is in the register, explained; numbers with a case are not', async () => {
    const { fresh } = await crashedAttempt(letter(), randomUUID());
    const drawn = await nextRegistryNumber(events, {
      tenant: 'peshtera',
      year: 2026,
      prefix: 'PSH',
      metadata: { caseId: fresh.caseId, correlationId: fresh.correlationId, actor: { id: 'peshtera:registrar', role: 'registrar' } },
    });
    const registered = (await (await register(letter(), randomUUID())).json()) as { registryNumber: string };
    const read = async (role: StaffRole, year = '2026') =>
      fetch(`${intake.url}/tenants/peshtera/registry/${year}/unregistered`, {
        headers: { authorization: `Bearer ${await intake.issuer.sign({ sub: `peshtera:${role}`, tenant: 'peshtera', roles: [role] })}` },
      });

    const answer = await read('registrar');
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { issued: number; unregistered: { registryNumber: string }[] };
    expect(body.issued).toBeGreaterThanOrEqual(drawn.number + 1);
    expect(body.unregistered).toContainEqual({
      registryNumber: drawn.formatted,
      issuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      intendedCaseId: fresh.caseId,
      actor: { id: 'peshtera:registrar', role: 'registrar' },
      correlationId: fresh.correlationId,
      explanation: {
        bg: expect.stringContaining('Няма преписка с този номер'),
        en: expect.stringContaining('No case carries this number'),
      },
    });
    expect(body.unregistered.map((entry) => entry.registryNumber)).not.toContain(registered.registryNumber);

    expect((await read('secretary')).status).toBe(200);
    expect((await read('officer')).status).toBe(403);
    expect(await (await read('registrar', '26')).json()).toEqual({
      statusCode: 400,
      errors: [{ field: 'year', reason: 'must be a year from 2017 to 2100, e.g. 2026' }],
    });
    expect(await (await read('registrar', '2031')).json()).toEqual({ tenant: 'peshtera', year: 2031, issued: 0, unregistered: [] });
  });

  it('serves the OpenAPI document at /docs/openapi.json and its UI at /docs', async () => {
    const json = await fetch(`${intake.url}/docs/openapi.json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/tenants/{tenant}/cases', '/public/{tenant}/cases/{trackingCode}']),
    );
    const ui = await fetch(`${intake.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(/swagger-ui/i);
  });
});
