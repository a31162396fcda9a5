import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@civic/testing';
import { PLATFORM_OPERATOR, SEEDED_USERS, STAFF_ROLES } from '@civic/auth';
import { describeOperation, idParametersOf, operationsOf, pathParameters, type OpenApiDocument, type Operation } from './operations';
import { SERVICES, startPlatform, type Platform } from './platform';
import { probe, send, type Filling, type Outcome } from './requests';
import { seedTenantData, type TenantData } from './tenant-data';

const A = 'sopot';
const B = 'peshtera';

interface Finding {
  operation: string;
  caller: string;
  url: string;
  status: number;
  why: string;
}

// Tenant isolation over every operation every service documents (its served OpenAPI document), with every
// role of tenant A: on tenant B's paths with B's ids (403 or 404), and on A's own paths with B's ids (nothing
// found); the platform's own operations refuse every municipality's role. No answer may carry B's data.
describe("no role of one municipality reaches another's data, through any documented operation", () => {
  let platform: Platform;
  let documents: Record<string, OpenApiDocument>;
  let operations: Operation[];
  let b: TenantData;
  const callers: { name: string; token: () => Promise<string> }[] = [
    ...STAFF_ROLES.map((role) => ({ name: `${A}:${role}`, token: () => signed(platform.issuer.sign(SEEDED_USERS[A][role])) })),
    { name: 'platform-operator', token: () => signed(platform.issuer.sign(PLATFORM_OPERATOR)) },
  ];
  const counts = { requests: 0, byStatus: new Map<number, number>() };
  const tokens: string[] = [];
  const signed = async (token: Promise<string>) => {
    tokens.push(await token);
    return tokens[tokens.length - 1];
  };

  beforeAll(async () => {
    platform = await startPlatform();
    documents = {};
    for (const service of SERVICES) {
      const response = await fetch(`${platform.services[service].url}/docs/openapi.json`);
      if (!response.ok) throw new Error(`${service} served no OpenAPI document: ${response.status}`);
      const text = await response.text();
      documents[service] = JSON.parse(text) as OpenApiDocument;
      // As the console's journeys do: the served documents, for `fetch-openapi.mjs --from tmp/openapi`.
      mkdirSync(join(WORKSPACE_ROOT, 'tmp', 'openapi'), { recursive: true });
      writeFileSync(join(WORKSPACE_ROOT, 'tmp', 'openapi', `${service}.json`), text);
    }
    operations = SERVICES.flatMap((service) => operationsOf(service, documents[service]));
    b = await seedTenantData(platform, B);
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    const statuses = [...counts.byStatus].sort(([x], [y]) => x - y).map(([status, n]) => `${status}: ${n}`);
    console.log(`cross-tenant: ${counts.requests} requests over ${operations?.length ?? 0} operations; ${statuses.join(', ')}`);
  });

  async function check(operation: Operation, caller: string, filling: Filling, allowed: readonly number[]): Promise<Finding[]> {
    const request = probe(platform.services[operation.service].url, documents[operation.service], operation, filling);
    const outcome: Outcome = await send(request);
    counts.requests += 1;
    counts.byStatus.set(outcome.status, (counts.byStatus.get(outcome.status) ?? 0) + 1);
    const findings: Finding[] = [];
    const at = { operation: describeOperation(operation), caller, url: request.url.replace(/^http:\/\/[^/]+/, ''), status: outcome.status };
    if (!allowed.includes(outcome.status))
      findings.push({ ...at, why: `answered ${outcome.status}, not ${allowed.join(' or ')}: ${outcome.text.slice(0, 200)}` });
    // An answer may repeat what the caller sent (a 404 naming the id asked for); anything else of B's is a leak.
    const sent = `${decodeURIComponent(request.url)} ${request.body ?? ''}`;
    const leaked = b.secrets.filter((secret) => outcome.text.includes(secret) && !sent.includes(secret));
    if (leaked.length) findings.push({ ...at, why: `the answer holds ${B}'s ${leaked.join(', ')}` });
    return findings;
  }

  const tenantScoped = () => operations.filter((operation) => pathParameters(operation).includes('tenant') && !operation.public);

  it("every role of A on B's paths, with B's ids: 403 or 404 and nothing of B's", async () => {
    const findings: Finding[] = [];
    for (const caller of callers) {
      const token = await caller.token();
      for (const operation of tenantScoped())
        findings.push(...(await check(operation, caller.name, { tenant: B, ids: b, token }, [403, 404])));
    }
    expect(findings).toEqual([]);
  });

  it("every role of A on A's own paths with B's ids: nothing found, nothing of B's", async () => {
    const withIds = operations.filter((operation) => idParametersOf(operation).length > 0);
    expect(withIds.length).toBeGreaterThan(0);
    const findings: Finding[] = [];
    for (const caller of callers) {
      const token = await caller.token();
      for (const operation of withIds.filter((o) => !o.public)) {
        findings.push(...(await check(operation, caller.name, { tenant: A, ids: b, token }, [400, 403, 404])));
      }
    }
    // The citizen's pages and Open311 take no token: B's tracking code and request ids under A find nothing.
    for (const operation of withIds.filter((o) => o.public)) {
      findings.push(...(await check(operation, 'anyone', { tenant: A, ids: b, apiKey: platform.open311Keys[A] }, [400, 404])));
    }
    expect(findings).toEqual([]);
  });

  it("Open311: A's key cannot write into B, and A's listing of B's request ids is empty", async () => {
    const findings: Finding[] = [];
    const write = operations.find((o) => o.method === 'POST' && o.path === '/open311/v2/requests.{format}');
    if (!write) throw new Error("intake's OpenAPI document has no Open311 POST requests.{format}");
    const form = new URLSearchParams({
      api_key: platform.open311Keys[A],
      jurisdiction_id: B,
      service_code: 'complaint.waste-cleanliness',
      description: 'Контейнерите не са извозвани.',
      email: 'someone@example.bg',
    });
    const written = await fetch(`${platform.services.intake.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    counts.requests += 1;
    if (written.status !== 403)
      findings.push({
        operation: describeOperation(write),
        caller: `${A}'s API key`,
        url: '',
        status: written.status,
        why: await written.text(),
      });
    const listed = await fetch(
      `${platform.services.intake.url}/open311/v2/requests.json?jurisdiction_id=${A}&service_request_id=${b.open311RequestId}`,
    );
    counts.requests += 1;
    const text = await listed.text();
    if (listed.status !== 200 || b.secrets.some((secret) => text.includes(secret))) {
      findings.push({
        operation: 'intake GET /open311/v2/requests.{format}',
        caller: 'anyone',
        url: '',
        status: listed.status,
        why: text.slice(0, 200),
      });
    }
    expect(findings).toEqual([]);
  });

  it("A's data protection officer, given B's citizen's e-mail, finds nothing of theirs", async () => {
    const token = await signed(platform.issuer.sign(SEEDED_USERS[A]['data-protection-officer']));
    const body = JSON.stringify({ email: b.email, verification: { method: 'identity-document', reference: 'cross-tenant' } });
    const findings: Finding[] = [];
    for (const operation of ['search', 'export']) {
      const response = await fetch(`${platform.services.intake.url}/tenants/${A}/data-subjects/${operation}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      counts.requests += 1;
      const answer = (await response.json()) as { cases?: unknown[] };
      const leaked = b.secrets.filter((secret) => secret !== b.email && JSON.stringify(answer).includes(secret));
      if (response.status !== 200 || answer.cases?.length !== 0 || leaked.length > 0) {
        const why = `${response.status}: ${JSON.stringify(answer).slice(0, 200)}`;
        findings.push({
          operation: `intake POST /tenants/{tenant}/data-subjects/${operation}`,
          caller: `${A}:data-protection-officer`,
          url: '',
          status: response.status,
          why,
        });
      }
    }
    expect(findings).toEqual([]);
  });

  it("the platform's own operations refuse every municipality's role", async () => {
    const platformWide = operations.filter((o) => !o.public && !pathParameters(o).includes('tenant'));
    expect(platformWide.map(describeOperation).sort()).toEqual(
      [
        'analytics POST /admin/read-models/rebuild',
        'analytics GET /admin/read-models/rebuild/{id}',
        // The municipalities themselves: registered, revised, checked, given Open311 keys by the platform operator.
        'intake GET /platform/tenants',
        'intake POST /platform/tenants',
        'intake GET /platform/tenants/{slug}',
        'intake GET /platform/tenants/{slug}/readiness',
        'intake GET /platform/tenants/{slug}/versions/{version}',
        'intake PUT /platform/tenants/{slug}/charter',
        'intake GET /platform/tenants/{slug}/open311/clients',
        'intake POST /platform/tenants/{slug}/open311/clients',
        'intake POST /platform/tenants/{slug}/open311/clients/{keyId}/revocation',
      ].sort(),
    );
    const findings: Finding[] = [];
    for (const caller of callers.filter((c) => c.name !== 'platform-operator')) {
      const token = await caller.token();
      for (const operation of platformWide) findings.push(...(await check(operation, caller.name, { tenant: A, ids: b, token }, [403])));
    }
    expect(findings).toEqual([]);
  });

  // Last: the logs of everything above. A bearer token, an API key, a tracking code or a citizen's words would
  // let whoever reads the logs act as, or learn about, someone else.
  it('no service wrote a secret it was given into its log', () => {
    const secrets = [...tokens, ...Object.values(platform.open311Keys), ...b.neverLogged];
    const found = SERVICES.flatMap((service) => {
      const log = platform.services[service].output();
      return secrets.filter((secret) => log.includes(secret)).map((secret) => `${service}: ${secret.slice(0, 24)}…`);
    });
    expect(found).toEqual([]);
  });

  it('knows every operation of every document: each is probed above, or is a health probe', () => {
    const unprobed = operations.filter((o) => o.public && !pathParameters(o).includes('tenant') && idParametersOf(o).length === 0);
    const known = unprobed.map(describeOperation).filter((name) => !/ GET \/health(\/live|\/ready)?$/.test(name));
    // Open311's documents about itself (discovery, the service list) hold no tenant's data; its write is probed above.
    // GET /public lists the municipalities with their charters: published documents, no case's data.
    // analytics' signing keys are the public halves of the checkpoint keys, published for auditors.
    expect(known.sort()).toEqual(
      [
        'analytics GET /public/signing-keys',
        'intake GET /public',
        'intake GET /open311/v2/discovery.{format}',
        'intake GET /open311/v2/services.{format}',
        'intake GET /open311/v2/services/{file}',
        'intake GET /open311/v2/tokens/{file}',
        'intake POST /open311/v2/requests.{format}',
        'intake GET /open311/v2/requests.{format}',
      ].sort(),
    );
  });
});
