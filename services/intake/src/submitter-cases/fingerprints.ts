import { createHmac } from 'node:crypto';
import { comparisonKeys } from '@civic/domain';

/**
 * What intake keeps to find a submitter's open cases, all as keyed hashes (HMAC-SHA256) so that the read
 * model holds no personal data in clear (Regulation (EU) 2016/679 art. 25 and 32: pseudonymisation): neither
 * the e-mail or phone, nor the words of the text. The key is the deployment's own (submitter-key.ts); without
 * it a value cannot be tested against a guess.
 */

/** The e-mail as people type it differently: case and spaces do not matter. */
export function normalizedEmail(email: string): string | undefined {
  const value = email.normalize('NFC').trim().toLowerCase();
  return value.includes('@') ? value : undefined;
}

/** A Bulgarian number in its national form: `+359 888 12-34-56`, `00359888123456` and `0888123456` are one. */
export function normalizedPhone(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  const national = digits.replace(/^(00)?359/, '0');
  return national.length >= 6 ? national : undefined;
}

const hmac = (key: Buffer, value: string): string => createHmac('sha256', key).update(value).digest('base64url');

/**
 * The submitter's keys: one per contact given (e-mail, phone). Two cases are the same submitter's when they
 * share one. A name or a postal address alone identifies nobody reliably, so it gives no key.
 */
export function submitterKeys(key: Buffer, submitter: { email?: string; phone?: string } | null): string[] {
  if (!submitter) return [];
  const email = submitter.email === undefined ? undefined : normalizedEmail(submitter.email);
  const phone = submitter.phone === undefined ? undefined : normalizedPhone(submitter.phone);
  return [...(email ? [hmac(key, `email:${email}`)] : []), ...(phone ? [hmac(key, `phone:${phone}`)] : [])];
}

/** The text's comparison keys (the domain's duplicate measure), each hashed: the measure is unchanged. */
export function textFingerprints(key: Buffer, text: string): string[] {
  return [...comparisonKeys(text)].map((word) => hmac(key, `word:${word}`)).sort();
}

/**
 * A person's stable id in a tenant (the data subject across all their submissions): a keyed hash of the tenant
 * and one of their contact keys, so the same verified e-mail or phone always gives the same id and the id
 * gives away neither. Never derived from an ЕГН, which is never a key.
 */
export function personIdOf(key: Buffer, tenant: string, contactKey: string): string {
  return hmac(key, `person:${tenant}:${contactKey}`).slice(0, 32);
}
