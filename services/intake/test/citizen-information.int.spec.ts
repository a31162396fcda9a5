import { randomUUID } from 'node:crypto';
import { DeskHarness } from './desk-harness';

type Body = Record<string, unknown>;

// The submitter answers a request for information online with their tracking code; intake in process on the real servers.
describe('the citizen answers a request for information online', () => {
  let desk: DeskHarness;

  beforeAll(async () => {
    desk = await DeskHarness.start();
  });

  afterAll(async () => {
    await desk?.close();
  });

  /** A complaint registered from a letter whose writer left an e-mail address: they get a tracking code. */
  const registered = async (): Promise<{ caseId: string; trackingCode: string }> => {
    const answer = await desk.call<{ caseId: string; trackingCode: string }>('POST', '/tenants/peshtera/cases', {
      token: await desk.token('registrar'),
      headers: { 'idempotency-key': randomUUID() },
      body: {
        channel: 'post',
        receivedAt: '2026-11-02T09:00:00Z',
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { name: 'Иван Петров', email: 'ivan.petrov@example.bg' },
        text: 'Контейнерите не са извозвани от две седмици.',
      },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const reply = (trackingCode: string, body: unknown) =>
    desk.call<Body>('POST', `/public/peshtera/cases/${trackingCode}/information`, { body });

  it('resumes the case and its clock; the officer reads the reply at the desk', async () => {
    const { caseId, trackingCode } = await registered();
    await desk.system(caseId, 'peshtera', { type: 'RouteCase', data: { unit: 'environment-waste', ruleId: 'test', ruleVersion: 1 } });
    await desk.system(caseId, 'peshtera', { type: 'AssignCase', data: { officerId: 'peshtera:officer' } });
    const asked = await desk.act(caseId, 'information-requests', { missing: 'Точният адрес на контейнерите.' }, 'officer');
    expect(asked.body).toMatchObject({ status: 'AwaitingSubmitter', deadline: { paused: true } });

    const answered = await reply(trackingCode, { text: 'ул. „Дунав“ 12, до училището.' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'in-progress', dueDate: expect.any(String) });
    expect((answered.body.history as { step: string }[]).map((step) => step.step)).toContain('information-provided');

    const { body } = await desk.view(caseId, 'officer');
    expect(body).toMatchObject({
      status: 'Assigned',
      deadline: { paused: false },
      content: { replies: [{ text: 'ул. „Дунав“ 12, до училището.' }] },
    });
    // The reply is the submitter's: stored encrypted with their key, and recorded as theirs.
    const provided = (await desk.stream(caseId)).at(-1);
    expect(provided).toMatchObject({ type: 'InformationProvided', metadata: { actor: { role: 'citizen' } } });
    expect(JSON.stringify(provided?.data)).not.toContain('Дунав');
  });

  it('refuses a reply when nothing was asked (409) and bad input with a 400 naming text; an unknown code is 404', async () => {
    const { trackingCode } = await registered();
    const early = await reply(trackingCode, { text: 'Ето още информация.' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ rejection: { type: 'IllegalTransition' } });

    const empty = await reply(trackingCode, { text: '   ' });
    expect(empty).toMatchObject({ status: 400, body: { errors: [{ field: 'text' }] } });
    const extra = await reply(trackingCode, { text: 'x', name: 'Иван' });
    expect(extra.status).toBe(400);

    const unknown = await reply('7K3M-Q9ZD-A1B2-C3D4-E5F6-G7H8-J9K0-M1N2', { text: 'Ето.' });
    expect(unknown.status).toBe(404);
  });
});
