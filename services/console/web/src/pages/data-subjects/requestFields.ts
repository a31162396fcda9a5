import { VERIFICATION_METHODS, type DataSubjectRequest, type PersonCase, type VerificationMethod } from '../../api/dataSubjects';

/** The form's fields, in the order they take the focus when one needs correcting. */
export const REQUEST_FIELDS = ['email', 'phone', 'method', 'reference'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

export interface RequestValues {
  email: string;
  phone: string;
  method: VerificationMethod | '';
  reference: string;
}

/** What is wrong with a field, as a key of dataSubjects.errors (the page words it in the person's language). */
export type RequestProblem = 'contactRequired' | 'email' | 'phone' | 'methodRequired' | 'referenceRequired' | 'referenceTooLong';
export type RequestProblems = Partial<Record<RequestField, RequestProblem>>;

export const MAX_REFERENCE = 500;
// Loose on purpose, as intake reads them (privacy/privacy.schema.ts): the service has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{6,20}$/;

export const blankRequest = (): RequestValues => ({ email: '', phone: '', method: '', reference: '' });

/** The form's own checks: an e-mail or a phone, how the person was verified, and where the proof is filed. */
export function requestProblems(values: RequestValues): RequestProblems {
  const found: RequestProblems = {};
  const email = values.email.trim();
  const phone = values.phone.trim();
  if (email === '' && phone === '') found.email = 'contactRequired';
  if (email !== '' && !EMAIL.test(email)) found.email = 'email';
  if (phone !== '' && !PHONE.test(phone)) found.phone = 'phone';
  if (values.method === '') found.method = 'methodRequired';
  const reference = values.reference.trim();
  if (reference === '') found.reference = 'referenceRequired';
  else if (reference.length > MAX_REFERENCE) found.reference = 'referenceTooLong';
  return found;
}

/** The body intake takes for search, export and erasure; only a contact that was given is sent. */
export function requestBody(values: RequestValues): DataSubjectRequest {
  const email = values.email.trim();
  const phone = values.phone.trim();
  return {
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    verification: { method: values.method as VerificationMethod, reference: values.reference.trim() },
  };
}

/** The form field a path in intake's 400 names (`verification` alone means none was given), if it is one. */
export function requestFieldOf(path: string): RequestField | undefined {
  if (path === 'email' || path === 'phone') return path;
  if (path === 'verification' || path === 'verification.method') return 'method';
  if (path === 'verification.reference') return 'reference';
  return undefined;
}

export const isVerificationMethod = (value: string): value is VerificationMethod =>
  (VERIFICATION_METHODS as readonly string[]).includes(value);

/** Whether a case may be chosen for erasure: finished (closed or withdrawn) and not erased already. */
export type Erasability = 'erasable' | 'open' | 'erased';

export function erasability(entry: PersonCase): Erasability {
  if (entry.erasedAt !== null) return 'erased';
  return entry.open ? 'open' : 'erasable';
}
