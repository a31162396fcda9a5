import type { AnonymityPolicy } from './policy';
import type { Submitter } from './types';

/**
 * The tenant-defined anonymity test. The law (АПК чл. 111(4)) names no test; municipal practice treats as
 * anonymous a submission without a full name and without an address or a valid contact (LEGAL-SOURCES.md).
 */

export type IdentityPart = 'full-name' | 'address' | 'contact';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Bulgarian numbers run from 6 digits (a local line) to 12 (+359 and a mobile number); allow foreign ones.
const PHONE_DIGITS = { min: 6, max: 15 };

function hasFullName(name: string | undefined, minParts: number): boolean {
  // A part is a word of at least two letters, so initials ("И. Петров") don't make a name full.
  const parts = (name ?? '').split(/\s+/).filter((part) => (part.match(/\p{L}/gu) ?? []).length >= 2);
  return parts.length >= minParts;
}

function hasAddress(address: string | undefined): boolean {
  const text = (address ?? '').trim();
  return text.length >= 5 && /\p{L}/u.test(text);
}

function hasValidContact(submitter: Submitter): boolean {
  const emailOk = EMAIL.test((submitter.email ?? '').trim());
  const phone = (submitter.phone ?? '').trim();
  const digits = phone.replace(/\D/g, '').length;
  const phoneOk = /^\+?[\d\s/().-]+$/.test(phone) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
  return emailOk || phoneOk;
}

/** What the submitter lacks to count as identified under the policy; empty means identified. */
export function missingIdentity(submitter: Submitter | null, policy: AnonymityPolicy): IdentityPart[] {
  const given = submitter ?? {};
  const missing: IdentityPart[] = [];
  if (policy.requireFullName && !hasFullName(given.name, policy.minNameParts)) missing.push('full-name');

  const address = hasAddress(given.address);
  const contact = hasValidContact(given);
  const rule = policy.requireReachableBy;
  switch (rule) {
    case 'nothing':
      break;
    case 'address':
      if (!address) missing.push('address');
      break;
    case 'contact':
      if (!contact) missing.push('contact');
      break;
    case 'address-or-contact':
      if (!address && !contact) missing.push('address', 'contact');
      break;
    case 'address-and-contact':
      if (!address) missing.push('address');
      if (!contact) missing.push('contact');
      break;
    default: {
      const unhandled: never = rule;
      throw new Error(`Unhandled reachability rule: ${String(unhandled)}`);
    }
  }
  return missing;
}
