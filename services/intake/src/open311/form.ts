import type { CaseSubmitter, TenantCharter } from '@civic/domain';
import { z } from 'zod';
import type { FieldProblem } from '../cases/errors';
import { BODY, fieldProblems, mergeProblems } from '@civic/platform';
import type { ReadSubmission, Submission, SubmissionReader } from '../cases/submission';
import { readAttributes, submittedAttributes, type AttributeValues } from './attributes';
import { findService, type ServiceEntry } from './services';

/**
 * POST requests: the form fields of GeoReport v2 (application/x-www-form-urlencoded) read and checked,
 * then turned into the Submission every intake channel delivers. Fields the spec does not name (and
 * api_key, jurisdiction_id) are left alone: clients may send extensions.
 */

/** Where the problem is, as the client sent it. Not personal data of the submitter: it is published by GET requests. */
export interface Open311Location {
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
}

export interface Open311Form {
  service: ServiceEntry;
  location: Open311Location;
  attributes: AttributeValues;
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  /** Echoed in the answer, never stored. */
  account_id?: string;
  /** Accepted and dropped: a device identifier is personal data nobody here needs. */
  device_id?: string;
}

/** Forms send blank fields as "": they mean "not given" (the spec's "Optional Arguments"). */
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max, `must be at most ${max} characters`).optional());
const coordinate = (limit: number) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ invalid_type_error: 'must be a number' })
      .refine(Number.isFinite, 'must be a number')
      .refine((n) => Math.abs(n) <= limit, `must be between -${limit} and ${limit} (WGS84 degrees)`)
      .optional(),
  );

const HTML_TAG = /<\/?[a-z!][^>]*>/i;

const formSchema = z
  .object({
    service_code: z.preprocess(blank, z.string({ required_error: 'is required' }).trim()),
    lat: coordinate(90),
    long: coordinate(180),
    address_string: optionalText(500),
    address_id: optionalText(100),
    email: z.preprocess(blank, z.string().trim().email('must be an e-mail address').max(254, 'must be at most 254 characters').optional()),
    phone: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^\+?[\d\s/().-]{6,40}$/, 'must be a phone number')
        .optional(),
    ),
    first_name: optionalText(100),
    last_name: optionalText(100),
    description: optionalText(4000).refine((text) => text === undefined || !HTML_TAG.test(text), 'may hold line breaks but no HTML'),
    media_url: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(2000, 'must be at most 2000 characters')
        .url('must be an http(s) URL')
        .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL')
        .optional(),
    ),
    account_id: optionalText(200),
    device_id: optionalText(200),
  })
  .passthrough();

type ParsedForm = z.infer<typeof formSchema>;

const given = (value: unknown) => value !== undefined && blank(value) !== undefined;

/** The spec's one required alternative: lat and long together, or address_string, or address_id. */
function locationProblems(body: Record<string, unknown>): FieldProblem[] {
  const [lat, long] = [given(body.lat), given(body.long)];
  if (lat && !long) return [{ field: 'long', reason: 'is required with lat' }];
  if (long && !lat) return [{ field: 'lat', reason: 'is required with long' }];
  if (!lat && !given(body.address_string) && !given(body.address_id)) {
    return [{ field: 'location', reason: 'is required: send lat and long, or address_string, or address_id' }];
  }
  return [];
}

export type ReadForm = { ok: true; form: Open311Form } | { ok: false; problems: FieldProblem[] };

const isRecord = (body: unknown): body is Record<string, unknown> => body !== null && typeof body === 'object' && !Array.isArray(body);

const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The form checked against the spec and the tenant: its service, its attributes, every bad field named. */
export function readOpen311Form(body: unknown, charter: TenantCharter, now: Date): ReadForm {
  if (!isRecord(body)) return { ok: false, problems: [{ field: BODY, reason: 'must be form fields (application/x-www-form-urlencoded)' }] };
  const parsed = formSchema.safeParse(body);
  const problems = mergeProblems(parsed.success ? [] : fieldProblems(parsed.error), locationProblems(body));

  const code = typeof body.service_code === 'string' ? body.service_code.trim() : '';
  const service = code === '' ? undefined : findService(charter, code);
  if (code !== '' && !service) problems.push({ field: 'service_code', reason: `is not a service of ${charter.slug} (see services.json)` });
  const attributes = service ? readAttributes(submittedAttributes(body), service.attributes, charter, now) : undefined;
  if (attributes && !attributes.ok) problems.push(...attributes.problems);

  if (!parsed.success || !service || !attributes?.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, form: formOf(parsed.data, service, attributes.values) };
}

function formOf(parsed: ParsedForm, service: ServiceEntry, attributes: AttributeValues): Open311Form {
  const { lat, long, address_string, address_id, first_name, last_name, email, phone, description, media_url, account_id, device_id } =
    parsed;
  return defined({
    service,
    attributes,
    location: defined({ lat, long, address_string, address_id }),
    first_name,
    last_name,
    email,
    phone,
    description,
    media_url,
    account_id,
    device_id,
  });
}

/** The person behind the form, unless they asked to stay anonymous or gave nothing (then: anonymous). */
function submitterOf(form: Open311Form, language: CaseSubmitter['language']): CaseSubmitter | null {
  if (form.attributes.anonymous) return null;
  const name = [form.first_name, form.last_name].filter((part) => part !== undefined).join(' ');
  const person = defined({ name: name === '' ? undefined : name, email: form.email, phone: form.phone });
  if (Object.keys(person).length === 0) return null;
  return { ...person, ...(form.email ? { preferredChannel: 'email' as const } : {}), language };
}

/**
 * The case's text: the description as written, then what the registrar needs that the case has no field
 * for (where, the photo). Not the service's name: the case has kind and category, and words of ours in
 * the text would meet screening's word lists as if the citizen had written them (a category named
 * „Корупция“ would flag every such case). The text is personal data, encrypted in the case stream.
 */
export function caseText(form: Open311Form): string {
  const { location } = form;
  const lines = ['[Open311]'];
  if (location.address_string !== undefined) lines.push(`Място: ${location.address_string}`);
  if (location.address_id !== undefined) lines.push(`Адрес №: ${location.address_id}`);
  if (location.lat !== undefined && location.long !== undefined) lines.push(`Координати: ${location.lat}, ${location.long}`);
  if (form.media_url !== undefined) lines.push(`Снимка: ${form.media_url}`);
  return form.description === undefined ? lines.join('\n') : `${form.description}\n\n${lines.join('\n')}`;
}

export function submissionOf(form: Open311Form): Submission {
  const language = form.attributes.language ?? 'bg';
  return {
    kind: form.service.kind,
    category: form.service.category.id,
    channel: 'open311',
    submitter: submitterOf(form, language),
    text: caseText(form),
    attachments: [],
    healthSafetyThreat: form.attributes.healthSafetyThreat,
    ...(form.attributes.violationDate === undefined ? {} : { violationDate: form.attributes.violationDate }),
    language,
  };
}

/** Open311's reader for CaseIntakeService: form fields to a Submission, received now. */
export function open311Submissions(charter: TenantCharter, now: Date): SubmissionReader {
  return {
    operation: 'open311-submit',
    read(body): ReadSubmission {
      const read = readOpen311Form(body, charter, now);
      return read.ok ? { ok: true, submission: submissionOf(read.form) } : read;
    },
  };
}
