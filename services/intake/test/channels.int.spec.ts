import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@civic/auth';
import { DeskHarness } from './desk-harness';

type Body = Record<string, unknown>;

// Channels and kinds as the charters name them, through the registrar's API; intake in process on the real servers.
describe('channels and kinds as the charters name them', () => {
  let desk: DeskHarness;

  beforeAll(async () => {
    desk = await DeskHarness.start();
  });

  afterAll(async () => {
    await desk?.close();
  });

  const register = async (tenant: string, body: Body, role: StaffRole = 'registrar') =>
    desk.call<Body>('POST', `/tenants/${tenant}/cases`, {
      token: await desk.token(role, tenant),
      headers: { 'idempotency-key': randomUUID() },
      body: {
        receivedAt: '2026-11-02T09:00:00Z',
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { name: 'Иван Петров', email: `${randomUUID()}@example.bg` },
        text: `Контейнерите на ул. „Дунав“ не са извозвани (${randomUUID()}).`,
        ...body,
      },
    });

  it('a Sopot reception-day case names who received it, and the desk shows it', async () => {
    const answer = await register('sopot', { channel: 'reception-day', receivedBy: 'deputy-mayor', category: 'general' });
    expect(answer.status).toBe(201);
    const view = await desk.view(answer.body.caseId as string, 'registrar', 'sopot');
    expect(view.body).toMatchObject({ state: { facts: { channel: 'reception-day', receivedBy: 'deputy-mayor' } } });
  });

  it('a reception day without who received it, or a letter naming one, is a 400 naming receivedBy', async () => {
    const missing = await register('sopot', { channel: 'reception-day' });
    expect(missing).toMatchObject({ status: 400, body: { errors: [{ field: 'receivedBy' }] } });
    const letter = await register('sopot', { channel: 'post', receivedBy: 'mayor' });
    expect(letter).toMatchObject({ status: 400, body: { errors: [{ field: 'receivedBy' }] } });
    const nobody = await register('sopot', { channel: 'reception-day', receivedBy: 'janitor' });
    expect(nobody).toMatchObject({ status: 400, body: { errors: [{ field: 'receivedBy' }] } });
  });

  it('a Momchilgrad information-board case registers; so does a meeting with the leadership', async () => {
    expect((await register('momchilgrad', { channel: 'information-board' })).status).toBe(201);
    const meeting = await register('momchilgrad', { channel: 'leadership-meeting', receivedBy: 'mayor' });
    expect(meeting.status).toBe(201);
  });

  it('a channel the tenant does not offer is a 400 naming it: Sopot takes no fax, Peshtera has no information board', async () => {
    const fax = await register('sopot', { channel: 'fax' });
    expect(fax).toMatchObject({ status: 400, body: { errors: [{ field: 'channel', reason: expect.stringContaining('reception-day') }] } });
    const board = await register('peshtera', { channel: 'information-board' });
    expect(board).toMatchObject({ status: 400, body: { errors: [{ field: 'channel' }] } });
  });

  it("a question to Sopot ('мнения, предложения и въпроси') registers, with the term its policy gives (none)", async () => {
    const answer = await register('sopot', {
      channel: 'mailbox',
      kind: 'question',
      category: 'general',
      text: 'Кога ще бъде ремонтирана улицата?',
    });
    expect(answer.status).toBe(201);
    const view = await desk.view(answer.body.caseId as string, 'registrar', 'sopot');
    expect(view.body).toMatchObject({
      state: { facts: { kind: 'question' } },
      deadline: { policy: { kind: 'question', term: null }, due: null },
    });
  });
});
