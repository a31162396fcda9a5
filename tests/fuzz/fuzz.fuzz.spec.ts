import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_OPERATOR, SEEDED_USERS, STAFF_ROLES } from '@civic/auth';
import { WORKSPACE_ROOT } from '@civic/testing';
import { startPlatform, type Platform } from '../cross-tenant/platform';
import { seedTenantData, type TenantData } from '../cross-tenant/tenant-data';
import { runSchemathesis, type Tool } from './schemathesis';
import { renderSummary, shares } from './summary';
import { addTallies, emptyTally, tallyReport, type Tally } from './tally';
import { targets, type Target } from './targets';

// `npm run test:fuzz` (scripts/test-fuzz.sh): schemathesis against each service's served OpenAPI document, the
// five services as processes on the real servers, with a seeded tenant's real ids and a token that may call
// the operations, so that requests reach the handlers. Fails on any 5xx; everything else is reported in
// tmp/fuzz/summary.md.
const TENANT = 'sopot';
const OUT = join(WORKSPACE_ROOT, 'tmp', 'fuzz');
const TOOL: Tool = {
  st: process.env.SCHEMATHESIS_BIN ?? join(WORKSPACE_ROOT, '.local', 'fuzz-venv', 'bin', 'st'),
  hooks: join(__dirname, 'hooks.py'),
  workFolder: join(WORKSPACE_ROOT, '.local', 'fuzz-cache'),
};
/** The tokens outlive the longest run: all budgets, plus the platform's start. */
const TOKEN_SECONDS = 3600;

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** The document's operations as schemathesis labels them: `GET /tenants/{tenant}/cases`. */
async function declaredOperations(url: string): Promise<Set<string>> {
  const response = await fetch(`${url}/docs/openapi.json`);
  if (!response.ok) throw new Error(`${url}/docs/openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  return new Set(
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'put', 'post', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    ),
  );
}

/** Under load the acknowledgement can take longer than the seed waits for: one more case then. */
async function seed(platform: Platform): Promise<TenantData> {
  try {
    return await seedTenantData(platform, TENANT);
  } catch (error) {
    process.stdout.write(`seeding ${TENANT} failed once (${(error as Error).message.split('\n')[0]}); seeding again\n`);
    return seedTenantData(platform, TENANT);
  }
}

describe('fuzzing every service with schemathesis, deep: real ids, a valid token, no rate limit in the way', () => {
  let platform: Platform;
  let runs: Target[];
  const tallies: [string, Tally][] = [];
  const notes: string[] = [];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    platform = await startPlatform();
    const data = await seed(platform);
    const staff = await platform.issuer.sign({ ...SEEDED_USERS[TENANT].officer, roles: [...STAFF_ROLES] }, TOKEN_SECONDS);
    const platformOperator = await platform.issuer.sign({ ...PLATFORM_OPERATOR, roles: [...PLATFORM_OPERATOR.roles] }, TOKEN_SECONDS);
    runs = targets(data, { staff, platformOperator, open311Key: platform.open311Keys[TENANT] });
    notes.push(
      `tenant ${TENANT}: case ${data.caseId} (${data.registryNumber}), attachment ${data.attachmentId}, ` +
        `notification ${data.notificationId}, Open311 request ${data.open311RequestId}`,
    );
  }, 300_000);

  afterAll(async () => {
    // Each service's own log beside schemathesis's: a 5xx's stack trace is there.
    for (const [service, running] of Object.entries(platform?.services ?? {})) {
      mkdirSync(join(OUT, service), { recursive: true });
      writeFileSync(join(OUT, service, 'service.log'), running.output());
    }
    await platform?.stop();
    if (!tallies.length) return;
    const total = addTallies(tallies.map(([, tally]) => tally));
    const summary = renderSummary(tallies, total, notes);
    writeFileSync(join(OUT, 'summary.md'), summary);
    const share = shares(total);
    process.stdout.write(
      `\n${summary}\nfuzz: ${share.requests} requests; 2xx ${share['2xx']}, ` +
        `2xx or the handlers' 400/409/412/422 ${share.handled}, 401/403/404/429 ${share.shallow}, 5xx ${share['5xx']}; ` +
        `summary in ${join(OUT, 'summary.md')}\n`,
    );
  });

  // One test per service, in the order of targets(): each run its own schemathesis process and report folder.
  it.each(['intake', 'routing', 'deadline-watch', 'notification', 'analytics'])(
    '%s answers no 5xx',
    async (service) => {
      const target = runs.find((run) => run.service === service) as Target;
      const url = platform.services[target.service].url;
      const declared = await declaredOperations(url);
      const run = await runSchemathesis(TOOL, target, url, join(OUT, service));
      if (!run.report) throw new Error(`schemathesis wrote no report for ${service} (exit ${run.exitCode}); see ${run.log}`);
      const tally = tallyReport(run.report, declared, emptyTally());
      tallies.push([service, tally]);
      if (run.timedOut)
        notes.push(`${service}: stopped at its budget of ${target.budgetSeconds} s; the requests sent until then are counted`);
      if (tally.requests === 0) throw new Error(`schemathesis sent no request to ${service}; see ${run.log}`);
      expect(tally.serverErrors.map((error) => `${error.status} ${error.operation}: ${error.curl}`)).toEqual([]);
    },
    // The budget of the slowest run, plus the time to stop it.
    300_000,
  );
});
