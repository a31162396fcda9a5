import { eventually } from './eventually';
import { fromEnvironment } from './servers';

/**
 * The SMPP server the tests read: the local SMSC (`infra/local/servers.sh up` starts it, see
 * infra/local/smpp-server.mjs), found through SMPP_URL and SMPP_API_URL in the environment or `.local/env.sh`.
 * There is no container to fall back on (no maintained SMSC simulator image was found): without them a test fails
 * saying how to start it, never skips.
 *
 * The box is shared by every test running at the time: read only the messages to your own numbers
 * (`uniquePhone`, `smsTo`), and never empty the box.
 */
export interface SmppServer {
  /** For the service under test, e.g. `smpp://127.0.0.1:2775`. */
  smppUrl: string;
  /** The server's HTTP API, e.g. `http://127.0.0.1:8026`. */
  apiUrl: string;
}

/** One text message as the server keeps it, its concatenated parts joined. */
export interface SmsMessage {
  ID: string;
  SystemId: string;
  From: { Address: string; Ton: number; Npi: number };
  To: { Address: string; Ton: number; Npi: number };
  Text: string;
  /** 0: the SMSC default (GSM) alphabet; 8: UCS2. */
  DataCoding: number;
  Parts: number;
  ExpectedParts: number;
  /** Every part the UDH announced has arrived. */
  Complete: boolean;
  /** The message_id the server answered each part's submit_sm with. */
  MessageIds: string[];
  Created: string;
}

export class MissingSmppServerError extends Error {
  constructor() {
    super(
      'No SMPP server for this test: SMPP_URL and SMPP_API_URL are not set (nor in .local/env.sh). Start the local servers ' +
        'with `bash infra/local/servers.sh up` (it starts the SMPP server too), or only it with `bash infra/local/smpp.sh up`.',
    );
    this.name = 'MissingSmppServerError';
  }
}

/** Where the SMPP server is (see above). */
export async function smppServer(): Promise<SmppServer> {
  const smppUrl = fromEnvironment('SMPP_URL');
  const apiUrl = fromEnvironment('SMPP_API_URL');
  if (!smppUrl || !apiUrl) throw new MissingSmppServerError();
  return { smppUrl, apiUrl: apiUrl.replace(/\/$/, '') };
}

/** A Bulgarian mobile number of this test's own: +359 8 and eight random digits. */
export function uniquePhone(): string {
  return `+3598${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** The digits the SMSC is given for a number written any common way (`+359 888…`, `00359888…`). */
const digitsOf = (phone: string) => phone.replace(/\D/g, '').replace(/^00/, '');

/** Every message the server holds, newest first (all pages). */
export async function listSms(): Promise<SmsMessage[]> {
  const { apiUrl } = await smppServer();
  const all: SmsMessage[] = [];
  const limit = 1000;
  for (let start = 0; ; start += limit) {
    const url = `${apiUrl}/api/v1/messages?start=${start}&limit=${limit}`;
    const response = await fetch(url).catch((error: unknown) => {
      throw new Error(`the SMPP server's API does not answer at ${url} (${String(error)}); is it running? See infra/local/smpp.sh`);
    });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    const page = (await response.json()) as { total: number; messages: SmsMessage[] };
    all.push(...page.messages);
    if (page.messages.length < limit || all.length >= page.total) return all;
  }
}

/** The messages to this number, oldest first. */
export async function smsTo(phone: string): Promise<SmsMessage[]> {
  const digits = digitsOf(phone);
  return (await listSms()).filter((message) => message.To.Address === digits).reverse();
}

/**
 * Waits until `phone` has at least `count` complete messages (default 1), optionally only those `matching`;
 * resolves with them, oldest first. The error names the number and what arrived.
 */
export async function waitForSms(
  phone: string,
  {
    count = 1,
    matching = () => true,
    timeoutMs = 30_000,
  }: { count?: number; matching?: (message: SmsMessage) => boolean; timeoutMs?: number } = {},
): Promise<SmsMessage[]> {
  return eventually(
    async () => (await smsTo(phone)).filter((message) => message.Complete && matching(message)),
    (found) => found.length >= count,
    { timeoutMs, intervalMs: 250, what: `${count} text message(s) to ${phone}` },
  );
}
