// A local SMSC for machines without an operator's gateway: a real SMPP 3.4 server (the server mode of the
// `smpp` package, the library notification sends with) that accepts binds, answers every submit_sm with a
// message_id, keeps what arrived in memory, and serves it over HTTP, so tests and people read the text
// messages the way they read e-mail from the local mail server.
//
//   SMPP  127.0.0.1:${SMPP_PORT:-2775}   bind_transmitter / _transceiver / _receiver, submit_sm, enquire_link, unbind
//         Any system_id and password are accepted, unless SMPP_SERVER_SYSTEM_ID and SMPP_SERVER_PASSWORD are
//         set: then others are refused (ESME_RINVSYSID / ESME_RINVPASWD).
//   HTTP  127.0.0.1:${SMPP_HTTP_PORT:-8026}
//     GET    /api/v1/messages?start=0&limit=50   messages, newest first; the parts of a concatenated message
//                                                (UDH, 8- or 16-bit reference) are joined into one
//     DELETE /api/v1/messages                    body {"IDs": [...]} deletes those; no body deletes all
//     GET    /livez, /readyz                     200 while running
//
// Messages live in memory (at most SMPP_MAX_MESSAGES, default 5000, the oldest dropped first): a restart
// empties the box.
// Usage: node infra/local/smpp-server.mjs
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
    console.error(`smpp-server: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

const smpp = load('smpp');

const HOST = process.env.SMPP_HOST ?? '127.0.0.1';
const SMPP_PORT = Number(process.env.SMPP_PORT ?? 2775);
const HTTP_PORT = Number(process.env.SMPP_HTTP_PORT ?? 8026);
const MAX_MESSAGES = Number(process.env.SMPP_MAX_MESSAGES ?? 5000);
const SYSTEM_ID = process.env.SMPP_SERVER_SYSTEM_ID ?? '';
const PASSWORD = process.env.SMPP_SERVER_PASSWORD ?? '';

/** Oldest first; the API answers newest first. */
const messages = [];

const log = (msg, fields = {}) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg, ...fields })}\n`);

/** The concatenation element of a UDH (GSM 03.40 §9.2.3.24.1 and .8): reference, total, number; or none. */
function concatenation(udhList) {
  for (const udh of udhList ?? []) {
    if (udh[0] === 0x00 && udh[1] === 3) return { ref: udh[2], total: udh[3], seq: udh[4] };
    if (udh[0] === 0x08 && udh[1] === 4) return { ref: udh.readUInt16BE(2), total: udh[4], seq: udh[5] };
  }
  return undefined;
}

/** The text of a submit_sm: message_payload when it carries one, else short_message (decoded by the library). */
function textOf(pdu) {
  const body = pdu.message_payload ?? pdu.short_message;
  if (typeof body === 'string') return { text: body, udh: [] };
  if (Buffer.isBuffer(body)) return { text: body.toString('latin1'), udh: [] };
  const text = Buffer.isBuffer(body?.message) ? body.message.toString('latin1') : (body?.message ?? '');
  return { text, udh: body?.udh ?? [] };
}

/** Keeps one submit_sm; a part of a concatenated message joins the message its reference names. */
function store(pdu, systemId, messageId) {
  const { text, udh } = textOf(pdu);
  const part = concatenation(udh);
  const from = pdu.source_addr;
  const to = pdu.destination_addr;
  const key = part ? `${systemId}|${from}|${to}|${part.ref}|${part.total}` : undefined;
  let message = key ? messages.find((m) => m.key === key && m.parts.length < m.expected) : undefined;
  if (!message) {
    message = {
      ID: randomUUID(),
      key,
      SystemId: systemId,
      From: { Address: from, Ton: pdu.source_addr_ton, Npi: pdu.source_addr_npi },
      To: { Address: to, Ton: pdu.dest_addr_ton, Npi: pdu.dest_addr_npi },
      DataCoding: pdu.data_coding,
      RegisteredDelivery: pdu.registered_delivery,
      Created: new Date().toISOString(),
      expected: part?.total ?? 1,
      parts: [],
    };
    messages.push(message);
    while (messages.length > MAX_MESSAGES) messages.shift();
  }
  message.parts.push({ seq: part?.seq ?? 1, text, messageId });
  log('submit_sm received', { id: message.ID, messageId, part: part ? `${part.seq}/${part.total}` : '1/1', characters: text.length });
}

