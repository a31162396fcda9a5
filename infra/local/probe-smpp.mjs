// Readiness probe for the local SMPP server: bind as a transmitter and submit_sm a Cyrillic text with the
// `smpp` package (as the notification service does), find it through the HTTP API by the message_id the
// server answered with, check its text, unbind, and delete it again.
// Usage: node infra/local/probe-smpp.mjs [smpp-url] [api-url]
//        (default smpp://127.0.0.1:2775 http://127.0.0.1:8026)
// Env: PROBE_TIMEOUT_MS (default 60000). Exit 0 = server works.
import { randomUUID } from 'node:crypto';
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
    console.error(`probe-smpp: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

const smpp = load('smpp');

const smppUrl = process.argv[2] ?? 'smpp://127.0.0.1:2775';
const apiUrl = (process.argv[3] ?? 'http://127.0.0.1:8026').replace(/\/$/, '');
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 60000);
const deadline = Date.now() + timeoutMs;

/** One request and its answer; a non-zero status, an error or 5 s of silence fail it. */
function call(session, command, options) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command}: no answer`)), 5000);
    const sent = session[command](options, (pdu) => {
      clearTimeout(timer);
      if (pdu.command_status === 0) resolve(pdu);
      else reject(new Error(`${command}: command_status ${pdu.command_status}`));
    });
    if (!sent) reject(new Error(`${command}: not connected`));
  });
}

async function roundTrip() {
  const token = randomUUID().slice(0, 8);
  const text = `Проверка ${token}`;
  const session = await new Promise((resolve, reject) => {
    const s = smpp.connect({ url: smppUrl }, () => resolve(s));
    s.once('error', reject);
  });
  session.on('error', () => undefined);
  let messageId;
  try {
    await call(session, 'bind_transmitter', { system_id: 'probe', password: 'probe' });
    const answer = await call(session, 'submit_sm', {
      source_addr: 'probe',
      source_addr_ton: 5,
      destination_addr: '359000000000',
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      data_coding: 8,
      short_message: Buffer.from(text, 'utf16le').swap16(),
    });
    messageId = answer.message_id;
    await call(session, 'unbind', {});
  } finally {
    session.destroy();
  }
  const list = await (await fetch(`${apiUrl}/api/v1/messages?limit=200`)).json();
  const found = list.messages.find((m) => m.MessageIds.includes(messageId));
  if (!found) throw new Error('the message submitted is not listed by the API');
  if (found.Text !== text) throw new Error(`the API shows "${found.Text}", not the text submitted`);
  const deleted = await fetch(`${apiUrl}/api/v1/messages`, {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ IDs: [found.ID] }),
  });
  if (!deleted.ok) throw new Error(`DELETE answered ${deleted.status}`);
}

let lastError;
while (Date.now() < deadline) {
  try {
    await roundTrip();
    console.error(`probe-smpp: bind + submit_sm + HTTP read ok on ${smppUrl} / ${apiUrl}`);
    process.exit(0);
  } catch (err) {
    lastError = err;
    await new Promise((r) => setTimeout(r, 300));
  }
}
console.error(`probe-smpp: failed on ${smppUrl} / ${apiUrl} within ${timeoutMs} ms: ${lastError?.message ?? 'timeout'}`);
process.exit(1);
