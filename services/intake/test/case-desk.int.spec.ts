import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@civic/auth';
import { caseCommand } from '@civic/platform';
import { requestFingerprint } from '../src/idempotency/fingerprint';
import { IdempotencyStore, scopedKey } from '../src/idempotency/idempotency-store';
import { DeskHarness } from './desk-harness';

type Body = Record<string, unknown>;
interface Problem {
  field: string;
  reason: string;
}

/** A body each action takes, for the tests that are about something else (tenants, roles). */
const VALID: Record<string, Body> = {
  'information-requests': { missing: 'Точният адрес на контейнерите.' },
  information: { text: 'Контейнерите са на ул. „Дунав“ 12.' },
  extensions: { reason: 'Нужна е проверка на място.', newFinalDate: '2027-01-15' },
  answer: { text: 'Контейнерите са извозени на 10 ноември.', channel: 'email' },
  close: {},
  reopen: { reason: 'Подателят съобщи, че боклукът отново не е извозен.' },
  withdrawal: {},
  'duplicate-of': { originalCaseId: randomUUID() },
};
const ACTIONS = Object.keys(VALID);

/**
 * A role the decider lets do each action, who also works the case: the officer it is assigned to, or whoever
 * works every case of the office (registrar, secretary, mayor).
 */
const ACTOR: Record<string, StaffRole> = {
  'information-requests': 'officer',
  information: 'registrar',
  extensions: 'secretary',
  answer: 'officer',
  close: 'officer',
  reopen: 'secretary',
  withdrawal: 'registrar',
  'duplicate-of': 'registrar',
};

const fieldsOf = (body: Body) => ((body.errors as Problem[]) ?? []).map((problem) => problem.field).sort();

