import { CASE_EVENT_TYPES, NO_PROCEEDINGS_GROUNDS, KINDS, CHANNELS, OFFICIALS } from '@civic/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/**
 * Shapes of intake's answers, for the OpenAPI document only (the service builds them as typed objects).
 * Kept beside each other so the document and the code are read together.
 */

const localized = z.object({ bg: z.string(), en: z.string() });
const fieldProblem = z.object({
  field: z
    .string()
    .describe(
      'A dotted path into the body (`submitter.email`), a header (`Idempotency-Key`), a file (`attachments[0]`), or `tenant`, `caseId`, `trackingCode`, `body`.',
    ),
  reason: z.string(),
  code: z
    .enum(['attachment-too-large', 'attachment-type-not-allowed', 'attachment-empty', 'attachment-infected', 'too-many-attachments'])
    .optional()
    .describe("A refused file's problem, for clients to act on (the submission's files only)."),
});

export class ErrorBodyDto extends createZodDto(
  z.object({
    statusCode: z.number().int(),
    errors: z.array(fieldProblem).describe('Every bad field, not just the first.'),
    rejection: z
      .object({ type: z.string(), message: localized })
      .optional()
      .describe("The case decider's named rejection, with its facts and a Bulgarian and English message."),
    currentRevision: z.number().int().optional().describe('412 only: the revision the case is at now (also its ETag).'),
  }),
) {}

const screeningSummary = z.object({
  outcome: z.enum(['proceed', 'no-proceedings', 'needs-registrar']).describe("Screening's proposal."),
  action: z
    .enum(['accepted', 'flagged-for-registrar'])
    .describe('What the platform did: it accepts clear cases and leaves every other one, no-proceedings included, to a registrar.'),
  reasons: z.array(
    z.object({
      code: z.string(),
      reason: localized,
      source: z.string().optional().describe("The law's article or the charter's clause; absent where neither says it."),
    }),
  ),
  flags: z.array(
    z.object({
      code: z.string(),
      reason: localized,
      source: z.string().optional().describe("The law's article or the charter's clause; absent where neither says it."),
    }),
  ),
});

const caseStatus = z.string().describe('The case status: Registered, Flagged, Accepted, NoProceedings, …');

export class RegistrationResponseDto extends createZodDto(
  z.object({
    caseId: z.string().uuid(),
    registryNumber: z.string().describe('`<prefix>-<year of receipt>-<6 digits>`, e.g. PSH-2026-000123.'),
    trackingCode: z
      .string()
      .optional()
      .describe(
        "The private code to follow the case: always for a citizen's own submission; for a registrar's registration when the person left an e-mail, phone or address (tell them the code; the acknowledgement carries it too). Shown in this answer only, never in a staff view, and to the public again only while a retry is a retry: the same Idempotency-Key (kept 24 hours, per caller and operation) from the web form or Open311 more than 15 minutes after the first attempt gets `trackingCodeWithheld` instead.",
      ),
    trackingCodeWithheld: z
      .object({ bg: z.string(), en: z.string() })
      .optional()
      .describe("On the public's late retry: where the person finds the code (the first answer, the acknowledgement, the registry)."),
    status: caseStatus,
    screening: screeningSummary,
    dueDate: z.string().optional().describe('The legal due date (YYYY-MM-DD) while a term runs.'),
  }),
) {}

export class StaffCaseViewDto extends createZodDto(
  z.object({ caseId: z.string().uuid(), registryNumber: z.string(), status: caseStatus, dueDate: z.string().optional() }),
) {}