function summary(message) {
  const parts = [...message.parts].sort((a, b) => a.seq - b.seq);
  return {
    ID: message.ID,
    SystemId: message.SystemId,
    From: message.From,
    To: message.To,
    Text: parts.map((p) => p.text).join(''),
    DataCoding: message.DataCoding,
    RegisteredDelivery: message.RegisteredDelivery,
    Parts: parts.length,
    ExpectedParts: message.expected,
    Complete: parts.length === message.expected,
    MessageIds: parts.map((p) => p.messageId),
    Created: message.Created,
  };
}

const BIND_COMMANDS = ['bind_transmitter', 'bind_transceiver', 'bind_receiver'];

const server = smpp.createServer((session) => {
  let systemId;
  session.on('error', (error) => log('session error', { err: String(error?.message ?? error) }));
  for (const command of BIND_COMMANDS) {
    session.on(command, (pdu) => {
      if (systemId !== undefined) return session.send(pdu.response({ command_status: smpp.ESME_RALYBND }));
      if (SYSTEM_ID && pdu.system_id !== SYSTEM_ID) return session.send(pdu.response({ command_status: smpp.ESME_RINVSYSID }));
      if (PASSWORD && pdu.password !== PASSWORD) return session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
      systemId = pdu.system_id;
      session.send(pdu.response({ system_id: 'civic-smsc' }));
      log('bound', { command, systemId });
    });
  }
  session.on('submit_sm', (pdu) => {
    // A transmitter must be bound before it submits (SMPP 3.4 §2.3).
    if (systemId === undefined) return session.send(pdu.response({ command_status: smpp.ESME_RINVBNDSTS }));
    const messageId = randomUUID();
    // Kept before the answer goes out: once a client hears its message_id, the message is readable here.
    store(pdu, systemId, messageId);
    session.send(pdu.response({ message_id: messageId }));
  });
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => {
    session.send(pdu.response());
    log('unbound', { systemId });
    session.close();
  });
  // Anything else this SMSC does not offer.
  session.on('pdu', (pdu) => {
    const known = [...BIND_COMMANDS, 'submit_sm', 'enquire_link', 'unbind'];
    if (!pdu.isResponse() && !known.includes(pdu.command)) {
      session.send(new smpp.PDU('generic_nack', { sequence_number: pdu.sequence_number, command_status: smpp.ESME_RINVCMDID }));
    }
  });
});

function send(res, status, body, type = 'application/json; charset=utf-8') {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
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
    if (req.method === 'GET' && (url.pathname === '/livez' || url.pathname === '/readyz')) return send(res, 200, 'ok', 'text/plain');
    if (url.pathname === '/api/v1/messages') {
      if (req.method === 'GET') {
        const start = Math.max(0, Number(url.searchParams.get('start') ?? 0) || 0);
        const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50);
        const page = [...messages]
          .reverse()
          .slice(start, start + limit)
          .map(summary);
        return send(res, 200, { total: messages.length, count: page.length, start, messages: page });
      }
      if (req.method === 'DELETE') {
        const text = await readBody(req);
        const ids = text.trim() ? JSON.parse(text).IDs : undefined;
        if (Array.isArray(ids) && ids.length > 0) {
          const doomed = new Set(ids);
          for (let i = messages.length - 1; i >= 0; i--) if (doomed.has(messages[i].ID)) messages.splice(i, 1);
        } else {
          messages.length = 0;
        }
        return send(res, 200, 'ok', 'text/plain');
      }
    }
    return send(res, 404, 'not found', 'text/plain');
  } catch (error) {
    return send(res, 400, String(error?.message ?? error), 'text/plain');
  }
});

await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(SMPP_PORT, HOST, resolve);
});
await new Promise((resolve, reject) => {
  http.once('error', reject);
  http.listen(HTTP_PORT, HOST, resolve);
});
log('listening', { smpp: `${HOST}:${SMPP_PORT}`, http: `http://${HOST}:${HTTP_PORT}` });

function stop(signal) {
  log('stopping', { signal });
  http.close();
  for (const session of [...server.sessions]) session.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
