import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_TENANTS } from '@civic/auth';
import type { Role } from '@civic/domain';
import { eventually, testClock, type TestClock } from '@civic/testing';
import { startPlatform, type Platform } from './platform';

type Body = Record<string, unknown>;

// A sixth municipality, Brezovo, from a charter file no seed uses (charters/brezovo.txt: its published charter,
// read 2026-12-06), registered through the API while the whole platform runs: within a minute a citizen submits
// there through Open311 and through the portal, each case is routed and timed by Brezovo's own calendar, and
// nothing of the other five changes. No service restarts.
const BREZOVO = JSON.parse(readFileSync(join(__dirname, 'charters', 'brezovo.json'), 'utf8')) as Body;
// Saturday 26 September 2026: a complaint's month ends on Monday 26 October, St Demetrius' Day, Brezovo's own
// holiday (by its charter data), so its due date is Tuesday 27 October; elsewhere it would be the 26th.
const RECEIVED = '2026-09-26T08:00:00.000Z';
const DUE = '2026-10-27';

describe('a new municipality, live within a minute, leaving the others as they were', () => {
  let platform: Platform;
  let clock: TestClock;

  beforeAll(async () => {
    clock = testClock('onboarding', RECEIVED);
    platform = await startPlatform({ portal: true, clockFile: clock.file });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    clock?.remove();
  });

  const token = (tenant: string, role: Role) => platform.issuer.sign({ sub: `${tenant}:${role}`, tenant, roles: [role] });
  const operator = () => platform.issuer.sign({ sub: 'platform:operator', tenant: 'platform', roles: ['platform-operator'] });

  async function call(
    url: string,
    bearer: string | undefined,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: Body }> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Body) : {} };
  }

  /** What the five seed municipalities show: their public page, their routing rules and their charter versions. */
  async function theFive(): Promise<Record<string, unknown>> {
    const { intake, routing } = platform.services;
    const versions = (await call(`${intake.url}/platform/tenants`, await operator())).body.tenants as { tenant: string }[];
    const seen: Record<string, unknown> = {};
    for (const tenant of SEED_TENANTS) {
      seen[tenant] = {
        version: versions.find((entry) => entry.tenant === tenant),
        public: (await call(`${intake.url}/public/${tenant}`, undefined)).body,
        rules: (await call(`${routing.url}/tenants/${tenant}/routing/rules`, await token(tenant, 'tenant-admin'))).body,
      };
    }
    return seen;
  }

  it('registers Brezovo and serves it everywhere: Open311 and the portal take cases, routed and timed by its calendar', async () => {
    const { intake, routing, 'deadline-watch': watch } = platform.services;
    const portal = platform.portal;
    if (!portal) throw new Error('the platform was started without the portal');
    const before = await theFive();

    const started = Date.now();
    const registered = await call(`${intake.url}/platform/tenants`, await operator(), {
      method: 'POST',
      body: { charter: BREZOVO, reason: 'Брезово се присъединява към платформата' },
    });
    expect(registered).toMatchObject({ status: 201, body: { tenant: 'brezovo', version: 1 } });

    // The municipality's administrator sets its officers: routing knows Brezovo without a restart.
    const admin = await token('brezovo', 'tenant-admin');
    const units = (
      await eventually(
        () => call(`${routing.url}/tenants/brezovo/routing/units`, admin),
        (answer) => answer.status === 200,
        { what: 'routing serving Brezovo', timeoutMs: 30_000 },
      )
    ).body.units as { id: string; active: boolean }[];
    const officers = units.filter((unit) => unit.active).map((unit) => ({ id: 'brezovo:officer', unit: unit.id, absent: false }));
    expect((await call(`${routing.url}/tenants/brezovo/routing/officers`, admin, { method: 'PUT', body: { officers } })).status).toBe(200);

    // An Open311 client gets a key from the platform operator and reports through it.
    const issued = await call(`${intake.url}/platform/tenants/brezovo/open311/clients`, await operator(), {
      method: 'POST',
      body: { client: 'Brezovo city app' },
    });
    expect(issued.status).toBe(201);
    const open311 = await fetch(`${intake.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: String(issued.body.apiKey),
        jurisdiction_id: 'brezovo',
        service_code: 'complaint.general',
        address_string: 'гр. Брезово, ул. „Георги Димитров“ 25',
        description: 'Уличното осветление на площада не работи.',
        email: `resident.${randomUUID().slice(0, 8)}@example.bg`,
      }),
    });
    expect(open311.status).toBe(200);
    const [{ service_request_id: open311Number }] = (await open311.json()) as { service_request_id: string }[];
    expect(open311Number).toMatch(/^BRZ-2026-\d{6}$/);

    // A citizen writes through the portal, which learns of Brezovo from intake.
    const page = await eventually(
      () => fetch(`${portal.url}/brezovo/submit/complaint`),
      (response) => response.status === 200,
      { what: "the portal's form for Brezovo", timeoutMs: 30_000 },
    );
    expect(await page.text()).toContain('Брезово');
    const submitted = await fetch(`${portal.url}/brezovo/submit/complaint`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url },
      body: new URLSearchParams({
        idempotencyKey: randomUUID(),
        category: 'general',
        text: 'Контейнерите пред читалището не са извозвани от две седмици.',
        name: 'Мария Иванова',
        email: `maria.${randomUUID().slice(0, 8)}@example.bg`,
      }),
    });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toMatch(/^\/brezovo\//);
    expect(Date.now() - started).toBeLessThan(60_000);

    // Both routed to an officer and timed on Brezovo's calendar: the month ends on its own holiday.
    const staff = await token('brezovo', 'head-of-unit');
    const deadlines = await eventually(
      async () => (await call(`${watch.url}/tenants/brezovo/deadlines?dueWithinWorkingDays=30`, staff)).body,
      (body) => ((body.dueSoon as { status: string }[] | undefined) ?? []).filter((entry) => entry.status === 'Assigned').length === 2,
      { what: "Brezovo's two cases assigned and timed", timeoutMs: 60_000 },
    );
    const entries = deadlines.dueSoon as {
      registryNumber: string;
      dueDate: string;
      explanation: { rule: string; detail: { en: string } }[];
    }[];
    expect(entries.map((entry) => entry.registryNumber)).toContain(open311Number);
    for (const entry of entries) {
      expect(entry.dueDate).toBe(DUE);
      expect(entry.explanation.find((step) => step.rule === 'non-working-last-day')?.detail.en).toMatch(/2026-10-26/);
    }

    expect(await theFive()).toEqual(before);
  }, 180_000);
});
