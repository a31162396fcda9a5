import PostalMime from 'postal-mime';
import { eventually } from './eventually';
import { dockerAnswers, fromEnvironment, MissingServerError } from './servers';

/**
 * The mail server the tests read: the local mail catcher (`infra/local/servers.sh up` starts it, see
 * infra/local/mail-server.mjs) or Mailpit, which has the same HTTP API. Found like the other servers:
 * SMTP_URL and MAIL_API_URL from the environment or `.local/env.sh`, else a Mailpit container when a
 * Docker engine answers, else an error saying how to start the local servers.
 *
 * The box is shared by every test running at the time: read only the messages of your own recipients
 * (`messagesTo`), and never empty the box.
 */
export interface MailServer {
  /** For the service under test, e.g. `smtp://127.0.0.1:1025`. */
  smtpUrl: string;
  /** Mailpit's HTTP API, e.g. `http://127.0.0.1:8025`. */
  apiUrl: string;
}

/** One message as the server lists it (Mailpit's summary fields). */
export interface MailSummary {
  ID: string;
  MessageID: string;
  From: { Name: string; Address: string };
  To: { Name: string; Address: string }[];
  Subject: string;
  Created: string;
  Size: number;
  Attachments: number;
}

export interface MailAttachment {
  filename: string | null;
  mimeType: string;
  content: Buffer;
}

/** A message read raw from the server and parsed (postal-mime): what a mail client would show. */
export interface MailMessage {
  id: string;
  /** Without the angle brackets, as Mailpit lists it. */
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
  attachments: MailAttachment[];
  /** Header names lower-cased; the last value of a repeated header. */
  headers: Record<string, string>;
  raw: string;
}

const START_HINT = 'start the local servers with `bash infra/local/servers.sh up` (it starts the mail server too)';

let found: Promise<MailServer> | undefined;

/** Where the mail server is (see above); the same answer for the whole test process. */
export function mailServer(): Promise<MailServer> {
  found ??= (async () => {
    const smtpUrl = fromEnvironment('SMTP_URL');
    const apiUrl = fromEnvironment('MAIL_API_URL');
    if (smtpUrl && apiUrl) return { smtpUrl, apiUrl: apiUrl.replace(/\/$/, '') };
    if (await dockerAnswers()) {
      const { GenericContainer, Wait } = await import('testcontainers');
      const c = await new GenericContainer('axllent/mailpit:v1.27')
        .withEnvironment({ MP_MAX_MESSAGES: '5000' })
        .withExposedPorts(1025, 8025)
        .withWaitStrategy(Wait.forHttp('/readyz', 8025))
        .withReuse()
        .start();
      return { smtpUrl: `smtp://${c.getHost()}:${c.getMappedPort(1025)}`, apiUrl: `http://${c.getHost()}:${c.getMappedPort(8025)}` };
    }
    throw new MissingServerError('mail server', 'SMTP_URL and MAIL_API_URL', START_HINT);
  })();
  return found;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Every message in the box, newest first (all pages). */
export async function listMail(): Promise<MailSummary[]> {
  const { apiUrl } = await mailServer();
  const all: MailSummary[] = [];
  const limit = 1000;
  for (let start = 0; ; start += limit) {
    const page = await getJson<{ total: number; messages: MailSummary[] }>(`${apiUrl}/api/v1/messages?start=${start}&limit=${limit}`);
    all.push(...page.messages);
    if (page.messages.length < limit || all.length >= page.total) return all;
  }
}

/** One message, raw from the server, parsed. */
export async function readMail(id: string): Promise<MailMessage> {
  const { apiUrl } = await mailServer();
  const response = await fetch(`${apiUrl}/api/v1/message/${encodeURIComponent(id)}/raw`);
  if (!response.ok) throw new Error(`message ${id}: the server answered ${response.status}`);
  const raw = await response.text();
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'base64' });
  const headers: Record<string, string> = {};
  for (const header of email.headers) headers[header.key.toLowerCase()] = header.value;
  return {
    id,
    messageId: (email.messageId ?? '').replace(/^<|>$/g, ''),
    from: email.from?.address ?? '',
    to: (email.to ?? []).flatMap((to) => ('address' in to && to.address ? [to.address] : [])),
    subject: email.subject ?? '',
    text: email.text ?? '',
    html: email.html,
    attachments: email.attachments.map((a) => ({
      filename: a.filename,
      mimeType: a.mimeType,
      content: Buffer.from(a.content as string, 'base64'),
    })),
    headers,
    raw,
  };
}

const addressedTo = (summary: MailSummary, address: string) => summary.To.some((to) => to.Address.toLowerCase() === address.toLowerCase());

/** The messages to this address, oldest first, read and parsed. */
export async function messagesTo(address: string): Promise<MailMessage[]> {
  const mine = (await listMail()).filter((summary) => addressedTo(summary, address)).reverse();
  return Promise.all(mine.map((summary) => readMail(summary.ID)));
}

/**
 * Waits until `address` has at least `count` messages (default 1), optionally only those `matching`;
 * resolves with them, oldest first. The error names the address and what arrived.
 */
export async function waitForMail(
  address: string,
  {
    count = 1,
    matching = () => true,
    timeoutMs = 30_000,
  }: { count?: number; matching?: (message: MailMessage) => boolean; timeoutMs?: number } = {},
): Promise<MailMessage[]> {
  const messages = await eventually(
    async () => (await messagesTo(address)).filter(matching),
    (found) => found.length >= count,
    { timeoutMs, intervalMs: 250, what: `${count} message(s) to ${address}` },
  );
  return messages;
}
