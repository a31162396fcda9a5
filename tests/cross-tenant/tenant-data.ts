import { randomUUID } from 'node:crypto';
import { SEEDED_USERS, type SeedTenant } from '@civic/auth';
import { eventually, TEST_NOW } from '@civic/testing';
import type { Platform } from './platform';

/** What one tenant holds that another tenant's people must never reach: real ids of each kind the paths take. */
export interface TenantData {
  tenant: SeedTenant;
  caseId: string;
  registryNumber: string;
  trackingCode: string;
  attachmentId: string;
  notificationId: string;
  /** An Open311 service request of the tenant (its registry number). */
  open311RequestId: string;
  /** A staff member of the tenant. */
  userId: string;
  /** An erasure the tenant's data protection officer carried out (its receipt's id). */
  requestId: string;
  /** The citizen's e-mail: what a data protection officer looks a person up by. */
  email: string;
  /** What no log may hold: the tracking code, the citizen's name, e-mail and words. */
  neverLogged: string[];
  /** Strings that must appear in no answer to another tenant: the ids above, the citizen's text, name and address. */
  secrets: string[];
}

/** A one-page PDF, so that the case has a stored file. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

async function json(response: Response, what: string, status: number): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The first string under `key` in a JSON answer's lists (an attachment's `id`, a `notificationId`). */
function firstId(value: unknown, key = 'id'): string | undefined {
  if (Array.isArray(value)) return value.map((item) => firstId(item, key)).find(Boolean);
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record[key] === 'string') return record[key];
  return Object.values(record)
    .map((item) => firstId(item, key))
    .find(Boolean);
}

/**
 * A case in `tenant` as a citizen sends it through the web form, with a file: registered, routed and
 * acknowledged (so it has a notification), plus an Open311 request: every kind of id a path can name.
 */
export async function seedTenantData(platform: Platform, tenant: SeedTenant): Promise<TenantData> {
  const { intake, notification } = platform.services;
  const marker = randomUUID();
  const submitter = { name: `Гражданин ${marker.slice(0, 8)}`, email: `citizen.${marker.slice(0, 8)}@example.bg` };
  const text = `Контейнерите на ул. „Дунав“ не са извозвани (${marker}).`;
  const form = new FormData();
  form.append('submission', JSON.stringify({ kind: 'complaint', category: 'waste-cleanliness', submitter, text }));
  form.append('attachments', new Blob([PDF]), 'жалба.pdf');
  const registered = await json(
    await fetch(`${intake.url}/public/${tenant}/cases`, { method: 'POST', headers: { 'idempotency-key': randomUUID() }, body: form }),
    `${tenant}'s web-form submission`,
    201,
  );
  const caseId = String(registered.caseId);
  const officer = await platform.issuer.sign(SEEDED_USERS[tenant].officer);
  const registrar = await platform.issuer.sign(SEEDED_USERS[tenant].registrar);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const view = await json(
    await fetch(`${intake.url}/tenants/${tenant}/cases/${caseId}`, { headers: bearer(registrar) }),
    'the case at the desk',
    200,
  );
  const attachmentId = firstId((view.content as { submission?: { attachments?: unknown } } | undefined)?.submission?.attachments);
  if (!attachmentId) throw new Error(`the case at the desk lists no attachment: ${JSON.stringify(view)}`);

  // Routing assigns the case to the seeded officer, and notification acknowledges it to the citizen.
  const listed = await eventually(
    async () =>
      json(
        await fetch(`${notification.url}/tenants/${tenant}/cases/${caseId}/notifications`, { headers: bearer(officer) }),
        "the case's notifications",
        200,
      ),
    (list) => firstId(list, 'notificationId') !== undefined,
    // Long: routing and notification read `case-events` from its start, which a long-lived local Kafka fills with earlier runs' events.
    { what: `the acknowledgement of ${tenant}'s case`, timeoutMs: 150_000 },
  );
  const notificationId = firstId(listed, 'notificationId') as string;

  const open311 = await fetch(`${intake.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: platform.open311Keys[tenant],
      jurisdiction_id: tenant,
      service_code: 'complaint.waste-cleanliness',
      address_string: `ул. „Дунав“ 3 (${marker})`,
      description: text,
      first_name: 'Гражданин',
      last_name: marker.slice(0, 8),
      email: `open311.${marker.slice(0, 8)}@example.bg`,
    }),
  });
  const created = (await open311.json()) as { service_request_id?: string }[];
  const open311RequestId = created[0]?.service_request_id;
  if (open311.status !== 200 || !open311RequestId)
    throw new Error(`${tenant}'s Open311 request: ${open311.status} ${JSON.stringify(created)}`);

  const registryNumber = String(registered.registryNumber);
  const trackingCode = String(registered.trackingCode);
  const requestId = await erasureIn(platform, tenant, marker);
  return {
    tenant,
    caseId,
    registryNumber,
    trackingCode,
    attachmentId,
    notificationId,
    open311RequestId,
    userId: SEEDED_USERS[tenant].officer.sub,
    requestId,
    email: submitter.email,
    neverLogged: [trackingCode, submitter.name, submitter.email, marker],
    secrets: [caseId, registryNumber, trackingCode, attachmentId, notificationId, open311RequestId, requestId, marker, submitter.email],
  };
}

/** The year of the standing test clock: registry numbers and reports are per year. */
export const TEST_YEAR = TEST_NOW.slice(0, 4);

/** Another citizen's case, withdrawn by them and erased at their request by the data protection officer: the erasure's id. */
async function erasureIn(platform: Platform, tenant: SeedTenant, marker: string): Promise<string> {
  const { intake } = platform.services;
  const email = `erased.${marker.slice(0, 8)}@example.bg`;
  const form = new FormData();
  form.append(
    'submission',
    JSON.stringify({ kind: 'complaint', category: 'waste-cleanliness', submitter: { email }, text: `Шум (${marker}).` }),
  );
  const registered = await json(
    await fetch(`${intake.url}/public/${tenant}/cases`, { method: 'POST', headers: { 'idempotency-key': randomUUID() }, body: form }),
    `${tenant}'s second submission`,
    201,
  );
  await json(
    await fetch(`${intake.url}/public/${tenant}/cases/${String(registered.trackingCode)}/withdraw`, { method: 'POST' }),
    'its withdrawal',
    200,
  );
  const officer = await platform.issuer.sign(SEEDED_USERS[tenant]['data-protection-officer']);
  const receipt = await json(
    await fetch(`${intake.url}/tenants/${tenant}/data-subjects/erasure`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        verification: { method: 'identity-document', reference: 'cross-tenant' },
        caseIds: [registered.caseId],
      }),
    }),
    'its erasure',
    200,
  );
  return String(receipt.requestId);
}
