import { randomUUID } from 'node:crypto';
import type { Actor } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { CASE_STORE, caseCommand, caseEventFromRecorded, caseStreamName } from '@civic/platform';
import { DeskHarness } from './desk-harness';

interface ErrorBody {
  errors: { field: string; reason: string }[];
  rejection?: { type: string; message: { bg: string; en: string } };
}

// The Petrich charter asks for feedback "to assess the service and make recommendations for improving it":
// the citizen rates the answer once, with a recommendation if they like, by the tracking code.
describe('citizen rating (POST /public/:tenant/cases/:trackingCode/rating)', () => {
  let desk: DeskHarness;

  beforeAll(async () => {
    desk = await DeskHarness.start();
  });

  afterAll(async () => {
    await desk?.close();
  });

  const as = (role: Actor['role']): Actor => ({ id: `petrich:${role}`, role });

  /** A command by a person, with the case's data subject (as the desk issues it), so its personal fields are encrypted. */
  async function command(caseId: string, actor: Actor, body: Parameters<typeof caseCommand>[0]): Promise<void> {
    const [registered] = await desk.stream(caseId);
    const dataSubjectId = String(registered.metadata['dataSubjectId']);
    const now = desk.intake.clock.now().toISOString();
    const built = caseCommand(body, { tenant: 'petrich', caseId, actor, correlationId: randomUUID(), now });
    const outcome = await desk.commands.handle({ ...built, metadata: { ...built.metadata, dataSubjectId } });
    if (!outcome.ok) throw new Error(`${body.type}: ${outcome.rejection.type}`);
  }

  /** A citizen's web-form case in Petrich, answered by its officer: what the citizen may now rate, by its code. */
  async function answeredCase(): Promise<{ caseId: string; code: string }> {
    const submitted = await desk.call<{ caseId: string; trackingCode: string }>('POST', '/public/petrich/cases', {
      headers: { 'idempotency-key': randomUUID() },
      body: {
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { name: 'Мария Николова', email: `maria.${randomUUID().slice(0, 8)}@example.bg`, language: 'bg' },
        text: `Контейнерите на пазара не са извозени (${randomUUID()}).`,
      },
    });
    expect(submitted.status).toBe(201);
    const { caseId, trackingCode } = submitted.body;
    await desk.system(caseId, 'petrich', { type: 'RouteCase', data: { unit: 'environment-waste', ruleId: 'test', ruleVersion: 1 } });
    await desk.system(caseId, 'petrich', { type: 'AssignCase', data: { officerId: 'petrich:officer' } });
    await command(caseId, as('officer'), {
      type: 'AnswerCase',
      data: { text: 'Контейнерите са извозени.', attachments: [], channel: 'email' },
    });
    return { caseId, code: trackingCode };
  }

  const rate = (code: string, body: unknown) =>
    desk.call<ErrorBody & { history?: { step: string; rating?: number }[] }>(
      'POST',
      `/public/petrich/cases/${encodeURIComponent(code)}/rating`,
      { body },
    );

  it('takes a rating with a recommendation, keeps the recommendation encrypted, and refuses a second rating with 409 and the reason', async () => {
    const { caseId, code } = await answeredCase();
    const recommendation = 'Да се поставят повече контейнери около пазара.';

    const first = await rate(code, { rating: 4, comment: 'Бързо', recommendation: `  ${recommendation} ` });
    expect(first.status).toBe(200);
    expect(first.body.history?.at(-1)).toMatchObject({ step: 'rated', rating: 4 });
    const stored = (await desk.stream(caseId)).find((event) => event.type === 'SatisfactionRecorded');
    expect(stored).toBeDefined();
    // The store holds the citizen's words only as ciphertext; the case store reads them back, trimmed.
    expect(JSON.stringify(stored)).not.toContain('контейнери');
    const decrypted = (await desk.intake.app.get<EventStore>(CASE_STORE).readStream(caseStreamName(caseId))).map(caseEventFromRecorded);
    expect(decrypted.find((event) => event.type === 'SatisfactionRecorded')?.data).toEqual({ rating: 4, comment: 'Бързо', recommendation });

    const second = await rate(code, { rating: 1, recommendation: 'Друго мнение' });
    expect(second.status).toBe(409);
    expect(second.body.rejection).toMatchObject({
      type: 'AlreadyRated',
      message: { bg: expect.stringContaining('вече е оценена'), en: expect.stringContaining('already been rated') },
    });
    expect(second.body.errors).toEqual([{ field: 'case', reason: second.body.rejection?.message.en }]);
    expect(await desk.types(caseId)).toEqual(expect.arrayContaining(['SatisfactionRecorded']));
    expect((await desk.types(caseId)).filter((type) => type === 'SatisfactionRecorded')).toHaveLength(1);
  });

  it("a registrar's phone survey is the case's one rating: the citizen's own is then a 409", async () => {
    const { code, caseId } = await answeredCase();
    await command(caseId, as('registrar'), { type: 'RecordSatisfaction', data: { rating: 5 } });
    const answer = await rate(code, { rating: 3, recommendation: 'По-ясни отговори' });
    expect(answer.status).toBe(409);
    expect(answer.body.rejection?.type).toBe('AlreadyRated');
  });

  it.each([
    ['not text', { rating: 4, recommendation: 42 }],
    ['too long', { rating: 4, recommendation: 'а'.repeat(2001) }],
  ])('a recommendation that is %s is a 400 naming the field', async (_what, body) => {
    const { code } = await answeredCase();
    const answer = await rate(code, body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error) => error.field)).toEqual(['recommendation']);
  });
});
