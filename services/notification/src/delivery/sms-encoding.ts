import { createHash } from 'node:crypto';

/**
 * How a text becomes SMPP 3.4 submit_sm bodies (pure: no I/O).
 *
 * Alphabet: text that the GSM 03.38 default alphabet can carry goes as data_coding 0 (the SMSC default
 * alphabet), one septet per octet as SMPP carries it; anything else, Cyrillic above all, as UCS2
 * (data_coding 8, UTF-16 big-endian).
 *
 * Length: a long text is split into parts joined by a concatenation UDH (GSM 03.40 §9.2.3.24.1, esm_class
 * UDHI), not sent whole in message_payload. message_payload is optional for an SMSC in SMPP 3.4 and gateways
 * differ in whether and how they segment it; concatenated parts are what every SMSC passes through and every
 * handset joins. The reference number comes from the notification id, so a retry repeats the same parts.
 */

export const DATA_CODING = { gsm: 0x00, ucs2: 0x08 } as const;

/** One octet per septet; the escape (0x1B) is not text. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: escape, then this septet. */
const GSM_EXTENSION: Record<string, number> = {
  '\f': 0x0a,
  '^': 0x14,
  '{': 0x28,
  '}': 0x29,
  '\\': 0x2f,
  '[': 0x3c,
  '~': 0x3d,
  ']': 0x3e,
  '|': 0x40,
  '€': 0x65,
};
const ESCAPE = 0x1b;

/** Octets of a whole message in one submit_sm, and of one part after the 6-octet UDH. */
const LIMITS = {
  gsm: { single: 160, part: 153 },
  ucs2: { single: 140, part: 134 },
} as const;
export const MAX_PARTS = 255;

export interface EncodedSms {
  dataCoding: number;
  /** Each part's short_message, the UDH at its start when there is more than one. */
  parts: Buffer[];
  /** True when the parts carry a UDH: esm_class must have UDHI (0x40) set. */
  concatenated: boolean;
}

function gsmSeptets(character: string): number[] | undefined {
  if (character === '\u001b') return undefined;
  const basic = GSM_BASIC.indexOf(character);
  if (basic >= 0) return [basic];
  const extension = GSM_EXTENSION[character];
  return extension === undefined ? undefined : [ESCAPE, extension];
}

/** The text's characters (code points, so no surrogate pair is cut), each with its octets. */
function characters(text: string): { alphabet: 'gsm' | 'ucs2'; units: Buffer[] } {
  const chars = Array.from(text);
  const gsm = chars.map(gsmSeptets);
  if (gsm.every((septets) => septets !== undefined)) return { alphabet: 'gsm', units: gsm.map((s) => Buffer.from(s ?? [])) };
  return { alphabet: 'ucs2', units: chars.map((c) => Buffer.from(c, 'utf16le').swap16()) };
}

/** A byte from the notification id: the concatenation reference, the same on every attempt. */
export function concatenationReference(id: string): number {
  return createHash('sha256').update(id).digest()[0];
}

export function encodeSms(text: string, reference: number): EncodedSms {
  if (text.length === 0) throw new Error('an SMS needs some text');
  const { alphabet, units } = characters(text);
  const dataCoding = DATA_CODING[alphabet];
  const whole = Buffer.concat(units);
  if (whole.length <= LIMITS[alphabet].single) return { dataCoding, parts: [whole], concatenated: false };

  const chunks: Buffer[][] = [[]];
  let size = 0;
  for (const unit of units) {
    if (size + unit.length > LIMITS[alphabet].part) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1].push(unit);
    size += unit.length;
  }
  if (chunks.length > MAX_PARTS) throw new Error(`the text needs ${chunks.length} parts; an SMS has at most ${MAX_PARTS}`);
  const parts = chunks.map((chunk, i) =>
    Buffer.concat([Buffer.from([0x05, 0x00, 0x03, reference & 0xff, chunks.length, i + 1]), ...chunk]),
  );
  return { dataCoding, parts, concatenated: true };
}

/** SMPP type of number and numbering plan (SMPP 3.4 §5.2.5, §5.2.6). */
export const TON = { unknown: 0, international: 1, alphanumeric: 5 } as const;
export const NPI = { unknown: 0, isdn: 1 } as const;

export interface SmppAddress {
  addr: string;
  ton: number;
  npi: number;
}

/**
 * A recipient's number as SMPP addresses it: `+359 888 123 456` or `00359…` → international `359888123456`;
 * a national `0888…` is passed as given (type unknown) for the SMSC to read in its own country.
 */
export function destinationAddress(phone: string): SmppAddress {
  const compact = phone.replace(/[\s\-().]/g, '');
  const international = /^(\+|00)/.exec(compact);
  const digits = international ? compact.slice(international[0].length) : compact;
  if (!/^\d{3,15}$/.test(digits))
    throw new Error('the phone number is not a number an SMSC can address (3 to 15 digits, optionally after + or 00)');
  return international ? { addr: digits, ton: TON.international, npi: NPI.isdn } : { addr: digits, ton: TON.unknown, npi: NPI.isdn };
}

/** The sender as the handset shows it: a name (alphanumeric, at most 11 characters) or a number. */
export function sourceAddress(source: string): SmppAddress {
  if (/^(\+|00)?\d+$/.test(source.replace(/\s/g, ''))) return destinationAddress(source);
  return { addr: source, ton: TON.alphanumeric, npi: NPI.unknown };
}