export class PublicCaseViewDto extends createZodDto(
  z.object({
    registryNumber: z.string(),
    kind: z.enum(KINDS),
    category: z.string().nullable(),
    status: z.enum([
      'registered',
      'under-review',
      'no-proceedings',
      'accepted',
      'in-progress',
      'awaiting-information',
      'answered',
      'closed',
      'redirected',
      'withdrawn',
      'duplicate',
    ]),
    receivedAt: z.string().datetime(),
    registeredAt: z.string().datetime(),
    dueDate: z.string().nullable(),
    history: z
      .array(
        z.object({
          step: z.string().describe(`One per case event (${CASE_EVENT_TYPES.length} types), in the platform's words.`),
          at: z.string().datetime(),
          ground: z.enum(NO_PROCEEDINGS_GROUNDS).optional(),
          unit: z.string().optional(),
          authority: z.string().optional(),
          newFinalDate: z.string().optional(),
          channel: z.enum(CHANNELS).optional(),
          rating: z.number().int().optional(),
        }),
      )
      .describe('The public parts of the history: no personal data and no staff names.'),
    informationRequest: z
      .object({ at: z.string().datetime(), missing: z.string().describe('What the municipality asks the submitter for (АПК чл. 111(3)).') })
      .nullable()
      .describe('The open request for information, while the case is `awaiting-information`; null otherwise.'),
    extension: z
      .object({
        at: z.string().datetime(),
        reason: z.string().describe('The reasons, as written to the submitter.'),
        newFinalDate: z.string().describe('YYYY-MM-DD'),
      })
      .nullable()
      .describe('The latest extension of the term; null when there was none.'),
    answer: z
      .object({
        at: z.string().datetime(),
        text: z.string().nullable().describe("The answer's text; null once the submitter's personal data was erased."),
        channel: z.enum(CHANNELS).describe('How the answer was sent.'),
        letterUrl: z
          .string()
          .nullable()
          .describe(
            'The answer as a PDF letter: a path on intake, `/public/{tenant}/cases/{trackingCode}/answer-letter.pdf`; null without a text.',
          ),
      })
      .nullable()
      .describe('The latest answer; null before the case is answered.'),
    actions: z
      .object({
        withdraw: z.boolean().describe('`POST …/withdraw` would be accepted: the case is open.'),
        provideInformation: z.boolean().describe('`POST …/information` would be accepted: the case waits for the submitter.'),
        rate: z.boolean().describe('`POST …/rating` would be accepted: answered and not rated yet.'),
      })
      .describe("What the holder of the code may do now, as the case decider judges the case's state."),
  }),
) {}

const hours = z.array(z.object({ from: z.string().describe('HH:MM'), to: z.string().describe('HH:MM') }));

/** The municipality's public information (the domain's `publicInformation`), as the citizen's and the staff's routes give it. */
export class PublicInformationDto extends createZodDto(
  z.object({
    tenant: z.string(),
    name: localized,
    address: z.object({ bg: z.string(), en: z.string(), postcode: z.string().nullable() }),
    contacts: z.object({
      phones: z.array(z.object({ number: z.string(), purpose: z.string() })),
      emails: z.array(z.object({ address: z.string(), purpose: z.string() })),
      web: z.array(z.object({ url: z.string(), purpose: z.string() })),
    }),
    openingHours: z.array(z.object({ weekday: z.number().int().describe('1 = Monday … 7 = Sunday'), day: localized, intervals: hours })),
    receptionDays: z.array(
      z.object({
        official: z.enum(OFFICIALS).describe('Who receives citizens: the `receivedBy` of a reception-day registration.'),
        title: localized,
        weekday: z.number().int().nullable().describe('null: the charter promises a day without naming it.'),
        day: localized.nullable(),
        intervals: hours,
      }),
    ),
    channels: z
      .array(z.object({ channel: z.enum(CHANNELS), name: localized }))
      .describe("The channels the charter offers (the platform's own web form and Open311 are always received too)."),
    kinds: z.array(
      z.object({
        kind: z.enum(KINDS),
        name: localized,
        term: z.object({ unit: z.enum(['calendar-days', 'working-days', 'months']), amount: z.number().int() }).nullable(),
        within: localized,
      }),
    ),
    categories: z
      .array(z.object({ id: z.string(), name: localized, kinds: z.array(z.enum(KINDS)) }))
      .describe('The categories a submission is filed under, each with the kinds it fits.'),
    attachments: z
      .object({
        maxFiles: z.number().int().describe('How many files one submission may carry.'),
        maxBytesPerFile: z.number().int().describe('How large each may be, in bytes.'),
        mediaTypes: z.array(z.string()).describe('The types accepted, judged by the content (never by the name).'),
      })
      .describe("What a submission may carry (the municipality's limits; 5 files of 10 MB unless its charter says otherwise)."),
  }),
) {}
