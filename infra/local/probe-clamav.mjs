// Readiness probe for the local ClamAV daemon (or any clamd on TCP): with the `clamscan` package, as intake
// does, stream the EICAR test file to clamd (INSTREAM over TCP, no local binary, no fallback) and expect it
// infected, then a harmless buffer and expect it clean.
// Usage: node infra/local/probe-clamav.mjs [host] [port]   (default 127.0.0.1 3310)
// Env: PROBE_TIMEOUT_MS (default 60000). Exit 0 = clamd works.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repoRoot, 'package.json'));

function load(name) {
  try {
    return require(name);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    console.error(`probe-clamav: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

const NodeClam = load('clamscan');

const host = process.argv[2] ?? '127.0.0.1';
const port = Number(process.argv[3] ?? 3310);
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 60000);
const deadline = Date.now() + timeoutMs;

// The EICAR test file (eicar.org), put together here so this file itself is not flagged by a scanner.
const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE', '!$H+H*'].join(''));

async function roundTrip() {
  const clam = await new NodeClam().init({
    removeInfected: false,
    quarantineInfected: false,
    scanLog: null,
    clamscan: { active: false },
    clamdscan: { host, port, timeout: 10000, localFallback: false, active: true },
    preference: 'clamdscan',
  });
  const infected = await clam.scanStream(Readable.from([EICAR]));
  if (infected.isInfected !== true) throw new Error(`the EICAR test file was not reported infected: ${JSON.stringify(infected)}`);
  const clean = await clam.scanStream(Readable.from([Buffer.from('Проверка / a harmless probe\n')]));
  if (clean.isInfected !== false) throw new Error(`a harmless buffer was not reported clean: ${JSON.stringify(clean)}`);
  return infected.viruses.join(', ');
}

let lastError;
while (Date.now() < deadline) {
  try {
    const found = await roundTrip();
    console.error(`probe-clamav: EICAR found (${found}) and a clean buffer passed on ${host}:${port}`);
    process.exit(0);
  } catch (err) {
    lastError = err;
    await new Promise((r) => setTimeout(r, 500));
  }
}
console.error(`probe-clamav: failed on ${host}:${port} within ${timeoutMs} ms: ${lastError?.message ?? 'timeout'}`);
process.exit(1);
