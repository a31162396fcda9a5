import { randomUUID } from 'node:crypto';
import type { Role } from '@civic/domain';
import { errorBodySchema } from '@civic/platform';
import { CaseRouter } from '../src/consumer/case-router';
import { acceptedEvent, changeOfficers, readCase, registerAcceptedCase, startRouting, typesOf, type RoutingHarness } from './harness';

// Moving a case after routing, in process on the real servers: every refusal in the platform's one error body.
describe('POST /tenants/:tenant/cases/:caseId/reassign and /redirect', () => {
  let routing: RoutingHarness;
  const TENANT = 'peshtera';

  const token = (tenant: string, roles: Role[]) => routing.issuer.sign({ sub: `${tenant}:${roles.join('+')}`, tenant, roles });
  const post = async (
    caseId: string,
    what: 'reassign' | 'redirect',
    body: unknown,
    bearer?: string,
    tenant = TENANT,
    headers: Record<string, string> = { 'idempotency-key': randomUUID() },
  ) => {
    const response = await fetch(`${routing.url}/tenants/${tenant}/cases/${caseId}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
    const answer = { status: response.status, body: await response.json(), ...(response.ok ? { etag: response.headers.get('etag') } : {}) };
    if (answer.status >= 400) expect(errorBodySchema.safeParse(answer.body).error).toBeUndefined();
    return answer;
  };

  /** An accepted roads case, routed and assigned by the service's own router (no Kafka needed here). */
  const assignedCase = async () => {
    const caseId = await registerAcceptedCase(routing.cases, { tenant: TENANT, category: 'roads-lighting' });
    const accepted = await acceptedEvent(routing.cases, caseId);
    const outcome = await routing.app.get(CaseRouter).route({ eventId: accepted.id, caseId, correlationId: randomUUID() });
    expect(outcome).toMatchObject({ outcome: 'routed', assignment: { outcome: 'assigned' } });
    return {
      caseId,
      officerId: outcome.outcome === 'routed' && outcome.assignment.outcome === 'assigned' ? outcome.assignment.officerId : '',
    };
  };

  beforeAll(async () => {
    routing = await startRouting('cases', { consume: false });
    const changed = await changeOfficers(
      routing,
      TENANT,
      ['pw-a', 'pw-b'].map((id) => ({ id, unit: 'public-works', absent: false })),
    );
    expect(changed.ok).toBe(true);
  });

  afterAll(async () => {
    await routing?.stop();
  });

  it('401 without a token; 403 for a role that may not, and for a token of another tenant', async () => {
    const { caseId } = await assignedCase();
    const reason = { officerId: 'pw-b', reason: 'отпуск' };
    expect(await post(caseId, 'reassign', reason)).toMatchObject({ status: 401, body: { rejection: { type: 'missing-token' } } });
    expect(await post(caseId, 'reassign', reason, await token(TENANT, ['officer']))).toMatchObject({
      status: 403,
      body: { errors: [{ field: 'Authorization' }], rejection: { type: 'role-not-allowed' } },
    });
    // The data protection officer's one command is the erasure of personal data.
    expect(await post(caseId, 'reassign', reason, await token(TENANT, ['data-protection-officer']))).toMatchObject({
      status: 403,
      body: { rejection: { type: 'role-not-allowed' } },
    });
    expect(await post(caseId, 'reassign', reason, await token('sopot', ['head-of-unit']))).toMatchObject({
      status: 403,
      body: { rejection: { type: 'other-tenant' } },
    });
    // Its own tenant's path with another tenant's case: no such case, nothing of it told.
    expect(await post(caseId, 'reassign', reason, await token('sopot', ['head-of-unit']), 'sopot')).toEqual({
      status: 404,
      body: { statusCode: 404, errors: [{ field: 'caseId', reason: 'no such case for this tenant' }] },
    });
  });

  it("400 naming each bad field; 409 with the decider's rejection, in Bulgarian and English", async () => {
    const { caseId, officerId } = await assignedCase();
    // The secretary manages every unit; a head of unit acts only on the cases of the unit they head.
    const head = await token(TENANT, ['secretary']);
    expect(await post(caseId, 'reassign', { officerId: 'pw-b', reason: '   ', extra: 1 }, head)).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        errors: [
          { field: 'reason', reason: 'is required' },
          { field: 'extra', reason: 'is not a known field' },
        ],
      },
    });
    // Another tenant's user is no officer of this case's unit: 422 naming officerId, nothing written.
    expect(await post(caseId, 'reassign', { officerId: 'sopot:registrar', reason: 'отпуск' }, head)).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'officerId' }] },
    });
    expect(await post(caseId, 'reassign', { officerId, reason: 'пак той' }, head)).toMatchObject({
      status: 409,
      body: {
        errors: [{ field: 'officerId' }],
        rejection: { type: 'AlreadyAssignedToOfficer', message: { bg: expect.any(String), en: expect.any(String) } },
      },
    });

    const other = officerId === 'pw-a' ? 'pw-b' : 'pw-a';
    expect(await post(caseId, 'reassign', { officerId: other, reason: 'Служителят е в отпуск' }, head)).toMatchObject({
      status: 200,
      body: { events: ['CaseReassigned'] },
    });
    const registrar = await token(TENANT, ['registrar']);
    expect(await post(caseId, 'redirect', { authority: 'РИОСВ Пазарджик', reason: 'Компетентен орган' }, registrar)).toMatchObject({
      status: 200,
    });
    expect(await post(caseId, 'reassign', { officerId, reason: 'обратно' }, head)).toMatchObject({
      status: 409,
      body: { errors: [{ field: 'case' }], rejection: { type: 'IllegalTransition' } },
    });
    expect(typesOf(await readCase(routing.cases, caseId)).slice(-2)).toEqual(['CaseReassigned', 'CaseRedirected']);
  });

  it('takes Idempotency-Key and If-Match as every case action does', async () => {
    const { caseId, officerId } = await assignedCase();
    // The secretary manages every unit; a head of unit acts only on the cases of the unit they head.
    const head = await token(TENANT, ['secretary']);
    const other = officerId === 'pw-a' ? 'pw-b' : 'pw-a';
    const move = { officerId: other, reason: 'Служителят е в отпуск' };

    expect(await post(caseId, 'reassign', move, head, TENANT, {})).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'Idempotency-Key' }] },
    });
    const malformed = await post(caseId, 'reassign', move, head, TENANT, { 'idempotency-key': randomUUID(), 'if-match': '3' });
    expect(malformed).toMatchObject({ status: 400, body: { errors: [{ field: 'If-Match' }] } });
    const before = (await readCase(routing.cases, caseId)).length - 1;
    for (const stale of [`"${before - 1}"`, `W/"${before}"`]) {
      expect(await post(caseId, 'reassign', move, head, TENANT, { 'idempotency-key': randomUUID(), 'if-match': stale })).toMatchObject({
        status: 412,
        body: { currentRevision: before, errors: [{ field: 'If-Match' }] },
      });
    }

    const key = { 'idempotency-key': randomUUID(), 'if-match': `"${before}"` };
    const first = await post(caseId, 'reassign', move, head, TENANT, key);
    expect(first).toMatchObject({ status: 200, body: { events: ['CaseReassigned'], revision: before + 1 }, etag: `"${before + 1}"` });
    // A retry with the same key is the same action: the same answer, nothing written twice, whatever If-Match says by then.
    expect(await post(caseId, 'reassign', move, head, TENANT, key)).toEqual(first);
    expect(await post(caseId, 'reassign', { ...move, reason: 'друго' }, head, TENANT, key)).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'Idempotency-Key' }] },
    });
    expect(typesOf(await readCase(routing.cases, caseId)).filter((type) => type === 'CaseReassigned')).toHaveLength(1);
  });
});
