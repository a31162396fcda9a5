import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@civic/domain';
import { DEFAULT_TENANTS_DIR } from '@civic/platform';
import { eventually } from '@civic/testing';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

type Body = Record<string, unknown>;
type Answer = { status: number; body: Body; headers: Headers };

// A municipality registered and its charter revised through the API, with intake running: served at once
// without a restart, and each case counted on the version in force on the day it was received.
const sopot = (): Body => JSON.parse(readFileSync(join(DEFAULT_TENANTS_DIR, 'sopot.json'), 'utf8')) as Body;

/** A sixth municipality for the test: Sopot's charter under another slug, prefix and name. */
function newTown(slug: string, prefix: string): Body {
  return { ...sopot(), slug, registryPrefix: prefix, name: { bg: `Община ${slug}`, en: `${slug} Municipality` } };
}

/** The charter with complaints answered within `days` calendar days. */
const withComplaintTerm = (charter: Body, days: number): Body => ({
  ...charter,
  deadlines: { complaint: { term: { amount: days, unit: 'calendar-days' }, source: `Харта, т. 5: ${days} дни` } },
});

describe('municipalities as live, versioned data', () => {
  let intake: IntakeInProcess;
  const slug = `town-${randomUUID().slice(0, 6)}`;
  const prefix = `T${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 3)
    .toUpperCase()
    .padEnd(3, 'A')}`;

  beforeAll(async () => {
    intake = await startIntakeInProcess();
  });

  afterAll(async () => {
    await intake?.close();
  });

  const token = (role: Role, tenant = role === 'platform-operator' ? 'platform' : slug) =>
    intake.issuer.sign({ sub: `${tenant}:${role}`, tenant, roles: [role] });

  async function call(
    method: string,
    path: string,
    role: Role | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${intake.url}${path}`, {
      method,
      headers: {
        ...(role ? { authorization: `Bearer ${await token(role)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Body) : {}, headers: response.headers };
  }

  const register = (receivedAt: string) =>
    call(
      'POST',
      `/tenants/${slug}/cases`,
      'registrar',
      {
        channel: 'post',
        receivedAt,
        kind: 'complaint',
        category: 'general',
        submitter: { name: 'Мария Петрова', email: `maria.${randomUUID().slice(0, 8)}@example.bg` },
        text: 'Уличното осветление на ул. „Иван Вазов“ не работи от седмица.',
      },
      { 'idempotency-key': randomUUID() },
    );

  it('the seed files are the record on a first start: five municipalities, each at version 1', async () => {
    const answer = await call('GET', '/platform/tenants', 'platform-operator');
    expect(answer.status).toBe(200);
    const tenants = answer.body.tenants as { tenant: string; version: number }[];
    expect(tenants.map((tenant) => [tenant.tenant, tenant.version])).toEqual([
      ['momchilgrad', 1],
      ['nova-zagora', 1],
      ['peshtera', 1],
      ['petrich', 1],
      ['sopot', 1],
    ]);
    // The tenants held are a detail of /health: the platform operator's token shows them (health-access.ts).
    const health = await call('GET', '/health', 'platform-operator');
    expect(health.body).toMatchObject({ details: { tenants: { status: 'up', held: { sopot: 1, peshtera: 1 } } } });
  });

  it('refuses bad charter data field by field, a taken slug or prefix, and anyone but the platform operator', async () => {
    const broken = { ...newTown(slug, prefix), registryPrefix: 'lower', categories: [] };
    const invalid = await call('POST', '/platform/tenants', 'platform-operator', { charter: broken, reason: 'test' });
    expect(invalid.status).toBe(400);
    expect((invalid.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'charter.categories',
      'charter.registryPrefix',
    ]);
    expect((await call('POST', '/platform/tenants', 'platform-operator', { charter: newTown(slug, prefix) })).body).toMatchObject({
      statusCode: 400,
      errors: [{ field: 'reason' }],
    });
    const sopotAgain = await call('POST', '/platform/tenants', 'platform-operator', { charter: newTown('sopot', prefix), reason: 'again' });
    expect(sopotAgain).toMatchObject({ status: 409, body: { errors: [{ field: 'charter.slug' }] } });
    const prefixTaken = await call('POST', '/platform/tenants', 'platform-operator', {
      charter: newTown(slug, String(sopot().registryPrefix)),
      reason: 'prefix of Sopot',
    });
    expect(prefixTaken).toMatchObject({ status: 409, body: { errors: [{ field: 'charter.registryPrefix' }] } });
    expect((await call('POST', '/platform/tenants', 'tenant-admin', { charter: newTown(slug, prefix), reason: 'r' })).status).toBe(403);
  });

  it('a new municipality is served at once, without a restart: its public page and its registry', async () => {
    const created = await call('POST', '/platform/tenants', 'platform-operator', {
      charter: withComplaintTerm(newTown(slug, prefix), 30),
      reason: 'Решение на ОбС № 1/2026',
    });
    expect(created).toMatchObject({ status: 201, body: { tenant: slug, version: 1, effectiveFrom: expect.any(String), inForce: true } });
    expect(created.headers.get('location')).toBe(`/platform/tenants/${slug}`);
    await eventually(
      async () => (await call('GET', `/public/${slug}`, undefined)).status,
      (status) => status === 200,
      { what: `the public page of ${slug}`, timeoutMs: 5_000 },
    );
    // Its check list: no officer anywhere yet, so not ready to go live.
    const readiness = await call('GET', `/platform/tenants/${slug}/readiness`, 'platform-operator');
    expect(readiness).toMatchObject({ status: 200, body: { tenant: slug, ready: false } });
    expect((readiness.body.items as { id: string; ok: boolean }[]).find((item) => item.id === 'officers')?.ok).toBe(false);
    expect((await call('GET', `/tenants/${slug}/charter/readiness`, 'tenant-admin')).status).toBe(200);
    // No identity provider admin configured here (IDENTITY_ADMIN_ISSUER): no staff accounts routes either.
    expect((await call('GET', `/platform/tenants/${slug}/staff-accounts`, 'platform-operator')).status).toBe(404);

    // The portal's list: the new municipality in it, then a 304 while nothing changes.
    const list = await call('GET', '/public', undefined);
    expect((list.body.charters as { slug: string }[]).map((charter) => charter.slug)).toContain(slug);
    const etag = list.headers.get('etag') ?? '';
    expect((await fetch(`${intake.url}/public`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const registered = await register('2026-11-16T08:00:00.000Z');
    expect(registered.status).toBe(201);
    expect(registered.body.registryNumber).toMatch(new RegExp(`^${prefix}-2026-\\d{6}$`));
  });

  it("the new municipality's Open311 client gets a key shown once, works with it, and is refused once it is revoked", async () => {
    const issued = await call('POST', `/platform/tenants/${slug}/open311/clients`, 'platform-operator', { client: 'Градско приложение' });
    expect(issued).toMatchObject({
      status: 201,
      body: { client: 'Градско приложение', keyId: expect.stringMatching(/^[0-9a-f]{12}$/), revokedAt: null },
    });
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const apiKey = String(issued.body.apiKey);
    expect(apiKey).toMatch(/^[0-9a-f]{64}$/);
    const listed = await call('GET', `/tenants/${slug}/open311/clients`, 'tenant-admin');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(apiKey);
    expect((await call('POST', `/tenants/${slug}/open311/clients`, 'tenant-admin', { client: 'Градско приложение' })).status).toBe(409);

    const post = (key: string) =>
      fetch(`${intake.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: key,
          jurisdiction_id: slug,
          service_code: 'complaint.general',
          address_string: 'ул. „Иван Вазов“ 1',
          description: 'Дупка на пътя пред читалището.',
          email: `resident.${randomUUID().slice(0, 8)}@example.bg`,
        }),
      });
    expect((await post(apiKey)).status).toBe(200);
    const revoked = await call('POST', `/tenants/${slug}/open311/clients/${String(issued.body.keyId)}/revocation`, 'tenant-admin', {
      reason: 'Приложението е спряно',
    });
    expect(revoked).toMatchObject({ status: 200, body: { revokedAt: expect.any(String), revocationReason: 'Приложението е спряно' } });
    expect((await post(apiKey)).status).toBe(403);
  });

  it('a revision applies from a later day; cases received before it keep the terms of theirs, and say which', async () => {
    // intake's clock stands at TEST_NOW, 16 November 2026.
    const today = await call('PUT', `/platform/tenants/${slug}/charter`, 'platform-operator', {
      charter: withComplaintTerm(newTown(slug, prefix), 60),
      effectiveFrom: '2026-11-16',
      reason: 'too early',
    });
    expect(today).toMatchObject({ status: 400, body: { errors: [{ field: 'effectiveFrom' }] } });
    const stale = await call(
      'PUT',
      `/platform/tenants/${slug}/charter`,
      'platform-operator',
      { charter: withComplaintTerm(newTown(slug, prefix), 60), effectiveFrom: '2026-12-01', reason: 'r' },
      { 'if-match': '"7"' },
    );
    expect(stale.status).toBe(412);
    const changedPrefix = await call('PUT', `/tenants/${slug}/charter`, 'tenant-admin', {
      charter: withComplaintTerm(newTown(slug, 'ZZZZ'), 60),
      effectiveFrom: '2026-12-01',
      reason: 'r',
    });
    expect(changedPrefix).toMatchObject({ status: 400, body: { errors: [{ field: 'charter.registryPrefix' }] } });

    const revised = await call(
      'PUT',
      `/tenants/${slug}/charter`,
      'tenant-admin',
      { charter: withComplaintTerm(newTown(slug, prefix), 60), effectiveFrom: '2026-12-01', reason: 'Преглед на хартата, 2026' },
      { 'if-match': '"1"' },
    );
    expect(revised).toMatchObject({ status: 200, body: { tenant: slug, version: 2, effectiveFrom: '2026-12-01', inForce: false } });

    const record = await call('GET', `/platform/tenants/${slug}`, 'platform-operator');
    expect(record.headers.get('etag')).toBe('"2"');
    expect((record.body.versions as Body[]).map((version) => [version.version, version.inForce])).toEqual([
      [1, true],
      [2, false],
    ]);

    // A complaint received before the revision's day: 30 days, whenever it is registered.
    const before = await register('2026-11-16T08:00:00.000Z');
    expect(before.body.dueDate).toBe('2026-12-16');

    intake.clock.set('2026-12-02T08:00:00.000Z');
    await eventually(
      async () => ((await call('GET', `/platform/tenants/${slug}`, 'platform-operator')).body.versions as Body[]).at(-1)?.inForce,
      (inForce) => inForce === true,
      { what: 'version 2 in force', timeoutMs: 5_000 },
    );
    const after = await register('2026-12-02T08:00:00.000Z');
    expect(after.body.dueDate).toBe('2027-02-01');
    const lateRegistration = await register('2026-11-20T08:00:00.000Z');
    expect(lateRegistration.body.dueDate).toBe('2026-12-21');

    // The desk's explanation names the version each case is held to.
    const policySource = async (caseId: unknown) =>
      ((await call('GET', `/tenants/${slug}/cases/${String(caseId)}`, 'registrar')).body.deadline as { policy: { source: string } }).policy
        .source;
    expect(await policySource(lateRegistration.body.caseId)).toContain('charter version 1, in force from');
    expect(await policySource(after.body.caseId)).toContain('charter version 2, in force from 2026-12-01');
  });
});
