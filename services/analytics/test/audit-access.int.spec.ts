import { randomUUID } from 'node:crypto';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE } from '@civic/platform';
import { casePath, liveCase, startAuditApp, type AuditApp, type TestCase } from './audit/audit-app';

/**
 * Who may read the replay, and the record of every read: auditors of the case's own tenant only, on every
 * endpoint; nothing is written to a case; every answered read is in the tenant's audit log first.
 */
describe('auditor access and the audit log', () => {
  let audit: AuditApp;
  let c: TestCase;
  let auditor: string;
  let store: EventStore;

  const caseEndpoints = [
    'history',
    'state?revision=0',
    'diff?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z',
    'verification',
    'dossier.json',
    'dossier.pdf',
  ];
  const allPaths = () => [...caseEndpoints.map((endpoint) => casePath(c, endpoint)), '/tenants/peshtera/audit/log'];

  /** The refusal's name: `rejection.type` in the platform's error body (`reason` in the auth library's older one). */
  const refusal = (body: { rejection?: { type?: string }; reason?: string }) => body.rejection?.type ?? body.reason;
  const logOf = async (tenant: string) =>
    (await audit.get(`/tenants/${tenant}/audit/log?limit=500`, await audit.token(tenant, 'auditor'))).body;

  beforeAll(async () => {
    audit = await startAuditApp();
    c = await liveCase(audit, 'peshtera', 'accepted');
    auditor = await audit.token('peshtera', 'auditor');
    store = audit.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await audit?.close();
  });

  it("every endpoint answers the tenant's auditor", async () => {
    for (const path of allPaths()) {
      const { status } = await audit.get(path, auditor);
      expect({ path, status }).toEqual({ path, status: 200 });
    }
  });

  it("refuses another tenant's auditor on every endpoint (403), and no token at all (401)", async () => {
    const sopot = await audit.token('sopot', 'auditor');
    for (const path of allPaths()) {
      const other = await audit.get(path, sopot);
      expect({ path, status: other.status, reason: refusal(other.body) }).toEqual({ path, status: 403, reason: 'other-tenant' });
      expect((await audit.get(path)).status).toBe(401);
    }
  });

  it('refuses every other role of the same tenant on every endpoint', async () => {
    for (const role of ['registrar', 'officer', 'head-of-unit', 'mayor', 'tenant-admin', 'ops'] as const) {
      const token = await audit.token('peshtera', role);
      for (const path of allPaths()) {
        const { status, body } = await audit.get(path, token);
        expect({ role, path, status, reason: refusal(body) }).toEqual({ role, path, status: 403, reason: 'role-not-allowed' });
      }
    }
  });

  it("a case of another tenant is no case for this tenant's auditor (404 on every case endpoint)", async () => {
    const sopot = await audit.token('sopot', 'auditor');
    for (const endpoint of caseEndpoints) {
      const { status, body } = await audit.get(casePath({ tenant: 'sopot', caseId: c.caseId }, endpoint), sopot);
      expect({ endpoint, status, errors: body.errors }).toEqual({
        endpoint,
        status: 404,
        errors: [{ field: 'caseId', reason: 'no such case for this tenant' }],
      });
    }
    // Probing for case ids is reading: each attempt is in sopot's log.
    const tries = (await logOf('sopot')).entries.filter((e: { data: { caseId: string } }) => e.data.caseId === c.caseId);
    expect(tries.map((e: { data: { outcome: string } }) => e.data.outcome)).toEqual(caseEndpoints.map(() => 'case-not-found'));
  });

  it('an unknown tenant is a 404 naming the tenant', async () => {
    const token = await audit.token('atlantis', 'auditor');
    for (const path of [casePath({ tenant: 'atlantis', caseId: c.caseId }, 'history'), '/tenants/atlantis/audit/log']) {
      const { status, body } = await audit.get(path, token);
      expect({ status, errors: body.errors }).toEqual({
        status: 404,
        errors: [{ field: 'tenant', reason: 'no municipality "atlantis" is served here' }],
      });
    }
  });

  it('no endpoint writes the case: it is unchanged after every read, and there is nothing but GET', async () => {
    const before = await store.readStream(`case-${c.caseId}`);
    for (const path of allPaths()) await audit.get(path, auditor);
    expect(await store.readStream(`case-${c.caseId}`)).toEqual(before);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await fetch(`${audit.url}${casePath(c, 'history')}`, { method, headers: { authorization: `Bearer ${auditor}` } });
      expect({ method, status: response.status }).toEqual({ method, status: 404 });
    }
  });

  it('every read is recorded before it is answered: who, what, which case, the parameters, correlation and CLOCK time', async () => {
    audit.setNow('2026-05-05T10:20:30.000Z');
    const correlationId = `audit-${randomUUID()}`;
    const { status, headers } = await audit.get(casePath(c, 'state?at=2026-03-02T09:07:00Z&basis=occurred'), auditor, {
      'x-correlation-id': correlationId,
    });
    expect(status).toBe(200);
    expect(headers.get('x-correlation-id')).toBe(correlationId);
    const log = await logOf('peshtera');
    const entry = log.entries.find((e: { eventId: string }) => e.eventId === headers.get('x-audit-record'));
    expect(entry).toMatchObject({
      type: 'AuditorReadRecorded',
      occurredAt: '2026-05-05T10:20:30.000Z',
      correlationId,
      data: {
        auditorId: 'peshtera:auditor',
        endpoint: 'state',
        caseId: c.caseId,
        parameters: { at: '2026-03-02T09:07:00.000Z', basis: 'occurred' },
        outcome: 'answered',
      },
    });
    expect(log.chain).toMatchObject({ ok: true });
  });

  it('each endpoint adds exactly one entry; refusals and bad requests add none', async () => {
    const total = async () => (await logOf('peshtera')).total;
    for (const endpoint of caseEndpoints) {
      const before = await total();
      await audit.get(casePath(c, endpoint), auditor);
      // +1 for the read, +1 for the log read that counted `before`.
      expect({ endpoint, added: (await total()) - before }).toEqual({ endpoint, added: 2 });
    }
    const before = await total();
    await audit.get(casePath(c, 'history'), await audit.token('sopot', 'auditor'));
    await audit.get(casePath(c, 'history'), await audit.token('peshtera', 'registrar'));
    await audit.get(casePath(c, 'state?revision=x'), auditor);
    expect((await total()) - before).toBe(1);
  });

  it('the log read is recorded too, and pages', async () => {
    const first = await logOf('peshtera');
    const second = await logOf('peshtera');
    expect(second.total).toBe(first.total + 1);
    expect(second.entries.at(-1).data).toMatchObject({
      endpoint: 'log',
      caseId: null,
      parameters: { fromRevision: 0, limit: 500 },
      outcome: 'answered',
    });
    const page = (await audit.get('/tenants/peshtera/audit/log?fromRevision=1&limit=2', auditor)).body;
    expect(page.entries.map((e: { revision: number }) => e.revision)).toEqual([1, 2]);
    expect(page.nextFromRevision).toBe(3);
    const bad = await audit.get('/tenants/peshtera/audit/log?limit=0&fromRevision=-2', auditor);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['fromRevision', 'limit']);
  });

  it('concurrent reads are all answered and all recorded, the log chain intact', async () => {
    const before = (await logOf('peshtera')).total;
    const answers = await Promise.all(Array.from({ length: 12 }, () => audit.get(casePath(c, 'verification'), auditor)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const log = await logOf('peshtera');
    expect(log.total).toBe(before + 1 + 12);
    expect(log.chain).toMatchObject({ ok: true, count: log.total });
  });

  it('the OpenAPI document describes every audit endpoint as a GET', () => {
    const document = SwaggerModule.createDocument(audit.app, new DocumentBuilder().addBearerAuth().build());
    const paths = Object.keys(document.paths).filter((path) => path.includes('/audit'));
    expect(paths.sort()).toEqual(
      [...caseEndpoints.map((e) => `/tenants/{tenant}/audit/cases/{caseId}/${e.split('?')[0]}`), '/tenants/{tenant}/audit/log'].sort(),
    );
    for (const path of paths) expect(Object.keys(document.paths[path])).toEqual(['get']);
  });

  it('a bad correlation id is a 400 naming the header', async () => {
    const { status, body } = await audit.get(casePath(c, 'history'), auditor, { 'x-correlation-id': 'a b' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'X-Correlation-Id', reason: expect.any(String) }]);
  });

  it('when the read cannot be recorded, it is not answered (503)', async () => {
    const m = await liveCase(audit, 'momchilgrad', 'registered');
    // An entry written around the chain: the log refuses to chain new records to it.
    await store.appendToStream(
      'auditlog-momchilgrad',
      [{ id: randomUUID(), type: 'AuditorReadRecorded', data: { forged: true }, metadata: {} }],
      { expectedRevision: 'any' },
    );
    const token = await audit.token('momchilgrad', 'auditor');
    for (const path of [casePath(m, 'history'), casePath(m, 'dossier.pdf'), '/tenants/momchilgrad/audit/log']) {
      const { status, body } = await audit.get(path, token);
      expect({ path, status, errors: body?.errors }).toEqual({
        path,
        status: 503,
        errors: [{ field: 'audit-log', reason: expect.any(String) }],
      });
    }
  });
});
