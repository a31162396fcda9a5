import { randomUUID } from 'node:crypto';
import { DevIssuer, SEEDED_USERS } from '@civic/auth';
import { caseEventPrivacy, PostgresEventStore, PostgresSubjectKeys, withPersonalData, type EventStore } from '@civic/event-store';
import { subjectKeyWrapping } from '@civic/platform';
import { createTestDatabase, issuerEnvironment, startService, TEST_NOW, type ServiceProcess, type TestDatabase } from '@civic/testing';

interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

interface Registration {
  caseId: string;
  registryNumber: string;
  trackingCode?: string;
  status: string;
  screening: { outcome: string; action: string; flags: { code: string }[] };
  dueDate?: string;
}

interface ErrorBody {
  statusCode: number;
  errors: { field: string; reason: string }[];
  rejection?: { type: string; message: { bg: string; en: string } };
}

const SUBMITS_PER_MINUTE = 8;
const CODE_SHAPE = /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/;

// intake as a process on the real servers, with a development token issuer: the staff and citizen APIs end to end.
describe('intake: the staff and citizen APIs', () => {
  let database: TestDatabase;
  let issuer: DevIssuer;
  let intake: ServiceProcess;
  let store: PostgresEventStore;
  let keys: PostgresSubjectKeys;
  /** The same store as the services read it: personal data decrypted with the shared subject keys. */
  let cases: EventStore;
  let registrar: string;

  beforeAll(async () => {
    issuer = await DevIssuer.start();
    database = await createTestDatabase('intake_api');
    intake = await startService('intake', database, {
      ...issuerEnvironment(issuer),
      RELAY_ENABLED: 'false',
      PUBLIC_SUBMITS_PER_MINUTE: String(SUBMITS_PER_MINUTE),
    });
    store = await PostgresEventStore.connect({ url: database.url });
    // The process's own key store: beside its PostgreSQL event store (the bookkeeping).
    // Wrapped with the development key file, as the service process does (SUBJECT_KEK_FILE unset).
    keys = await PostgresSubjectKeys.connect({ url: database.url, wrapping: subjectKeyWrapping(undefined) });
    cases = withPersonalData(store, { keys, ...caseEventPrivacy });
    registrar = await issuer.sign(SEEDED_USERS.peshtera.registrar);
  });

  afterAll(async () => {
    await keys?.close();
    await store?.close();
    await intake?.stop();
    await database?.drop();
    await issuer?.stop();
  });

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    { body, token, key, raw }: { body?: unknown; token?: string; key?: string; raw?: string } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (key) headers['idempotency-key'] = key;
    const response = await fetch(`${intake.url}${path}`, {
      method,
      headers,
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
  }

  // A submitter of their own per letter: the same person's similar open case would be flagged as a probable duplicate.
  const letter = (changes: Record<string, unknown> = {}) => ({
    channel: 'post',
    receivedAt: '2026-03-02T09:15:00+02:00',
    kind: 'complaint',
    category: 'waste-cleanliness',
    submitter: {
      name: 'Иван Петров',
      email: `ivan.petrov.${randomUUID().slice(0, 8)}@example.bg`,
      address: 'ул. „Дунав“ 3, Пещера',
      language: 'bg',
    },
    text: 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.',
    attachments: [{ name: 'snimka.jpg', mediaType: 'image/jpeg', size: 182_000 }],
    ...changes,
  });

  const register = (body: unknown, key = randomUUID(), token = registrar, tenant = 'peshtera') =>
    call<Registration>('POST', `/tenants/${tenant}/cases`, { body, token, key });

  const numberOf = (registryNumber: string) => Number(registryNumber.split('-').at(-1));
  /** The registration's submitter, decrypted. */
  const submitterOf = async (caseId: string) => (await cases.readStream(`case-${caseId}`, { toRevision: 0 }))[0].data.submitter;
  const eventCount = async () => (await store.readAll()).length;

  describe('registering (staff)', () => {
    it('registers a complaint for Peshtera with a PSH number of the year of receipt, screened and accepted', async () => {
      const answer = await register(letter());
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        caseId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        registryNumber: expect.stringMatching(/^PSH-2026-\d{6}$/),
        status: 'Accepted',
        screening: { outcome: 'proceed', action: 'accepted' },
        dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      // The person left an e-mail and an address: the registrar is given their tracking code to tell them.
      expect(answer.body.trackingCode).toMatch(CODE_SHAPE);
    });

    it("puts the person's tracking code in the registration's submitter and answers with it; staff views never show it", async () => {
      const answer = await register(letter());
      const code = answer.body.trackingCode ?? '';
      expect(await submitterOf(answer.body.caseId)).toMatchObject({ name: 'Иван Петров', trackingCode: code });
      expect(JSON.stringify(await store.readStream(`case-${answer.body.caseId}`))).not.toContain(code);

      const followed = await call('GET', `/public/peshtera/cases/${code}`);
      expect(followed.status).toBe(200);
      expect(followed.body).toMatchObject({ registryNumber: answer.body.registryNumber });
      const desk = await call('GET', `/tenants/peshtera/cases/${answer.body.caseId}`, { token: registrar });
      expect(desk.status).toBe(200);
      const open311 = await call('GET', `/open311/v2/requests/${answer.body.registryNumber}.json?jurisdiction_id=peshtera`);
      expect(open311.status).toBe(200);
      for (const view of [followed, desk, open311]) expect(JSON.stringify(view.body)).not.toContain(code);
    });

    it('issues no code for a person who left no contact (only a name)', async () => {
      const answer = await register(letter({ submitter: { name: 'Стоян Стоянов' } }));
      expect(answer.status).toBe(201);
      expect(answer.body.trackingCode).toBeUndefined();
      expect(await submitterOf(answer.body.caseId)).toEqual({ name: 'Стоян Стоянов', language: 'bg' });
    });

    it('gives two registrations consecutive numbers', async () => {
      const first = await register(letter());
      const second = await register(letter({ text: 'Уличното осветление на ул. „Родопи“ не работи.' }));
      expect(numberOf(second.body.registryNumber)).toBe(numberOf(first.body.registryNumber) + 1);
    });

    it('answers a retry with the same Idempotency-Key with the same case, and writes nothing new', async () => {
      const key = randomUUID();
      const body = letter();
      const first = await register(body, key);
      const before = await eventCount();
      const retry = await register(body, key);
      expect(retry.status).toBe(first.status);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await eventCount()).toBe(before);
    });

    it('refuses the same Idempotency-Key with a different body (422), writing nothing', async () => {
      const key = randomUUID();
      await register(letter(), key);
      const before = await eventCount();
      const other = await call<ErrorBody>('POST', '/tenants/peshtera/cases', { body: letter({ text: 'Друго.' }), token: registrar, key });
      expect(other.status).toBe(422);
      expect(other.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.any(String) }]);
      expect(await eventCount()).toBe(before);
    });

    it('names every bad field with 400, and never answers bad input with a 500', async () => {
      const bad = await call<ErrorBody>('POST', '/tenants/peshtera/cases', {
        token: registrar,
        body: {
          channel: 'pigeon',
          receivedAt: '2099-01-01T00:00:00Z',
          kind: 'complaint',
          category: 'parking',
          submitter: { email: 'not-an-email' },
          text: '',
          attachments: [{ name: 'a.pdf', mediaType: 'pdf', size: -1 }],
          priority: 'high',
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e) => e.field).sort()).toEqual(
        [
          'channel',
          'receivedAt',
          'category',
          'submitter.email',
          'text',
          'attachments.0.mediaType',
          'attachments.0.size',
          'priority',
          'Idempotency-Key',
        ].sort(),
      );
      for (const raw of ['{"kind": ', '[]', 'null', '"text"']) {
        const answer = await call<ErrorBody>('POST', '/tenants/peshtera/cases', { token: registrar, key: randomUUID(), raw });
        expect(answer.status).toBe(400);
        expect(answer.body.errors.length).toBeGreaterThan(0);
      }
    });

    it('refuses a time of receipt in the future, naming receivedAt', async () => {
      const answer = await call<ErrorBody>('POST', '/tenants/peshtera/cases', {
        token: registrar,
        key: randomUUID(),
        body: letter({ receivedAt: new Date(Date.parse(TEST_NOW) + 3_600_000).toISOString() }),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'receivedAt', reason: expect.stringMatching(/future/) }]);
    });

    it('puts the subject id on every event and keeps the personal data encrypted in the store', async () => {
      const answer = await register(letter());
      const events = await store.readStream(`case-${answer.body.caseId}`);
      expect(events.map((e) => e.type)).toEqual(['CaseRegistered', 'CaseAccepted']);
      const subject = events[0].metadata.dataSubjectId;
      expect(subject).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
      for (const event of events) expect(event.metadata.dataSubjectId).toBe(subject);
      expect(events[0].data.submitter).toMatchObject({ $enc: 'aes-256-gcm' });
      expect(JSON.stringify(events)).not.toContain('Иван Петров');
      expect(events[0].metadata.actor).toEqual({ id: 'peshtera:registrar', role: 'registrar' });
      expect(events[1].metadata.actor).toEqual({ id: 'intake:screening', role: 'system' });
    });
  });

  describe('tenants and tokens', () => {
    it('answers 404 naming the tenant for one that is not served', async () => {
      const token = await issuer.sign({ sub: 'atlantis:registrar', tenant: 'atlantis', roles: ['registrar'] });
      const staff = await call<ErrorBody>('POST', '/tenants/atlantis/cases', { body: letter(), token, key: randomUUID() });
      expect(staff.status).toBe(404);
      expect(staff.body.errors).toEqual([{ field: 'tenant', reason: expect.any(String) }]);
      const citizen = await call<ErrorBody>('GET', '/public/atlantis/cases/0000-0000');
      expect(citizen.status).toBe(404);
      expect(citizen.body.errors[0].field).toBe('tenant');
    });

    it('refuses a token of another tenant (403) on every staff endpoint, whether or not that tenant exists', async () => {
      const sopot = await issuer.sign(SEEDED_USERS.sopot.registrar);
      const mine = await register(letter());
      expect((await register(letter(), randomUUID(), sopot)).status).toBe(403);
      expect((await register(letter(), randomUUID(), sopot, 'atlantis')).status).toBe(403);
      const decision = await call('POST', `/tenants/peshtera/cases/${mine.body.caseId}/screening`, {
        token: sopot,
        body: { decision: 'accept' },
      });
      expect(decision.status).toBe(403);
    });

    it('wants a token (401) with the registrar role (403)', async () => {
      expect((await call('POST', '/tenants/peshtera/cases', { body: letter(), key: randomUUID() })).status).toBe(401);
      const officer = await issuer.sign(SEEDED_USERS.peshtera.officer);
      expect((await register(letter(), randomUUID(), officer)).status).toBe(403);
    });

    it("does not find another tenant's case through one's own tenant", async () => {
      const mine = await register(letter());
      const sopot = await issuer.sign(SEEDED_USERS.sopot.registrar);
      const decision = await call<ErrorBody>('POST', `/tenants/sopot/cases/${mine.body.caseId}/screening`, {
        token: sopot,
        body: { decision: 'accept' },
      });
      expect(decision.status).toBe(404);
      expect(decision.body.errors[0].field).toBe('caseId');
    });
  });

  describe('screening', () => {
    const anonymousSignal = (changes: Record<string, unknown> = {}) => {
      const { submitter: _named, ...rest } = letter({ kind: 'signal', channel: 'post', anonymous: true, ...changes });
      return rest;
    };

    it('leaves an anonymous signal without a health/safety mark to the registrar, who decides no proceedings with a reason', async () => {
      const registered = await register(anonymousSignal({ text: 'Някой изхвърля отпадъци в реката.' }));
      expect(registered.status).toBe(201);
      expect(registered.body).toMatchObject({
        status: 'Flagged',
        screening: { outcome: 'no-proceedings', action: 'flagged-for-registrar' },
      });
      expect(registered.body.screening.flags[0].code).toBe('anonymous');

      const reason = 'Анонимен сигнал без заплаха за здравето или сигурността (АПК чл. 111, ал. 4).';
      const decided = await call('POST', `/tenants/peshtera/cases/${registered.body.caseId}/screening`, {
        token: registrar,
        body: { decision: 'no-proceedings', ground: 'anonymous', reason },
      });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ caseId: registered.body.caseId, status: 'NoProceedings' });

      const events = await store.readStream(`case-${registered.body.caseId}`);
      expect(events.map((e) => e.type)).toEqual(['CaseRegistered', 'CaseFlagged', 'NoProceedingsDecided']);
      expect(events[2].data).toEqual({ basis: 'registrar-decision', ground: 'anonymous', reason });
      expect(events[2].metadata.actor).toEqual({ id: 'peshtera:registrar', role: 'registrar' });
    });

    it("answers the decider's rejections: a second decision is 409, a flag resolved without a reason 422", async () => {
      const registered = await register(anonymousSignal({ text: 'Сигнал за незаконно строителство.' }));
      const noReason = await call<ErrorBody>('POST', `/tenants/peshtera/cases/${registered.body.caseId}/screening`, {
        token: registrar,
        body: { decision: 'accept' },
      });
      expect(noReason.status).toBe(422);
      expect(noReason.body.rejection).toMatchObject({
        type: 'ReasonRequired',
        message: { bg: expect.any(String), en: expect.any(String) },
      });

      const decide = () =>
        call<ErrorBody>('POST', `/tenants/peshtera/cases/${registered.body.caseId}/screening`, {
          token: registrar,
          body: { decision: 'no-proceedings', ground: 'anonymous', reason: 'Анонимен сигнал.' },
        });
      expect((await decide()).status).toBe(200);
      const again = await decide();
      expect(again.status).toBe(409);
      expect(again.body.rejection?.type).toBe('IllegalTransition');
    });

    it('accepts an anonymous signal marked as a threat to health or safety', async () => {
      const registered = await register(anonymousSignal({ healthSafetyThreat: true, text: 'Паднал електрически кабел до училището.' }));
      expect(registered.body).toMatchObject({ status: 'Accepted', screening: { action: 'accepted' } });
    });
  });

  describe('the citizen API', () => {
    const form = (changes: Record<string, unknown> = {}) => {
      const { channel: _c, receivedAt: _r, ...rest } = letter(changes);
      return rest;
    };
    const submit = (body: unknown, key = randomUUID()) => call<Registration>('POST', '/public/peshtera/cases', { body, key });

    it('submits, answers with the registry number and a private tracking code, and shows the status by that code', async () => {
      const sent = form();
      const { email } = sent.submitter;
      const submitted = await submit(sent);
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({ registryNumber: expect.stringMatching(/^PSH-\d{4}-\d{6}$/), status: 'Accepted' });
      const code = submitted.body.trackingCode ?? '';
      expect(code.replace(/-/g, '')).toHaveLength(32);

      const followed = await call('GET', `/public/peshtera/cases/${code}`);
      expect(followed.status).toBe(200);
      expect(followed.body).toMatchObject({
        registryNumber: submitted.body.registryNumber,
        status: 'accepted',
        history: [{ step: 'registered' }, { step: 'accepted' }],
      });
      const shown = JSON.stringify(followed.body);
      for (const secret of ['Иван Петров', email, 'Дунав', 'intake:', submitted.body.caseId]) expect(shown).not.toContain(secret);

      const events = await store.readStream(`case-${submitted.body.caseId}`);
      expect(events[0].data.channel).toBe('web-form');
      expect(events[0].metadata.actor).toEqual({ id: 'intake:web-form', role: 'system' });
      // The code travels in the submitter, encrypted with their data, for the acknowledgement.
      expect(await submitterOf(submitted.body.caseId)).toMatchObject({ email, trackingCode: code });
      expect(JSON.stringify(events)).not.toContain(code);
    });

    it('gives a retry with the same Idempotency-Key the same case and the same tracking code', async () => {
      const key = randomUUID();
      const body = form({ text: 'Дупка на пътя пред блок 5.' });
      const first = await submit(body, key);
      const retry = await submit(body, key);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
    });

    it('withdraws a case by its code (and withdrawing again answers the same); rating before an answer is 409', async () => {
      const submitted = await submit(form({ text: 'Шумна дискотека след полунощ.' }));
      const code = submitted.body.trackingCode;

      const rating = await call<ErrorBody>('POST', `/public/peshtera/cases/${code}/rating`, { body: { rating: 5 } });
      expect(rating.status).toBe(409);
      expect(rating.body.rejection?.type).toBe('RatingBeforeAnswer');
      const outOfRange = await call<ErrorBody>('POST', `/public/peshtera/cases/${code}/rating`, { body: { rating: 7 } });
      expect(outOfRange.status).toBe(400);
      expect(outOfRange.body.errors[0].field).toBe('rating');

      const withdrawn = await call('POST', `/public/peshtera/cases/${code}/withdraw`, { body: { reason: 'Вече е решено.' } });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
      const again = await call('POST', `/public/peshtera/cases/${code}/withdraw`);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'withdrawn' });
    });

    it('does not find a case by an unknown code, or by a code of another tenant', async () => {
      const submitted = await submit(form({ text: 'Липсва капак на шахта.' }));
      expect((await call('GET', `/public/sopot/cases/${submitted.body.trackingCode}`)).status).toBe(404);
      const unknown = await call<ErrorBody>('GET', '/public/peshtera/cases/AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors[0].field).toBe('trackingCode');
    });

    it('refuses a body over 64 kB with 413', async () => {
      const answer = await call<ErrorBody>('POST', '/public/peshtera/cases', {
        body: form({ text: 'я'.repeat(40_000) }),
        key: randomUUID(),
      });
      expect(answer.status).toBe(413);
      expect(answer.body.errors[0].field).toBe('body');
    });

    it(`limits submissions per address (${SUBMITS_PER_MINUTE} a minute): then 429`, async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= SUBMITS_PER_MINUTE && !statuses.includes(429); i++) {
        statuses.push((await submit(form({ text: `Сигнал ${i}.` }))).status);
      }
      expect(statuses).toContain(429);
    });
  });
});
