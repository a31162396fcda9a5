// Readiness probe for the local Keycloak: the realm's discovery document names the expected issuer, and a
// seeded user signs in (password grant on the development realm's `civic-tests` client) and gets an RS256
// access token that verifies against the published keys and carries the platform's claims.
// Usage: node infra/local/probe-keycloak.mjs [issuer]   (default http://127.0.0.1:8180/realms/civic)
// Env: PROBE_TIMEOUT_MS (default 60000). Exit 0 = server works.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repoRoot, 'package.json'));

function load(name) {
  try {
    return require(name);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    console.error(`probe-keycloak: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

const { createRemoteJWKSet, jwtVerify } = load('jose');

const issuer = (process.argv[2] ?? 'http://127.0.0.1:8180/realms/civic').replace(/\/$/, '');
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 60000);
const deadline = Date.now() + timeoutMs;

async function signIn() {
  const discovery = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
  if (!discovery.ok) throw new Error(`discovery answered ${discovery.status}`);
  const config = await discovery.json();
  if (config.issuer !== issuer) throw new Error(`discovery names issuer ${config.issuer}, not ${issuer}`);
  const answer = await fetch(config.token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'civic-tests',
      username: 'peshtera.officer',
      password: 'civic-dev',
      scope: 'openid',
    }),
    signal: AbortSignal.timeout(10000),
  });
  if (!answer.ok) throw new Error(`token endpoint answered ${answer.status}: ${await answer.text()}`);
  const { access_token: token } = await answer.json();
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(config.jwks_uri)), {
    algorithms: ['RS256'],
    issuer,
    audience: 'civic-cases',
  });
  const roles = JSON.stringify(payload.roles);
  if (payload.sub !== 'peshtera:officer' || payload.tenant !== 'peshtera' || roles !== '["officer"]') {
    throw new Error(`unexpected claims: sub ${payload.sub}, tenant ${payload.tenant}, roles ${roles}`);
  }
}

let lastError;
while (Date.now() < deadline) {
  try {
    await signIn();
    console.error(`probe-keycloak: sign-in as peshtera.officer ok on ${issuer}`);
    process.exit(0);
  } catch (err) {
    lastError = err;
    await new Promise((r) => setTimeout(r, 500));
  }
}
console.error(`probe-keycloak: failed on ${issuer} within ${timeoutMs} ms: ${lastError?.message ?? 'timeout'}`);
process.exit(1);
