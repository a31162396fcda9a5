import type { Kind, Language } from '@civic/domain';
import type { Problem } from '../i18n';
import type { TenantGuide } from '../tenants/guide';

/** The form's controls, by their `name`: the same names the pages render and PORTAL.md lists. */
export const FIELDS = [
  'category',
  'text',
  'violationDate',
  'healthSafetyThreat',
  'anonymous',
  'name',
  'email',
  'phone',
  'address',
  'preferredChannel',
  'language',
  'attachments',
] as const;
export type FormField = (typeof FIELDS)[number];

export const ANSWER_CHANNELS = ['email', 'phone', 'post'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** What the citizen typed, as typed (trimmed), to fill the form again when it is sent back. */
export interface SubmissionValues {
  category: string;
  text: string;
  violationDate: string;
  healthSafetyThreat: boolean;
  anonymous: boolean;
  name: string;
  email: string;
  phone: string;
  address: string;
  preferredChannel: string;
  language: string;
}

/** A file as the upload storage kept it: its bytes only when it was within the tenant's limit. */
export interface UploadedFile {
  name: string;
  mediaType: string;
  size: number;
  /** Empty when `tooLarge`: the bytes beyond the limit were never kept. */
  buffer: Buffer;
  tooLarge: boolean;
}

/** intake's submission body (services/intake `citizenSubmissionSchema`), without `attachments`: C1 sends files as parts. */
export interface SubmissionBody {
  kind: Kind;
  category: string;
  text: string;
  healthSafetyThreat: boolean;
  language: Language;
  violationDate?: string;
  anonymous?: true;
  submitter?: {
    name?: string;
    email?: string;
    phone?: string;
    address?: string;
    preferredChannel?: AnswerChannel;
    language: Language;
  };
}

export type ReadForm = { values: SubmissionValues; problems: Problem[]; submission?: SubmissionBody };

/** intake's limits (services/intake `submission.schema.ts`), checked here first so the citizen hears of them at once. */
export const LIMITS = { text: 20_000, name: 200, email: 254, address: 500, reply: 20_000, comment: 2_000 } as const;

// intake's own patterns, and at least 6 digits: the shortest Bulgarian number (a local line) has 6.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s/().-]{6,40}$/;
const PHONE_DIGITS = { min: 6, max: 15 };

const text = (body: Record<string, unknown>, name: string): string => {
  const value = body[name];
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === 'string' ? single.trim() : '';
};

export function validEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function validPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

/**
 * A calendar date as people type it: 2026-03-27 (what a date input sends), or 27.03.2026 as Bulgarians write it
 * (also with / or -). The same date as YYYY-MM-DD, or undefined when it is not a real date.
 */
export function readDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export function emptyValues(language: Language): SubmissionValues {
  return {
    category: '',
    text: '',
    violationDate: '',
    healthSafetyThreat: false,
    anonymous: false,
    name: '',
    email: '',
    phone: '',
    address: '',
    preferredChannel: '',
    language,
  };
}

export function valuesOf(body: Record<string, unknown>, pageLanguage: Language): SubmissionValues {
  return {
    category: text(body, 'category'),
    text: text(body, 'text'),
    violationDate: text(body, 'violationDate'),
    healthSafetyThreat: text(body, 'healthSafetyThreat') === 'yes',
    anonymous: text(body, 'anonymous') === 'yes',
    name: text(body, 'name'),
    email: text(body, 'email'),
    phone: text(body, 'phone'),
    address: text(body, 'address'),
    preferredChannel: text(body, 'preferredChannel'),
    language: text(body, 'language') || pageLanguage,
  };
}

/**
 * Reads a submitted form: what the portal can check itself (as intake would, and what the charter's
 * rules on anonymity ask of this kind), and the body for intake when nothing is wrong.
 */
export function readSubmissionForm(input: {
  body: Record<string, unknown>;
  files: UploadedFile[];
  kind: Kind;
  guide: TenantGuide;
  pageLanguage: Language;
}): ReadForm {
  const { kind, guide, files } = input;
  const values = valuesOf(input.body, input.pageLanguage);
  const problems: Problem[] = [];
  const anonymity = guide.anonymityOf(kind);
  const anonymous = anonymity.kind !== 'not-offered' && values.anonymous;

  const categories = guide.categoriesFor(kind).map((category) => category.id);
  if (values.category === '') problems.push({ field: 'category', key: 'categoryRequired' });
  else if (!categories.includes(values.category)) problems.push({ field: 'category', key: 'categoryInvalid' });

  if (values.text === '') problems.push({ field: 'text', key: 'textRequired' });
  else if (values.text.length > LIMITS.text) problems.push({ field: 'text', key: 'textTooLong', args: [LIMITS.text] });

  let violationDate: string | undefined;
  if (guide.asksViolationDate(kind) && values.violationDate !== '') {
    violationDate = readDate(values.violationDate);
    if (!violationDate) problems.push({ field: 'violationDate', key: 'violationDateInvalid' });
  }

  const given = [values.name, values.email, values.phone, values.address].some((part) => part !== '');
  if (anonymous && given) problems.push({ field: 'anonymous', key: 'anonymousWithDetails' });
  if (!anonymous) problems.push(...contactProblems(values, anonymity.kind === 'not-offered' ? kind : undefined));

  const channel = values.preferredChannel;
  if (channel !== '' && !(ANSWER_CHANNELS as readonly string[]).includes(channel)) {
    problems.push({ field: 'preferredChannel', key: 'choiceInvalid' });
  }
  if (!(guide.languages as readonly string[]).includes(values.language)) problems.push({ field: 'language', key: 'choiceInvalid' });

  problems.push(...fileProblems(files, guide));
  if (problems.length > 0) return { values, problems };

  const language = values.language as Language;
  const submission: SubmissionBody = {
    kind,
    category: values.category,
    text: values.text,
    healthSafetyThreat: guide.asksAboutThreat(kind) && values.healthSafetyThreat,
    language,
    ...(violationDate ? { violationDate } : {}),
  };
  if (anonymous) return { values, problems, submission: { ...submission, anonymous: true } };
  const submitter: SubmissionBody['submitter'] = { language };
  if (values.name) submitter.name = values.name;
  if (values.email) submitter.email = values.email;
  if (values.phone) submitter.phone = values.phone;
  if (values.address) submitter.address = values.address;
  if (channel) submitter.preferredChannel = channel as AnswerChannel;
  return { values, problems, submission: { ...submission, submitter } };
}

/**
 * The person's details: each in its format, enough of them to reach the person, and the one the chosen
 * answer channel needs. `namedKind`: a kind the law wants named (ЗДОИ чл. 25(1): the requester and an address
 * for correspondence; ЗЗЛПСПОИН: the reporter and a way to reach them).
 */
function contactProblems(values: SubmissionValues, namedKind: Kind | undefined): Problem[] {
  const problems: Problem[] = [];
  if (values.name.length > LIMITS.name) problems.push({ field: 'name', key: 'nameTooLong' });
  if (values.email !== '' && !validEmail(values.email)) problems.push({ field: 'email', key: 'emailInvalid' });
  else if (values.email.length > LIMITS.email) problems.push({ field: 'email', key: 'emailTooLong' });
  if (values.phone !== '' && !validPhone(values.phone)) problems.push({ field: 'phone', key: 'phoneInvalid' });
  if (values.address.length > LIMITS.address) problems.push({ field: 'address', key: 'addressTooLong' });

  const has = (field: FormField) => problems.some((problem) => problem.field === field);
  if (namedKind !== undefined) {
    if (values.name === '') problems.push({ field: 'name', key: 'fullNameRequired' });
    if (namedKind === 'public-information-request' && values.address === '' && values.email === '') {
      problems.push({ field: 'address', key: 'correspondenceMissing' });
    }
    if (namedKind !== 'public-information-request' && values.address === '' && values.email === '' && values.phone === '') {
      problems.push({ field: 'email', key: 'reachMissing' });
    }
  } else if ([values.name, values.email, values.phone, values.address].every((part) => part === '')) {
    problems.push({ field: 'name', key: 'identityMissing' });
  }

  const needs = {
    email: ['email', 'channelNeedsEmail'],
    phone: ['phone', 'channelNeedsPhone'],
    post: ['address', 'channelNeedsAddress'],
  } as const;
  const need = needs[values.preferredChannel as AnswerChannel] as (typeof needs)[AnswerChannel] | undefined;
  if (need && values[need[0]] === '' && !has(need[0])) problems.push({ field: need[0], key: need[1] });
  return problems;
}

/** The tenant's limits (C2): how many files, how large each, none empty. Their types are judged by intake, by content. */
export function fileProblems(files: UploadedFile[], guide: TenantGuide): Problem[] {
  const { maxFiles, maxBytesPerFile } = guide.attachmentLimits;
  const problems: Problem[] = [];
  if (files.length > maxFiles) problems.push({ field: 'attachments', key: 'filesTooMany', args: [maxFiles] });
  for (const file of files) {
    if (file.tooLarge || file.size > maxBytesPerFile) {
      problems.push({ field: 'attachments', key: 'fileTooLarge', args: [file.name, { bytes: maxBytesPerFile }] });
    } else if (file.size === 0) {
      problems.push({ field: 'attachments', key: 'fileEmpty', args: [file.name] });
    }
  }
  return problems;
}
