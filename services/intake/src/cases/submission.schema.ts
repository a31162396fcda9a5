import { CHANNELS, isIsoDate, KINDS, LANGUAGES, OFFICIALS } from '@civic/domain';
import { z } from 'zod';

/**
 * What a submission must look like, whoever sends it (a registrar, a citizen, later an Open311 client).
 * The tenant's own rules (its categories, its languages) and the clock are checked by the service,
 * which reports them together with these (case-intake.service.ts).
 */

/** Web forms send blank fields as "": they mean "not given". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An optional field of the submitter where "" counts as left out (outer `.optional()` keeps it optional in OpenAPI). */
const optionalField = (schema: z.ZodString) => z.preprocess(blankToUndefined, schema.optional()).optional();

/** An ISO-8601 instant with a zone (`Z` or an offset), stored as UTC with `Z`. */
export const instantSchema = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO-8601 date and time with a zone, e.g. 2026-03-02T09:15:00Z' })
  .transform((value) => new Date(value).toISOString());

/** The earliest receipt a registrar may record. */
const EARLIEST_RECEIPT = '2000-01-01T00:00:00.000Z';

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a calendar date YYYY-MM-DD' });

export const attachmentSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters'),
    mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as application/pdf'),
    size: z.number().int('must be a whole number of bytes').nonnegative('cannot be negative'),
  })
  .strict()
  .describe('An attachment is described, never carried: the file lives in object storage.');

export const submitterSchema = z
  .object({
    name: optionalField(z.string().trim().max(200, 'must be at most 200 characters')),
    email: optionalField(z.string().trim().email('must be an e-mail address').max(254, 'must be at most 254 characters')),
    phone: optionalField(
      z
        .string()
        .trim()
        .regex(/^\+?[\d\s/().-]{6,40}$/, 'must be a phone number'),
    ),
    address: optionalField(z.string().trim().max(500, 'must be at most 500 characters')),
    preferredChannel: z.enum(CHANNELS).optional().describe('How the submitter wants to be answered.'),
    language: z.enum(LANGUAGES).optional().describe("The language to write to them in; default: the submission's."),
  })
  .strict()
  .refine((s) => [s.name, s.email, s.phone, s.address].some((part) => part !== undefined), {
    message: 'give at least a name, an e-mail, a phone or an address, or send "anonymous": true instead',
  });

/** The parts every channel shares. */
const submissionShape = {
  kind: z.enum(KINDS),
  category: z
    .string()
    .trim()
    .min(1, 'is required')
    .describe("One of the tenant's category ids (its charter's `categories`), fitting the kind."),
  submitter: submitterSchema.optional(),
  anonymous: z.boolean().optional().describe('true: nobody is named; then `submitter` must be left out.'),
  text: z.string().trim().min(1, 'is required').max(20_000, 'must be at most 20000 characters'),
  attachments: z.array(attachmentSchema).max(20, 'at most 20 attachments').default([]),
  healthSafetyThreat: z
    .boolean()
    .default(false)
    .describe("The problem threatens citizens' health or safety: examined even when anonymous."),
  violationDate: isoDateSchema.optional().describe('When the reported violation happened, if known (signals).'),
  language: z.enum(LANGUAGES).optional().describe("The submission's language; default: the submitter's, else bg."),
};

type SubmissionShape = { submitter?: unknown; anonymous?: boolean };

/** Either a submitter or `anonymous: true`, never both and never neither. */
function submitterOrAnonymous(value: SubmissionShape, ctx: z.RefinementCtx): void {
  if (value.anonymous === true && value.submitter !== undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['anonymous'], message: 'an anonymous submission names no submitter' });
  }
  if (value.anonymous !== true && value.submitter === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['submitter'], message: 'is required unless "anonymous": true' });
  }
}

/** A citizen's own submission: received now, through the web form. */
export const citizenSubmissionSchema = z.object(submissionShape).strict().superRefine(submitterOrAnonymous);

/** A registrar's entry of a submission received on any channel, at any past moment. */
export const staffSubmissionSchema = z
  .object({
    ...submissionShape,
    channel: z.enum(CHANNELS),
    receivedAt: instantSchema
      // A typo in the year (0026 for 2026) would file a case in a registry year nobody keeps.
      .refine((instant) => instant >= EARLIEST_RECEIPT, { message: `must not be before ${EARLIEST_RECEIPT.slice(0, 10)}` })
      .describe('When it arrived (a letter opened today may have come yesterday); never in the future, never before 2000.'),
    receivedBy: z
      .enum(OFFICIALS)
      .optional()
      .describe('Who received it in person: required for a reception day, allowed for a meeting with the leadership.'),
  })
  .strict()
  .superRefine(submitterOrAnonymous);

export type CitizenSubmission = z.infer<typeof citizenSubmissionSchema>;
export type StaffSubmission = z.infer<typeof staffSubmissionSchema>;
