import {
  IN_PERSON_WITH_OFFICIAL,
  type AttachmentMeta,
  type CaseSubmitter,
  type Channel,
  type Instant,
  type IsoDate,
  type Kind,
  type Language,
  type Official,
  type TenantCharter,
} from '@civic/domain';
import type { z } from 'zod';
import type { FieldProblem } from './errors';
import { fieldProblems } from '@civic/platform';
import { citizenSubmissionSchema, staffSubmissionSchema, type CitizenSubmission, type StaffSubmission } from './submission.schema';

/** A submission as every channel delivers it to the service, whatever shape it arrived in. */
export interface Submission {
  kind: Kind;
  category: string;
  channel: Channel;
  /** When it arrived; absent: it arrives now (the web form, Open311), and the first attempt's time is kept. */
  receivedAt?: Instant;
  /** null: anonymous. */
  submitter: CaseSubmitter | null;
  text: string;
  attachments: AttachmentMeta[];
  healthSafetyThreat: boolean;
  violationDate?: IsoDate;
  language: Language;
  /** Who received it in person (reception days, meetings with the leadership). */
  receivedBy?: Official;
}

export type ReadSubmission = { ok: true; submission: Submission } | { ok: false; problems: FieldProblem[] };

/**
 * Turns one channel's request body into a Submission, or names every bad field. The web form and the
 * registrar's screen have one each; Open311 will bring its own (form fields to a Submission).
 */
export interface SubmissionReader {
  /** Names the operation in idempotency fingerprints, so one key cannot serve two kinds of request. */
  readonly operation: string;
  read(body: unknown): ReadSubmission;
}

type Parsed = StaffSubmission | CitizenSubmission;

function toSubmission(parsed: Parsed, channel: Channel, receivedAt?: Instant, receivedBy?: Official): Submission {
  const language = parsed.language ?? parsed.submitter?.language ?? 'bg';
  const submitter: CaseSubmitter | null = parsed.submitter
    ? { ...dropUndefined(parsed.submitter), language: parsed.submitter.language ?? language }
    : null;
  return {
    kind: parsed.kind,
    category: parsed.category,
    channel,
    ...(receivedAt === undefined ? {} : { receivedAt }),
    submitter,
    text: parsed.text,
    attachments: parsed.attachments,
    healthSafetyThreat: parsed.healthSafetyThreat,
    ...(parsed.violationDate === undefined ? {} : { violationDate: parsed.violationDate }),
    language,
    ...(receivedBy === undefined ? {} : { receivedBy }),
  };
}

/** Keeps stored shapes free of `undefined` keys (they would not survive JSON, and fingerprints must be stable). */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function reader<S extends z.ZodTypeAny>(operation: string, schema: S, convert: (parsed: z.infer<S>) => Submission): SubmissionReader {
  return {
    operation,
    read(body) {
      const result = schema.safeParse(body);
      return result.success ? { ok: true, submission: convert(result.data) } : { ok: false, problems: fieldProblems(result.error) };
    },
  };
}

/** A registrar enters what arrived on any channel, with its time of receipt. */
export const staffSubmissions: SubmissionReader = reader('staff-register', staffSubmissionSchema, (parsed: StaffSubmission) =>
  toSubmission(parsed, parsed.channel, parsed.receivedAt, parsed.receivedBy),
);

/** A citizen submits through the municipality's web form: received now. */
export const citizenSubmissions: SubmissionReader = reader('citizen-submit', citizenSubmissionSchema, (parsed: CitizenSubmission) =>
  toSubmission(parsed, 'web-form'),
);

/** The fields the tenant's charter decides on, as far as they could be read from the body. */
export interface CharterFields {
  kind?: unknown;
  category?: unknown;
  language?: unknown;
  channel?: unknown;
  receivedBy?: unknown;
}

/** The platform's own channels: every tenant it serves receives through its web form and Open311. */
const PLATFORM_CHANNELS: readonly Channel[] = ['web-form', 'open311'];

/**
 * What the tenant's charter says about the submission: its category must be one of the tenant's and fit
 * the kind, and its language one the tenant offers. Works on a raw body too, so these problems are
 * reported together with the shape's.
 */
export function charterProblems(fields: CharterFields, charter: TenantCharter): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof fields.category === 'string' && fields.category.trim() !== '') {
    const category = charter.categories.find((c) => c.id === fields.category);
    if (!category) {
      const known = charter.categories.map((c) => c.id).join(', ');
      problems.push({ field: 'category', reason: `is not a category of ${charter.slug}; one of: ${known}` });
    } else if (typeof fields.kind === 'string' && !(category.kinds as readonly string[]).includes(fields.kind)) {
      problems.push({ field: 'category', reason: `"${category.id}" takes only: ${category.kinds.join(', ')}` });
    }
  }
  if (typeof fields.language === 'string' && !(charter.languages as readonly string[]).includes(fields.language)) {
    problems.push({ field: 'language', reason: `${charter.slug} answers in: ${charter.languages.join(', ')}` });
  }
  if (typeof fields.channel === 'string') problems.push(...channelProblems(fields.channel, fields.receivedBy, charter));
  return problems;
}

/**
 * The channels the tenant's charter offers (and the platform's own): a submission by any other is refused,
 * naming the channel. A reception day names who received it (Sopot's charter: the mayor, the deputy mayor,
 * the secretary); only in-person channels with an official name one.
 */
function channelProblems(channel: string, receivedBy: unknown, charter: TenantCharter): FieldProblem[] {
  const offered: string[] = [...new Set([...charter.channels.map((entry) => entry.channel), ...PLATFORM_CHANNELS])];
  if (!offered.includes(channel))
    return [{ field: 'channel', reason: `${charter.slug} does not receive by "${channel}"; its channels: ${offered.join(', ')}` }];
  const withOfficial = (IN_PERSON_WITH_OFFICIAL as readonly string[]).includes(channel);
  if (channel === 'reception-day' && receivedBy === undefined) {
    return [{ field: 'receivedBy', reason: 'is required on a reception day: mayor, deputy-mayor or secretary' }];
  }
  if (!withOfficial && receivedBy !== undefined) {
    return [{ field: 'receivedBy', reason: `is only for ${IN_PERSON_WITH_OFFICIAL.join(' and ')}` }];
  }
  return [];
}

/**
 * A letter opened today may have come yesterday, but nothing arrives from the future. Takes a raw value
 * too (when the body as a whole did not parse): anything that is not a readable time is the schema's to name.
 */
export function receiptProblems(receivedAt: unknown, now: Instant): FieldProblem[] {
  if (typeof receivedAt !== 'string') return [];
  const at = Date.parse(receivedAt);
  if (Number.isNaN(at) || at <= Date.parse(now)) return [];
  return [{ field: 'receivedAt', reason: `is in the future (now it is ${now})` }];
}

/** The fields checked against the charter and the clock, read from a body that did not parse as a whole. */
export function looseFieldsOf(body: unknown): CharterFields & { receivedAt?: unknown } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const { kind, category, language, receivedAt, channel, receivedBy } = body as Record<string, unknown>;
  return { kind, category, language, receivedAt, channel, receivedBy };
}
