import { randomUUID } from 'node:crypto';
import { readStreamIfExists } from '@civic/event-store';
import { auditLogStream } from '@civic/platform';
import { pdfText } from '@civic/testing';
import { DeskHarness } from './desk-harness';

type Body = Record<string, unknown>;

const NAME = 'Иван Петров';
const OWN_TEXT = 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.';
const REPLY = 'ул. „Дунав“ 12, до училището.';
const MISSING = 'Точният адрес на контейнерите.';
const REASON = 'Нужна е проверка на място с регионалната инспекция.';
const ANSWER = 'Контейнерите ще бъдат извозени до петък и ще се извозват всеки вторник.';

// What the holder of a tracking code sees of what the municipality wrote to them, and the answer as a letter;
// intake in process on the real servers, the case worked at the desk as staff would.
describe('the tracking view shows what was written to the submitter, and the answer as a PDF letter', () => {
  let desk: DeskHarness;

  beforeAll(async () => {
    desk = await DeskHarness.start();
  });

  afterAll(async () => {
    await desk?.close();
  });

  const track = (code: string) =>
    desk.call<Body>('GET', `/public/peshtera/cases/${code}`, { headers: { 'x-correlation-id': randomUUID() } });
  const auditLog = async () => (await readStreamIfExists(desk.events, auditLogStream('peshtera'))) ?? [];

  it('asked for information, extended, answered: each text in the view, each read recorded; the letter names the number', async () => {
    const registration = await desk.call<{ caseId: string; trackingCode: string; registryNumber: string }>(
      'POST',
      '/tenants/peshtera/cases',
      {
        token: await desk.token('registrar'),
        headers: { 'idempotency-key': randomUUID() },
        body: {
          channel: 'post',
          receivedAt: '2026-11-02T09:00:00Z',
          kind: 'complaint',
          category: 'waste-cleanliness',
          submitter: { name: NAME, email: `ivan.${randomUUID().slice(0, 8)}@example.bg` },
          text: OWN_TEXT,
        },
      },
    );
    expect(registration.status).toBe(201);
    const { caseId, trackingCode, registryNumber } = registration.body;
    await desk.system(caseId, 'peshtera', { type: 'RouteCase', data: { unit: 'environment-waste', ruleId: 'test', ruleVersion: 1 } });
    await desk.system(caseId, 'peshtera', { type: 'AssignCase', data: { officerId: 'peshtera:officer' } });

    // Nothing written to the submitter yet: no texts, so no read to record, and no letter.
    const logBefore = (await auditLog()).length;
    const quiet = await track(trackingCode);
    expect(quiet.status).toBe(200);
    expect(quiet.headers.get('cache-control')).toBe('no-store');
    expect(quiet.body).toMatchObject({
      status: 'in-progress',
      informationRequest: null,
      extension: null,
      answer: null,
      actions: { withdraw: true, provideInformation: false, rate: false },
    });
    expect(await auditLog()).toHaveLength(logBefore);
    const early = await desk.call('GET', `/public/peshtera/cases/${trackingCode}/answer-letter.pdf`);
    expect(early).toMatchObject({ status: 404, body: { errors: [{ field: 'answer' }] } });

    // The officer asks; the tracking view shows the request, and the reply is possible.
    expect((await desk.act(caseId, 'information-requests', { missing: MISSING }, 'officer')).status).toBe(200);
    const asked = await track(trackingCode);
    expect(asked.body).toMatchObject({
      status: 'awaiting-information',
      informationRequest: { at: expect.any(String), missing: MISSING },
      actions: { withdraw: true, provideInformation: true, rate: false },
    });
    const [read] = (await auditLog()).slice(logBefore);
    expect(read).toMatchObject({
      type: 'PersonalDataRead',
      data: {
        readerId: 'citizen:tracking-code',
        caseId,
        route: 'GET /public/:tenant/cases/:trackingCode',
        fields: ['informationRequest.missing'],
      },
      metadata: { actor: { id: 'citizen:tracking-code', role: 'citizen' } },
    });
    expect((await desk.call('POST', `/public/peshtera/cases/${trackingCode}/information`, { body: { text: REPLY } })).status).toBe(200);

    // The secretary extends to the furthest date the law allows, with reasons written to the submitter.
    const { body: before } = await desk.view(caseId);
    const { maxFinalDate } = before.deadline as { maxFinalDate: string };
    expect((await desk.act(caseId, 'extensions', { reason: REASON, newFinalDate: maxFinalDate }, 'secretary')).status).toBe(200);
    expect((await track(trackingCode)).body).toMatchObject({
      informationRequest: null,
      extension: { at: expect.any(String), reason: REASON, newFinalDate: maxFinalDate },
      answer: null,
    });

    // The answer, and the letter it links to.
    expect((await desk.act(caseId, 'answer', { text: ANSWER, attachments: [], channel: 'email' }, 'officer')).status).toBe(200);
    const answered = await track(trackingCode);
    expect(answered.body).toMatchObject({
      status: 'answered',
      extension: { reason: REASON },
      answer: {
        at: expect.any(String),
        text: ANSWER,
        channel: 'email',
        letterUrl: `/public/peshtera/cases/${trackingCode}/answer-letter.pdf`,
      },
      actions: { withdraw: false, provideInformation: false, rate: true },
    });
    // Never the person, their own words or the staff who acted.
    const shown = JSON.stringify(answered.body);
    for (const secret of [NAME, OWN_TEXT, REPLY, 'peshtera:officer', 'peshtera:secretary']) expect(shown).not.toContain(secret);

    const letter = await fetch(`${desk.intake.url}${(answered.body.answer as { letterUrl: string }).letterUrl}`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('application/pdf');
    expect(letter.headers.get('cache-control')).toBe('no-store');
    expect(letter.headers.get('content-disposition')).toBe(`inline; filename="${registryNumber}.pdf"`);
    const pdf = Buffer.from(await letter.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const shownInLetter of ['Община Пещера', registryNumber, ANSWER]) expect(text).toContain(shownInLetter);
    expect(text).not.toContain(NAME);

    const reads = (await auditLog())
      .slice(logBefore)
      .map((entry) => entry.data as { route: string; fields: string[] })
      .filter((entry) => entry.route.startsWith('GET /public/'));
    expect(reads.at(-2)).toMatchObject({ route: 'GET /public/:tenant/cases/:trackingCode', fields: ['extension.reason', 'answer.text'] });
    expect(reads.at(-1)).toMatchObject({ route: 'GET /public/:tenant/cases/:trackingCode/answer-letter.pdf', fields: ['answer.text'] });
    // The reply's answer (POST …/information) showed the request no more, so it recorded nothing; the citizen's reads:
    expect(reads.map((entry) => entry.route)).toEqual([
      'GET /public/:tenant/cases/:trackingCode',
      'GET /public/:tenant/cases/:trackingCode',
      'GET /public/:tenant/cases/:trackingCode',
      'GET /public/:tenant/cases/:trackingCode/answer-letter.pdf',
    ]);

    // A rating answers with the view too: the texts again, recorded as read through that route.
    const rated = await desk.call<Body>('POST', `/public/peshtera/cases/${trackingCode}/rating`, { body: { rating: 5 } });
    expect(rated.body).toMatchObject({ answer: { text: ANSWER }, actions: { rate: false } });
    expect(((await auditLog()).at(-1)?.data as { route: string }).route).toBe('POST /public/:tenant/cases/:trackingCode/rating');
  });

  it('a code typed in lower case without dashes links the letter with the code as issued; an unknown code is 404', async () => {
    const unknown = await desk.call('GET', '/public/peshtera/cases/7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2/answer-letter.pdf');
    expect(unknown).toMatchObject({ status: 404, body: { errors: [{ field: 'trackingCode' }] } });

    const registration = await desk.call<{ caseId: string; trackingCode: string }>('POST', '/tenants/peshtera/cases', {
      token: await desk.token('registrar'),
      headers: { 'idempotency-key': randomUUID() },
      body: {
        channel: 'post',
        receivedAt: '2026-11-02T09:00:00Z',
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { name: NAME, email: `ivan.${randomUUID().slice(0, 8)}@example.bg` },
        text: `${OWN_TEXT} (${randomUUID()})`,
      },
    });
    const { caseId, trackingCode } = registration.body;
    await desk.system(caseId, 'peshtera', { type: 'RouteCase', data: { unit: 'environment-waste', ruleId: 'test', ruleVersion: 1 } });
    await desk.system(caseId, 'peshtera', { type: 'AssignCase', data: { officerId: 'peshtera:officer' } });
    const given = await desk.act(caseId, 'answer', { text: ANSWER, attachments: [], channel: 'post' }, 'officer');
    expect(given.status).toBe(200);
    const typed = trackingCode.replace(/-/g, '').toLowerCase();
    const view = await track(typed);
    expect(view.body).toMatchObject({ answer: { channel: 'post', letterUrl: `/public/peshtera/cases/${trackingCode}/answer-letter.pdf` } });
    const letter = await fetch(`${desk.intake.url}/public/peshtera/cases/${typed}/answer-letter.pdf`);
    expect(letter.status).toBe(200);
  });
});
