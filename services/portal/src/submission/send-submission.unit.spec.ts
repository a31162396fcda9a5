import type { IntakeAnswer, IntakeClient } from '../intake/intake-client';
import type { Registration } from '../intake/public-api';
import { sendSubmission } from './send-submission';

const busy: IntakeAnswer<Registration> = {
  ok: false,
  status: 409,
  retryAfterSeconds: 2,
  body: {
    statusCode: 409,
    errors: [{ field: 'Idempotency-Key', reason: 'a request with this key is still being processed; retry shortly' }],
  },
};
const done: IntakeAnswer<Registration> = {
  ok: true,
  status: 201,
  body: { caseId: 'c', registryNumber: 'SPT-2026-000001', trackingCode: 'T', status: 'Accepted' },
};

/** intake's answers in turn, as a client that only answers (the real one is exercised by test/portal.int.spec.ts). */
function answering(...answers: IntakeAnswer<Registration>[]) {
  const calls: string[] = [];
  const client = {
    submit: async (_tenant: string, _submission: object, _files: unknown[], key: string) => {
      calls.push(key);
      return answers.shift() ?? done;
    },
  } as unknown as IntakeClient;
  return { client, calls };
}

const input = {
  tenant: 'sopot',
  submission: {
    kind: 'praise' as const,
    category: 'general',
    text: 'Благодаря',
    healthSafetyThreat: false,
    language: 'bg' as const,
    anonymous: true as const,
  },
  files: [],
  idempotencyKey: 'key-1',
  context: {},
};

describe('sending a submission', () => {
  it('waits for a twin request with the same key (a double click) and answers with its case', async () => {
    const { client, calls } = answering(busy, busy, done);
    const pauses: number[] = [];
    const answer = await sendSubmission(client, input, async (ms) => void pauses.push(ms));
    expect(answer).toBe(done);
    expect(calls).toEqual(['key-1', 'key-1', 'key-1']);
    expect(pauses).toEqual([2000, 2000]);
  });

  it('gives up waiting after a while, saying still busy', async () => {
    const { client } = answering(...Array.from({ length: 20 }, () => busy));
    const answer = await sendSubmission(client, input, async () => undefined);
    expect(answer).toBe(busy);
  });

  it('does not retry any other refusal', async () => {
    const refused: IntakeAnswer<Registration> = {
      ok: false,
      status: 400,
      body: { statusCode: 400, errors: [{ field: 'text', reason: 'is required' }] },
    };
    const { client, calls } = answering(refused);
    expect(await sendSubmission(client, input, async () => undefined)).toBe(refused);
    expect(calls).toHaveLength(1);
  });
});
