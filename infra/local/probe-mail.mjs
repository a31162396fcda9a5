// Readiness probe for the local mail server (or any Mailpit): send a message over SMTP with nodemailer
// (as the notification service does), find it through the HTTP API by its Message-ID, read it raw, and
// delete it again.
// Usage: node infra/local/probe-mail.mjs [smtp-url] [api-url]
//        (default smtp://127.0.0.1:1025 http://127.0.0.1:8025)
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
    console.error(`probe-mail: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

const nodemailer = load('nodemailer');

const smtpUrl = process.argv[2] ?? 'smtp://127.0.0.1:1025';
const apiUrl = (process.argv[3] ?? 'http://127.0.0.1:8025').replace(/\/$/, '');
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 60000);
const deadline = Date.now() + timeoutMs;

async function roundTrip() {
  const token = randomUUID();
  const messageId = `probe-${token}@civic.local`;
  const transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 2000, greetingTimeout: 2000, socketTimeout: 5000 });
  try {
    await transport.sendMail({
      from: 'probe@civic.local',
      to: 'probe@civic.local',
      subject: `probe ${token}`,
      text: 'Проверка / probe',
      messageId: `<${messageId}>`,
    });
  } finally {
    transport.close();
  }
  const list = await (await fetch(`${apiUrl}/api/v1/messages?limit=200`)).json();
  const found = list.messages.find((m) => m.MessageID === messageId);
  if (!found) throw new Error('the message sent is not listed by the API');
  const raw = await (await fetch(`${apiUrl}/api/v1/message/${found.ID}/raw`)).text();
  if (!raw.includes(token)) throw new Error('the raw message does not carry what was sent');
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
    console.error(`probe-mail: SMTP send + HTTP read ok on ${smtpUrl} / ${apiUrl}`);
    process.exit(0);
  } catch (err) {
    lastError = err;
    await new Promise((r) => setTimeout(r, 300));
  }
}
console.error(`probe-mail: failed on ${smtpUrl} / ${apiUrl} within ${timeoutMs} ms: ${lastError?.message ?? 'timeout'}`);
process.exit(1);
