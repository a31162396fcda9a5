// A local mail catcher for machines without Docker: a real SMTP server (the `smtp-server` package, the
// server half of nodemailer) that keeps every message it accepts, and an HTTP API shaped like Mailpit's,
// so tests and people read the same messages whether Mailpit (docker-compose) or this (npm start) runs.
//
//   SMTP  127.0.0.1:${MAIL_SMTP_PORT:-1025}   no TLS, no authentication needed (any AUTH is accepted)
//   HTTP  127.0.0.1:${MAIL_HTTP_PORT:-8025}
//     GET    /api/v1/messages?start=0&limit=50   summaries, newest first (Mailpit's fields)
//     GET    /api/v1/message/:id                 one summary, with the SMTP envelope
//     GET    /api/v1/message/:id/raw             the message as received (RFC 5322)
//     DELETE /api/v1/messages                    body {"IDs": [...]} deletes those; no body deletes all
//     GET    /livez, /readyz                     200 while running
//
// Messages live in memory (at most MAIL_MAX_MESSAGES, default 5000, the oldest dropped first), like
// Mailpit's default in-memory store: a restart empties the box.
// Usage: node infra/local/mail-server.mjs
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
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
    console.error(`mail-server: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

const { SMTPServer } = load('smtp-server');
const PostalMime = load('postal-mime');

const HOST = '127.0.0.1';
const SMTP_PORT = Number(process.env.MAIL_SMTP_PORT ?? 1025);
const HTTP_PORT = Number(process.env.MAIL_HTTP_PORT ?? 8025);
const MAX_MESSAGES = Number(process.env.MAIL_MAX_MESSAGES ?? 5000);
const MAX_SIZE = 25 * 1024 * 1024;

/** Oldest first; the API answers newest first, as Mailpit does. */
const messages = [];
const byId = new Map();

const log = (msg, fields = {}) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg, ...fields })}\n`);

const address = (a) => ({ Name: a?.name ?? '', Address: a?.address ?? '' });
const withoutBrackets = (id) => (id ?? '').replace(/^<|>$/g, '');

async function store(raw, session) {
  let parsed;
  try {
    parsed = await PostalMime.parse(raw);
  } catch {
    parsed = { headers: [], attachments: [] };
  }
  const text = (parsed.text ?? '').replace(/\s+/g, ' ').trim();
  const message = {
    ID: randomUUID(),
    MessageID: withoutBrackets(parsed.messageId),
    Read: false,
    From: address(parsed.from),
    To: (parsed.to ?? []).map(address),
    Cc: (parsed.cc ?? []).map(address),
    Bcc: [],
    ReplyTo: (parsed.replyTo ?? []).map(address),
    Subject: parsed.subject ?? '',
    Created: new Date().toISOString(),
    Tags: [],
    Size: raw.length,
    Attachments: (parsed.attachments ?? []).filter((a) => a.disposition !== 'inline').length,
    Snippet: text.slice(0, 250),
    // Not in Mailpit's summary, but useful here: who the SMTP envelope named.
    Envelope: { MailFrom: session.envelope.mailFrom?.address ?? '', RcptTo: session.envelope.rcptTo.map((r) => r.address) },
    raw,
  };
  messages.push(message);
  byId.set(message.ID, message);
  while (messages.length > MAX_MESSAGES) byId.delete(messages.shift().ID);
  log('message received', { id: message.ID, messageId: message.MessageID, to: message.Envelope.RcptTo.length, size: raw.length });
}

const smtp = new SMTPServer({
  name: 'civic-mail.local',
  banner: 'civic-cases local mail catcher',
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  size: MAX_SIZE,
  logger: false,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username ?? 'local' });
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        const error = new Error('552 5.3.4 Message exceeds the size limit');
        error.responseCode = 552;
        callback(error);
        return;
      }
      // Kept before the 250 goes out: once a client hears "accepted", the message is readable here.
      store(Buffer.concat(chunks), session).then(() => callback(), callback);
    });
  },
});

function summary({ raw: _raw, ...rest }) {
  return rest;
}

function send(res, status, body, type = 'application/json; charset=utf-8') {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const http = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', `http://${HOST}:${HTTP_PORT}`);
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && (url.pathname === '/livez' || url.pathname === '/readyz')) return send(res, 200, 'ok', 'text/plain');
    if (url.pathname === '/api/v1/messages') {
      if (req.method === 'GET') {
        const start = Math.max(0, Number(url.searchParams.get('start') ?? 0) || 0);
        const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50);
        const newestFirst = [...messages].reverse();
        const page = newestFirst.slice(start, start + limit).map(summary);
        return send(res, 200, {
          total: messages.length,
          unread: messages.filter((m) => !m.Read).length,
          count: page.length,
          messages_count: messages.length,
          start,
          tags: [],
          messages: page,
        });
      }
      if (req.method === 'DELETE') {
        const text = await readBody(req);
        const ids = text.trim() ? JSON.parse(text).IDs : undefined;
        if (Array.isArray(ids) && ids.length > 0) {
          const doomed = new Set(ids);
          for (let i = messages.length - 1; i >= 0; i--) if (doomed.has(messages[i].ID)) messages.splice(i, 1);
          for (const id of ids) byId.delete(id);
        } else {
          messages.length = 0;
          byId.clear();
        }
        return send(res, 200, 'ok', 'text/plain');
      }
    }
    if (req.method === 'GET' && parts[0] === 'api' && parts[1] === 'v1' && parts[2] === 'message' && parts[3]) {
      const message = byId.get(decodeURIComponent(parts[3]));
      if (!message) return send(res, 404, 'message not found', 'text/plain');
      if (parts.length === 4) return send(res, 200, summary(message));
      if (parts.length === 5 && parts[4] === 'raw') return send(res, 200, message.raw, 'message/rfc822');
    }
    return send(res, 404, 'not found', 'text/plain');
  } catch (error) {
    return send(res, 400, String(error?.message ?? error), 'text/plain');
  }
});

smtp.on('error', (error) => log('smtp error', { err: String(error?.message ?? error) }));

await new Promise((resolve, reject) => {
  smtp.server.once('error', reject);
  smtp.listen(SMTP_PORT, HOST, resolve);
});
await new Promise((resolve, reject) => {
  http.once('error', reject);
  http.listen(HTTP_PORT, HOST, resolve);
});
log('listening', { smtp: `${HOST}:${SMTP_PORT}`, http: `http://${HOST}:${HTTP_PORT}` });

function stop(signal) {
  log('stopping', { signal });
  http.close();
  smtp.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
