import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_BYTES = 20; // 160 bits, well above the 128 the citizen API promises
const GROUP = 4;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** A fresh private tracking code, e.g. `7K3M-Q9ZD-…` (8 groups of 4). Shown once; only its hash is stored. */
export function newTrackingCode(): string {
  const plain = base32(randomBytes(CODE_BYTES));
  return plain.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? plain;
}

/** The code as typed: case, dashes and spaces do not matter, and the letters people confuse are read as meant. */
export function normalizeTrackingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const TRACKING_CODE_LENGTH = 32;

/** The code as it was issued (upper case, groups of four), however it was typed: for links that carry it. */
export function canonicalTrackingCode(typed: string): string {
  const normalized = normalizeTrackingCode(typed);
  return normalized.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? normalized;
}

export function isTrackingCodeShaped(typed: string): boolean {
  const normalized = normalizeTrackingCode(typed);
  return normalized.length === TRACKING_CODE_LENGTH && [...normalized].every((c) => ALPHABET.includes(c));
}

/**
 * What is stored: a SHA-256 of the normalized code. A code has 160 random bits, so neither salt nor a
 * slow hash adds anything: nobody can enumerate them, and the database alone never yields a usable code.
 */
export function hashTrackingCode(typed: string): string {
  return createHash('sha256').update(normalizeTrackingCode(typed)).digest('hex');
}
