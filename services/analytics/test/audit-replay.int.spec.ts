import { Client } from 'pg';
import { pdfText } from '@civic/testing';
import type { HistoryEntry } from '../src/audit/history';
import { casePath, LIFE, liveCase, startAuditApp, type AuditApp, type TestCase } from './audit/audit-app';

/**
 * The auditor's replay on the real servers: a case's whole history from the event store, its
 * state at any moment, the difference between two, the hash chain's verdict and the dossier, also after
 * a row was tampered with in PostgreSQL and after the person's key was erased.
 */
describe('auditor replay', () => {
  let audit: AuditApp;
  let auditor: string;
  let sql: Client;

  beforeAll(async () => {
    audit = await startAuditApp();
    auditor = await audit.token('peshtera', 'auditor');
    sql = new Client({ connectionString: audit.database.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await audit?.close();
  });

  const read = (c: TestCase, endpoint: string) => audit.get(casePath(c, endpoint), auditor);
  /** A PDF reader breaks lines where the page did: compare text with every run of white space as one space. */
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  describe('a case from registration to the satisfaction rating', () => {
    let c: TestCase;

    beforeAll(async () => {
      c = await liveCase(audit, 'peshtera');
    });

    it('history shows every step with its time, actor, role, channel, correlation, causation and command', async () => {
      const { status, body } = await read(c, 'history');
      expect(status).toBe(200);
      expect(body).toMatchObject({ tenant: 'peshtera', caseId: c.caseId, registryNumber: c.registryNumber, channel: 'email' });
      expect(body.events.map((e: { type: string }) => e.type)).toEqual([
        'CaseRegistered',
        'CaseAccepted',
        'CaseRouted',
        'CaseAssigned',
        'CaseAnswered',
        'CaseClosed',
        'SatisfactionRecorded',
      ]);
      const times = Object.values(LIFE);
      const roles = ['registrar', 'system', 'system', 'system', 'officer', 'officer', 'citizen'];
      body.events.forEach((event: HistoryEntry, i: number) => {
        expect(event).toMatchObject({
          revision: i,
          occurredAt: times[i],
          actor: { role: roles[i] },
          channel: 'email',
          correlationId: c.correlationId,
          causationId: c.commands[i].id,
          command: { type: c.commands[i].type, id: c.commands[i].id },
          dataSubjectId: c.subjectId,
        });
        expect(typeof event.position).toBe('string');
        expect(Number.isNaN(Date.parse(event.recordedAt))).toBe(false);
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(event.erased).toBeUndefined();
      });
      expect(body.events[0].actor.id).toBe('peshtera:registrar');
      expect(body.events[4].actor.id).toBe('peshtera:officer');
      // Decrypted where the key exists; the submitter's tracking code withheld (a bearer secret).
      expect(body.events[0].data).toMatchObject({
        submitter: { name: c.submitter.name, email: c.submitter.email, trackingCode: '[tracking code withheld]' },
        text: c.submitter.text,
      });
      expect(JSON.stringify(body)).not.toContain(c.submitter.trackingCode);
      expect(body.events[6].data).toEqual({ rating: 4, comment: c.submitter.comment, recommendation: null });
      expect(body.head).toEqual({ revision: 6, eventId: body.events[6].eventId, hash: body.events[6].hash });
    });

    it('state at three chosen moments has the status the case had then', async () => {
      const at = async (instant: string) => (await read(c, `state?at=${instant}`)).body;
      expect(await at('2026-03-02T09:07:00Z')).toMatchObject({ status: 'Accepted', revision: 1 });
      expect(await at(encodeURIComponent('2026-03-05T12:00:00+02:00'))).toMatchObject({
        status: 'Assigned',
        revision: 3,
        state: { unit: 'public-works', officerId: 'peshtera:officer' },
      });
      const closed = await at('2026-03-11T00:00:00Z');
      expect(closed).toMatchObject({ status: 'Closed', revision: 5, state: { outcome: 'answered', closedAt: LIFE.closed } });
      expect(closed.state.facts.ratings).toEqual([]);
      // An unencoded `+` arrives as a space: read as the zone it was meant to be.
      expect(await at('2026-03-02T11:07:00+02:00')).toMatchObject({ status: 'Accepted', revision: 1 });
      // The very instant of an event includes it.
      expect(await at(LIFE.rated)).toMatchObject({ status: 'Closed', revision: 6, state: { facts: { ratings: [4] } } });
    });

    it('state at a revision folds exactly that far', async () => {
      expect((await read(c, 'state?revision=0')).body).toMatchObject({ status: 'Registered', revision: 0, asOf: { revision: 0 } });
      expect((await read(c, 'state?revision=4')).body).toMatchObject({ status: 'Answered', revision: 4 });
    });

    it('state by the time of recording: the store wrote it all during this test, whatever the business times say', async () => {
      // Times of recording are the event store's own clock, not this process's: take them from the history.
      const recorded = ((await read(c, 'history')).body.events as HistoryEntry[]).map((event) => Date.parse(event.recordedAt));
      const { body } = await read(c, `state?at=${new Date(Math.max(...recorded) + 60_000).toISOString()}&basis=recorded`);
      expect(body).toMatchObject({ status: 'Closed', revision: 6 });
      expect(Math.max(...recorded) - Math.min(...recorded)).toBeLessThan(3_600_000);
      const anHourBefore = new Date(Math.min(...recorded) - 3_600_000).toISOString();
      expect((await read(c, `state?at=${anHourBefore}&basis=recorded`)).status).toBe(404);
    });

    it('404 naming the parameter when the case had no events by then, or has no such revision', async () => {
      const early = await read(c, 'state?at=2026-03-01T00:00:00Z');
      expect(early.status).toBe(404);
      expect(early.body.errors).toEqual([{ field: 'at', reason: expect.stringContaining('no events') }]);
      const beyond = await read(c, 'state?revision=7');
      expect(beyond.status).toBe(404);
      expect(beyond.body.errors).toEqual([{ field: 'revision', reason: 'the case has revisions 0 to 6' }]);
    });

    it('400 naming the parameter when both, neither or a bad one is given', async () => {
      const both = await read(c, 'state?revision=1&at=2026-03-02T09:07:00Z');
      expect(both.status).toBe(400);
      expect(both.body.errors.map((e: { field: string }) => e.field)).toEqual(['revision', 'at']);
      expect((await read(c, 'state')).status).toBe(400);
      for (const [query, field] of [
        ['revision=-1', 'revision'],
        ['revision=1.5', 'revision'],
        ['revision=abc', 'revision'],
        ['at=yesterday', 'at'],
        ['at=2026-03-02', 'at'],
        ['at=2026-02-30T10:00:00Z', 'at'],
        ['at=2026-03-02T10:00:00Z&basis=wall', 'basis'],
        ['revision=2&basis=recorded', 'basis'],
      ]) {
        const { status, body } = await read(c, `state?${query}`);
        expect({ query, status, fields: body.errors.map((e: { field: string }) => e.field) }).toEqual({
          query,
          status: 400,
          fields: [field],
        });
      }
      const badId = await audit.get('/tenants/peshtera/audit/cases/not-a-uuid/history', auditor);
      expect(badId.status).toBe(400);
      expect(badId.body.errors).toEqual([{ field: 'caseId', reason: 'must be a case id (a UUID)' }]);
    });

    it('diff: both states, the changed fields and the events between', async () => {
      const { status, body } = await read(c, 'diff?from=2026-03-02T09:07:00Z&to=2026-03-11T00:00:00Z');
      expect(status).toBe(200);
      expect(body.from).toMatchObject({ status: 'Accepted', revision: 1 });
      expect(body.to).toMatchObject({ status: 'Closed', revision: 5 });
      expect(body.events.map((e: { type: string }) => e.type)).toEqual(['CaseRouted', 'CaseAssigned', 'CaseAnswered', 'CaseClosed']);
      const changes = Object.fromEntries(body.changes.map((change: { path: string }) => [change.path, change]));
      expect(changes.status).toEqual({ path: 'status', before: 'Accepted', after: 'Closed' });
      expect(changes.officerId).toEqual({ path: 'officerId', after: 'peshtera:officer' });
      expect(changes['facts.answeredAt[0]']).toEqual({ path: 'facts.answeredAt[0]', after: LIFE.answered });
      expect(changes['facts.registryNumber']).toBeUndefined();

      const fromBefore = await read(c, 'diff?from=2026-01-01T00:00:00Z&to=2026-03-02T09:00:00Z');
      expect(fromBefore.body.from).toMatchObject({ status: 'NotRegistered', revision: null });
      expect(fromBefore.body.events.map((e: { type: string }) => e.type)).toEqual(['CaseRegistered']);

      const backwards = await read(c, 'diff?from=2026-03-11T00:00:00Z&to=2026-03-02T09:07:00Z');
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors).toEqual([{ field: 'to', reason: 'must not be before from' }]);
      const missing = await read(c, 'diff?from=2026-03-11T00:00:00Z');
      expect(missing.body.errors).toEqual([{ field: 'to', reason: expect.stringContaining('required') }]);
      expect((await read(c, 'diff?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z')).status).toBe(404);
    });

    it('verification: the intact chain, and whether a kept head hash is still there', async () => {
      const { status, body } = await read(c, 'verification');
      expect(status).toBe(200);
      expect(body.chain).toMatchObject({ ok: true, count: 7, head: { revision: 6 } });
      const known = await read(c, `verification?knownHead=${body.chain.head.hash}`);
      expect(known.body.knownHead).toEqual({ hash: body.chain.head.hash, found: true, revision: 6, eventsSince: 0 });
      expect((await read(c, 'verification?knownHead=abc')).body.errors).toEqual([{ field: 'knownHead', reason: expect.any(String) }]);
    });

    it('dossier.json: history, final state, verification and the head hash', async () => {
      audit.setNow('2026-04-02T08:30:00.000Z');
      const { status, body } = await audit.get(casePath(c, 'dossier.json'), auditor, { 'x-correlation-id': 'dossier-check-1' });
      expect(status).toBe(200);
      expect(body).toMatchObject({
        tenant: 'peshtera',
        caseId: c.caseId,
        registryNumber: c.registryNumber,
        generatedAt: '2026-04-02T08:30:00.000Z',
        generatedFor: { auditorId: 'peshtera:auditor', correlationId: 'dossier-check-1' },
        verification: { ok: true, count: 7 },
        finalState: { status: 'Closed', revision: 6 },
      });
      expect(body.history).toHaveLength(7);
      expect(body.head).toEqual({ revision: 6, eventId: body.history[6].eventId, hash: body.history[6].hash });
      // The chain verified above covers the stored registration, code included; only this view withholds it.
      expect(body.history[0].data.submitter.trackingCode).toBe('[tracking code withheld]');
      expect(JSON.stringify(body)).not.toContain(c.submitter.trackingCode);
    });

    it('dossier.pdf: the same in Bulgarian and English', async () => {
      const { status, headers, bytes } = await read(c, 'dossier.pdf');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/pdf');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = flat(await pdfText(bytes));
      for (const expected of [
        'Досие на преписка / Case dossier',
        'История / History',
        'Верига от хешове / Hash chain',
        c.registryNumber,
        'SatisfactionRecorded',
        'RecordSatisfaction',
        'непокътната / intact',
        'Мария Тестова',
        c.submitter.email,
        '[tracking code withheld]',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain(c.submitter.trackingCode);
    });
  });

  describe('a tampered row', () => {
    it('UPDATE of an event in PostgreSQL: verification names the revision, event and both hashes', async () => {
      const c = await liveCase(audit, 'peshtera', 'answered');
      const before = (await read(c, 'dossier.json')).body;
      await sql.query(
        `update event_store.events set data = jsonb_set(data, '{unit}', '"mayor-office"') where stream_name = $1 and stream_revision = 2`,
        [`case-${c.caseId}`],
      );
      const { status, body } = await read(c, 'verification');
      expect(status).toBe(200);
      expect(body.chain).toMatchObject({
        ok: false,
        reason: 'hash-mismatch',
        brokenAt: { revision: 2, eventId: before.history[2].eventId },
        expected: before.history[2].hash,
        found: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(body.chain.found).not.toBe(body.chain.expected);
      // The history shows what is stored now; the dossier carries the verdict with it.
      expect((await read(c, 'history')).body.events[2].data.unit).toBe('mayor-office');
      expect((await read(c, 'dossier.json')).body.verification).toMatchObject({ ok: false, brokenAt: { revision: 2 } });
      expect(flat(await pdfText((await read(c, 'dossier.pdf')).bytes))).toContain('ПРЕКЪСНАТА / BROKEN');
    });

    it('the newest events deleted: the shorter chain verifies, but the kept head hash is gone', async () => {
      const c = await liveCase(audit, 'peshtera');
      const head = (await read(c, 'dossier.json')).body.head;
      await sql.query(`delete from event_store.events where stream_name = $1 and stream_revision >= 5`, [`case-${c.caseId}`]);
      const { body } = await read(c, `verification?knownHead=${head.hash}`);
      expect(body.chain).toMatchObject({ ok: true, count: 5 });
      expect(body.knownHead).toMatchObject({ hash: head.hash, found: false });
    });

    it('altered ciphertext: history still answers and names the fields that no longer decrypt', async () => {
      const c = await liveCase(audit, 'peshtera', 'accepted');
      await sql.query(
        `update event_store.events set data = jsonb_set(data, '{text,ct}', '"AAAA"') where stream_name = $1 and stream_revision = 0`,
        [`case-${c.caseId}`],
      );
      const { status, body } = await read(c, 'history');
      expect(status).toBe(200);
      expect(body.events[0]).toMatchObject({ unreadable: expect.arrayContaining(['text']), data: { text: null } });
      expect(body.events[1].unreadable).toBeUndefined();
      expect((await read(c, 'verification')).body.chain).toMatchObject({ ok: false, reason: 'hash-mismatch', brokenAt: { revision: 0 } });
    });
  });

  describe('an erased person', () => {
    it('history, dossier.json and dossier.pdf show their data as erased and keep no trace of it', async () => {
      const c = await liveCase(audit, 'peshtera');
      const traces = [
        c.submitter.name,
        c.submitter.email,
        c.submitter.text,
        c.submitter.answer,
        c.submitter.comment,
        c.submitter.trackingCode,
      ];
      expect(JSON.stringify((await read(c, 'history')).body)).toContain(c.submitter.email);

      await audit.subjectKeys.erase(c.subjectId);

      const history = (await read(c, 'history')).body;
      const [registered, , , , answered, , rated] = history.events;
      expect(registered).toMatchObject({ erased: ['submitter', 'text'], data: { submitter: null, text: null, submitterGiven: true } });
      expect(answered).toMatchObject({ erased: ['text'], data: { text: null } });
      expect(rated).toMatchObject({ erased: ['comment'], data: { rating: 4, comment: null } });
      expect(history.events.filter((e: { erased?: string[] }) => e.erased).length).toBe(3);

      const dossier = (await read(c, 'dossier.json')).body;
      expect(dossier.history[0].erased).toEqual(['submitter', 'text']);
      // The chain covers the ciphertext: erasing the key leaves it verifiable, and the fold unchanged.
      expect(dossier.verification).toMatchObject({ ok: true, count: 7 });
      expect(dossier.finalState).toMatchObject({ status: 'Closed', revision: 6 });

      const pdf = flat(await pdfText((await read(c, 'dossier.pdf')).bytes));
      expect(pdf).toContain('Заличени лични данни / Erased personal data: submitter, text');
      for (const answer of [JSON.stringify(history), JSON.stringify(dossier), pdf]) {
        for (const trace of traces) expect(answer).not.toContain(trace);
        expect(answer).not.toContain('Тестова');
      }
    });
  });
});