// The case desk on the real servers (PostgreSQL as the event store, FerretDB, Kafka), intake in this process.
describe('the case desk', () => {
  let desk: DeskHarness;

  beforeAll(async () => {
    desk = await DeskHarness.start();
  });

  afterAll(async () => {
    await desk?.close();
  });

  describe('GET a case', () => {
    it('shows the folded state, the due date with its explanation, and the revision, also as the ETag', async () => {
      const caseId = await desk.registered('complaint');
      const answer = await desk.view(caseId, 'officer');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).toBe('"1"');
      expect(answer.body).toMatchObject({
        caseId,
        registryNumber: expect.stringMatching(/^PSH-2026-\d{6}$/),
        status: 'Accepted',
        revision: 1,
        state: { status: 'Accepted', facts: { kind: 'complaint', category: 'waste-cleanliness', receivedAt: '2026-11-02T09:00:00.000Z' } },
        deadline: {
          // Peshtera's charter: a written answer within one month of receipt.
          policy: { kind: 'complaint', term: { unit: 'months', amount: 1 }, source: expect.stringContaining('Peshtera') },
          due: '2026-12-02',
          paused: false,
          // The charter's notice of reasons and a final date, capped at two months from receipt (the tenant's data).
          maxFinalDate: '2027-01-04',
          steps: expect.arrayContaining([
            expect.objectContaining({
              rule: 'term',
              detail: expect.objectContaining({ en: expect.stringContaining('1 month from receipt (2026-11-02)') }),
            }),
          ]),
        },
      });
      // The folded state holds no personal field: no name, no contact, no text.
      expect(JSON.stringify(answer.body)).not.toMatch(/Иван|ivan\.petrov|Контейнерите/);
    });

    it("shows the registrar a flagged case's flags with their reasons and sources, beside the text", async () => {
      const registration = await desk.call<{ caseId: string; status: string }>('POST', '/tenants/peshtera/cases', {
        token: await desk.token('registrar'),
        headers: { 'idempotency-key': randomUUID() },
        body: {
          channel: 'post',
          receivedAt: '2026-11-02T09:00:00Z',
          kind: 'signal',
          category: 'waste-cleanliness',
          anonymous: true,
          text: `Край реката има незаконно сметище (${randomUUID()}).`,
        },
      });
      expect(registration.body.status).toBe('Flagged');
      const answer = await desk.view(registration.body.caseId, 'registrar');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: 'Flagged', state: { flagCodes: ['anonymous'] } });
      const content = answer.body.content as { submission: { text: string }; flags: Record<string, unknown>[] };
      expect(content.submission.text).toContain('незаконно сметище');
      expect(content.flags).toEqual([
        {
          at: expect.any(String),
          code: 'anonymous',
          reason: { bg: expect.any(String), en: expect.any(String) },
          source: expect.any(String),
          matched: [],
        },
      ]);
      // An accepted case has none.
      expect(((await desk.view(await desk.registered(), 'registrar')).body.content as { flags: unknown[] }).flags).toEqual([]);
    });

    it('lets auditors read, and refuses roles that never handle cases', async () => {
      const caseId = await desk.registered();
      expect((await desk.view(caseId, 'auditor')).status).toBe(200);
      expect((await desk.view(caseId, 'ops')).status).toBe(403);
      expect((await desk.view(caseId, 'tenant-admin')).status).toBe(403);
    });

    it('answers 404 for an id that is no case of this tenant', async () => {
      expect((await desk.view(randomUUID())).status).toBe(404);
      expect((await desk.view('not-a-uuid')).status).toBe(404);
    });
  });

  describe('each action', () => {
    it("asks the submitter for information: the clock stands still as the tenant's policy for the kind says", async () => {
      const complaint = await desk.assigned('complaint');
      const asked = await desk.act(complaint, 'information-requests', { missing: 'Точният адрес.' }, 'officer');
      expect(asked.status).toBe(200);
      expect(asked.headers.get('etag')).toBe(`"${asked.body.revision}"`);
      expect(asked.body).toMatchObject({
        status: 'AwaitingSubmitter',
        state: { request: { missing: 'Точният адрес.', pausesClock: true } },
        deadline: { due: null, paused: true },
      });
      expect((await desk.types(complaint)).at(-1)).toBe('InformationRequested');

      // Opinions have no term, and their policy does not stop a clock.
      const opinion = await desk.registered('opinion', { category: 'administrative-service' });
      const noPause = await desk.act(opinion, 'information-requests', { missing: 'Кой обект имате предвид?' }, 'registrar');
      expect(noPause.status).toBe(200);
      expect(noPause.body).toMatchObject({ state: { request: { pausesClock: false } } });
    });

    it("enters the submitter's reply received on paper: the case resumes, the pause is closed, the text kept encrypted", async () => {
      const caseId = await desk.assigned('complaint');
      await desk.act(caseId, 'information-requests', { missing: 'Точният адрес.' }, 'officer');
      const reply = await desk.act(
        caseId,
        'information',
        { text: 'Ул. „Дунав“ 12.', attachments: [{ name: 'pismo.pdf', mediaType: 'application/pdf', size: 52_000 }] },
        'registrar',
      );
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        status: 'Assigned',
        state: { facts: { pauses: [expect.any(Object)] } },
        deadline: { paused: false },
      });
      const provided = (await desk.stream(caseId)).at(-1);
      expect(provided?.type).toBe('InformationProvided');
      // The submitter's words are theirs: the event store holds them encrypted with their key.
      expect(JSON.stringify(provided?.data)).not.toContain('Дунав');
    });

    it('extends a proposal up to the legal maximum, and refuses a later date naming newFinalDate and the maximum', async () => {
      const first = await desk.registered('proposal');
      const { body: before } = await desk.view(first);
      const deadline = before.deadline as { due: string; maxFinalDate: string };
      expect(deadline.maxFinalDate).toMatch(/^2027-05-\d{2}$/);

      const beyond = await desk.act(first, 'extensions', { reason: 'Нужна е експертиза.', newFinalDate: '2027-12-31' }, 'secretary');
      expect(beyond.status).toBe(422);
      expect(beyond.body.errors).toEqual([{ field: 'newFinalDate', reason: expect.stringContaining(deadline.maxFinalDate) }]);
      expect(beyond.body.rejection).toMatchObject({
        type: 'ExtensionBeyondLegalMaximum',
        newFinalDate: '2027-12-31',
        maxFinalDate: deadline.maxFinalDate,
      });

      const extended = await desk.act(
        first,
        'extensions',
        { reason: 'Нужна е експертиза.', newFinalDate: deadline.maxFinalDate },
        'secretary',
      );
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({
        deadline: { due: deadline.maxFinalDate, steps: expect.arrayContaining([expect.objectContaining({ rule: 'extension' })]) },
        state: {
          facts: { extensions: [expect.objectContaining({ newFinalDate: deadline.maxFinalDate, maxFinalDate: deadline.maxFinalDate })] },
        },
      });
      expect((await desk.types(first)).at(-1)).toBe('DeadlineExtended');

      const earlier = await desk.act(
        await desk.registered('proposal'),
        'extensions',
        { reason: 'Проверка.', newFinalDate: '2026-12-01' },
        'mayor',
      );
      expect(earlier.status).toBe(422);
      expect(earlier.body.errors).toEqual([{ field: 'newFinalDate', reason: `must be after the current due date ${deadline.due}` }]);
    });

    it('refuses to extend a kind whose policy allows no extension (409): a complaint in Sopot', async () => {
      const complaint = await desk.registered('complaint', { tenant: 'sopot' });
      const answer = await desk.act(complaint, 'extensions', VALID.extensions, 'secretary', { tenant: 'sopot' });
      expect(answer.status).toBe(409);
      expect(answer.body.rejection).toMatchObject({ type: 'ExtensionNotAllowed' });
    });

    it("extends a Peshtera complaint with its reasons, as Peshtera's charter promises, up to two months from receipt", async () => {
      const complaint = await desk.registered('complaint');
      const { body: before } = await desk.view(complaint, 'secretary');
      // Received on 2 November 2026: a month's term to 2 December, two months at most to 4 January (2 January is a Saturday).
      expect(before.deadline).toMatchObject({ due: '2026-12-02', maxFinalDate: '2027-01-04' });
      const reason = 'Нужна е проверка на място с фирмата по чистотата.';
      const extended = await desk.act(complaint, 'extensions', { reason, newFinalDate: '2026-12-18' }, 'secretary');
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({
        deadline: { due: '2026-12-18' },
        state: { facts: { extensions: [{ reason, newFinalDate: '2026-12-18', maxFinalDate: '2027-01-04' }] } },
      });
      expect((await desk.types(complaint)).at(-1)).toBe('DeadlineExtended');
    });

    it('answers an assigned case with the text, the attachments described and the channel; then closes and reopens it', async () => {
      const caseId = await desk.assigned('complaint');
      const answered = await desk.act(
        caseId,
        'answer',
        {
          text: 'Контейнерите са извозени.',
          attachments: [{ name: 'otgovor.pdf', mediaType: 'application/pdf', size: 80_000 }],
          channel: 'email',
        },
        'officer',
      );
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ status: 'Answered', deadline: null });
      const event = (await desk.stream(caseId)).at(-1);
      expect(event).toMatchObject({
        type: 'CaseAnswered',
        data: { channel: 'email', attachments: [expect.objectContaining({ mediaType: 'application/pdf', size: 80_000 })] },
      });
      expect(JSON.stringify(event?.data)).not.toContain('извозени');

      const closed = await desk.act(caseId, 'close', undefined, 'officer');
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'Closed', state: { outcome: 'answered' } });

      const reopened = await desk.act(caseId, 'reopen', { reason: 'Подателят съобщи за нов проблем.' }, 'secretary');
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'Assigned', state: { officerId: 'peshtera:officer', facts: { reopenings: 1 } } });
      expect((await desk.types(caseId)).slice(-3)).toEqual(['CaseAnswered', 'CaseClosed', 'CaseReopened']);
    });

    it('refuses to answer a case nobody is assigned to (409)', async () => {
      const answer = await desk.act(await desk.registered(), 'answer', VALID.answer, 'secretary');
      expect(answer.status).toBe(409);
      expect(answer.body.rejection).toMatchObject({ type: 'IllegalTransition' });
    });

    it("withdraws a case on the submitter's behalf, with or without their reason", async () => {
      const withReason = await desk.act(await desk.registered(), 'withdrawal', { reason: 'Проблемът е решен.' }, 'registrar');
      expect(withReason.status).toBe(200);
      expect(withReason.body).toMatchObject({ status: 'Withdrawn', deadline: null });
      const without = await desk.act(await desk.registered(), 'withdrawal', undefined, 'registrar');
      expect(without.status).toBe(200);
      expect(without.body.status).toBe('Withdrawn');
    });

    it('links a case as a duplicate of another case of the tenant, and only of one', async () => {
      const original = await desk.registered();
      const repeat = await desk.registered();
      const linked = await desk.act(repeat, 'duplicate-of', { originalCaseId: original }, 'registrar');
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ status: 'Duplicate', state: { originalCaseId: original } });

      const other = await desk.registered();
      const unknown = await desk.act(other, 'duplicate-of', { originalCaseId: randomUUID() }, 'registrar');
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([{ field: 'originalCaseId', reason: 'no such case in this municipality' }]);
      const elsewhere = await desk.act(
        other,
        'duplicate-of',
        { originalCaseId: await desk.registered('complaint', { tenant: 'sopot' }) },
        'registrar',
      );
      expect(elsewhere.status).toBe(422);
      const itself = await desk.act(other, 'duplicate-of', { originalCaseId: other }, 'registrar');
      expect(itself.status).toBe(422);
      expect(itself.body.rejection).toMatchObject({ type: 'CannotBeDuplicateOfItself' });
      expect((await desk.view(other)).body.status).toBe('Accepted');
    });
  });

  describe('roles: the decider decides who may do what', () => {
    const REFUSED: [string, StaffRole][] = [
      ['information-requests', 'auditor'],
      ['information', 'head-of-unit'],
      ['extensions', 'officer'],
      ['answer', 'registrar'],
      ['close', 'mayor'],
      ['reopen', 'officer'],
      ['withdrawal', 'officer'],
      ['duplicate-of', 'mayor'],
    ];

    it.each(REFUSED)('POST %s as %s: 403, and nothing is written', async (action, role) => {
      const caseId = await desk.assigned();
      const before = await desk.types(caseId);
      const answer = await desk.act(caseId, action, VALID[action], role);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ rejection: { type: 'role-not-allowed' }, errors: [{ field: 'Authorization' }] });
      expect(await desk.types(caseId)).toEqual(before);
    });
  });

  describe("tenants: a token of one tenant never reads or writes another tenant's case", () => {
    it("GET: another tenant's token is refused on this tenant's route (403), and this tenant's case is no case on the other's (404)", async () => {
      const caseId = await desk.registered();
      expect((await desk.call('GET', `/tenants/peshtera/cases/${caseId}`, { token: await desk.token('officer', 'sopot') })).status).toBe(
        403,
      );
      expect((await desk.view(caseId, 'officer', 'sopot')).status).toBe(404);
    });

    it.each(ACTIONS)("POST %s: 403 with the other tenant's token on this route, 404 on its own route; nothing written", async (action) => {
      const caseId = await desk.assigned();
      const before = await desk.types(caseId);
      const role = ACTOR[action];
      const foreignToken = await desk.token(role, 'sopot');
      const onThisRoute = await desk.call('POST', `/tenants/peshtera/cases/${caseId}/${action}`, {
        token: foreignToken,
        body: VALID[action],
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(onThisRoute.status).toBe(403);
      expect(onThisRoute.body).toMatchObject({ rejection: { type: 'other-tenant' } });
      const onItsRoute = await desk.act(caseId, action, VALID[action], role, { tenant: 'sopot' });
      expect(onItsRoute.status).toBe(404);
      expect(onItsRoute.body.errors).toEqual([{ field: 'caseId', reason: expect.any(String) }]);
      expect(await desk.types(caseId)).toEqual(before);
    });
  });

  describe('bad input: 400 naming every bad field', () => {
    const BAD: [string, unknown, string[]][] = [
      ['information-requests', { missing: ' ', note: 'x' }, ['missing', 'note']],
      [
        'information',
        { text: 5, attachments: [{ name: '', mediaType: 'pdf', size: -1 }] },
        ['attachments.0.mediaType', 'attachments.0.name', 'attachments.0.size', 'text'],
      ],
      ['extensions', { reason: '', newFinalDate: '2027-02-30' }, ['newFinalDate', 'reason']],
      ['answer', { text: '', channel: 'pigeon', attachments: 'none' }, ['attachments', 'channel', 'text']],
      ['close', { note: 'готово' }, ['note']],
      ['reopen', {}, ['reason']],
      ['withdrawal', { reason: 5 }, ['reason']],
      ['duplicate-of', { originalCaseId: 'ПЩ-12' }, ['originalCaseId']],
    ];

    it.each(BAD)('POST %s', async (action, body, fields) => {
      const caseId = await desk.assigned();
      const answer = await desk.act(caseId, action, body, ACTOR[action]);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(fields);
    });

    it("names a missing Idempotency-Key and a malformed If-Match together with the body's fields", async () => {
      const caseId = await desk.assigned();
      const answer = await desk.act(caseId, 'extensions', { reason: '' }, 'head-of-unit', { key: null, ifMatch: 'seven' });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['Idempotency-Key', 'If-Match', 'newFinalDate', 'reason']);
    });
  });

  describe('the expected revision, end to end', () => {
    it('If-Match of an older revision: 412 with the current revision, and nothing is written', async () => {
      const caseId = await desk.assigned();
      const { headers } = await desk.view(caseId);
      const current = Number(JSON.parse(headers.get('etag') ?? '""'));
      const stale = await desk.act(caseId, 'information-requests', VALID['information-requests'], 'officer', {
        ifMatch: `"${current - 1}"`,
      });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe(`"${current}"`);
      expect(stale.body).toMatchObject({
        currentRevision: current,
        errors: [{ field: 'If-Match', reason: expect.stringContaining(`revision ${current}`) }],
      });
      expect(await desk.types(caseId)).toHaveLength(current + 1);

      const weak = await desk.act(caseId, 'information-requests', VALID['information-requests'], 'officer', { ifMatch: `W/"${current}"` });
      expect(weak.status).toBe(412);

      const fresh = await desk.act(caseId, 'information-requests', VALID['information-requests'], 'officer', { ifMatch: `"${current}"` });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('etag')).toBe(`"${current + 1}"`);
    });

    it('two actions decided on the same revision: one is done, the other gets 412', async () => {
      const caseId = await desk.assigned();
      const { body } = await desk.view(caseId);
      const ifMatch = `"${body.revision as number}"`;
      const answers = await Promise.all([
        desk.act(caseId, 'information-requests', VALID['information-requests'], 'officer', { ifMatch }),
        desk.act(caseId, 'answer', VALID.answer, 'officer', { ifMatch }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
      expect(await desk.types(caseId)).toHaveLength((body.revision as number) + 2);
    });

    it('without If-Match the latest revision is decided on', async () => {
      const caseId = await desk.assigned();
      expect((await desk.act(caseId, 'information-requests', VALID['information-requests'], 'officer')).status).toBe(200);
      expect((await desk.act(caseId, 'information', VALID.information, 'registrar', { ifMatch: '*' })).status).toBe(200);
    });
  });

  describe('idempotency', () => {
    it('a retry with the same Idempotency-Key changes nothing and gets the same answer, whatever If-Match says by then', async () => {
      const caseId = await desk.assigned();
      const key = randomUUID();
      const { body } = await desk.view(caseId);
      const ifMatch = `"${body.revision as number}"`;
      const first = await desk.act(caseId, 'answer', VALID.answer, 'officer', { key, ifMatch });
      const retry = await desk.act(caseId, 'answer', VALID.answer, 'officer', { key, ifMatch });
      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect((await desk.types(caseId)).filter((type) => type === 'CaseAnswered')).toHaveLength(1);

      const reused = await desk.act(caseId, 'answer', { ...VALID.answer, text: 'Друг отговор.' }, 'officer', { key });
      expect(reused.status).toBe(422);
      expect(reused.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.any(String) }]);
    });

    it('a retry after an attempt that wrote its event but never answered finishes it without writing again', async () => {
      const caseId = await desk.assigned();
      const key = randomUUID();
      const idempotency = desk.intake.app.get(IdempotencyStore);
      const body = { text: 'Отговор.', attachments: [], channel: 'post' as const };
      const longAgo = new Date(desk.intake.clock.now().getTime() - 60 * 60_000);
      const subject = (await desk.stream(caseId))[0].metadata.dataSubjectId as string;
      const reservation = await idempotency.reserve({
        tenant: 'peshtera',
        // As intake keeps the officer's key: theirs alone, on this action.
        key: scopedKey('desk-answer', 'peshtera:officer', key),
        fingerprint: requestFingerprint('desk-answer', { caseId, body }),
        fresh: { caseId, dataSubjectId: subject, correlationId: randomUUID(), firstAttemptAt: longAgo.toISOString() },
        now: longAgo,
      });
      if (reservation.status !== 'claimed') throw new Error(reservation.status);
      // What the crashed attempt did: the command, with the key's record id as its command id.
      const command = caseCommand(
        { type: 'AnswerCase', data: body },
        {
          tenant: 'peshtera',
          caseId,
          actor: { id: 'peshtera:officer', role: 'officer' },
          correlationId: reservation.record.correlationId,
          now: longAgo.toISOString(),
        },
      );
      const done = await desk.commands.handle({
        ...command,
        metadata: { ...command.metadata, commandId: reservation.record._id, dataSubjectId: subject },
      });
      expect(done.ok).toBe(true);

      const retry = await desk.act(caseId, 'answer', body, 'officer', { key });
      expect(retry.status).toBe(200);
      expect(retry.body.status).toBe('Answered');
      expect((await desk.types(caseId)).filter((type) => type === 'CaseAnswered')).toHaveLength(1);
    });
  });
});
