import { CASE_ACCESS_LEVELS, CASE_EVENT_TYPES, KINDS, ROLES } from '@civic/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { withdrawalSchema } from '../cases/decision.schema';
import {
  answerSchema,
  closeSchema,
  duplicateSchema,
  identityDisclosureSchema,
  extensionSchema,
  informationRequestSchema,
  informationSchema,
  reopenSchema,
  DESK_ACTION_NAMES,
} from './desk-actions';

/** The desk's request bodies, for the OpenAPI document (the service parses them with the same schemas). */
export class InformationRequestDto extends createZodDto(informationRequestSchema) {}
export class InformationDto extends createZodDto(informationSchema) {}
export class ExtensionDto extends createZodDto(extensionSchema) {}
export class AnswerDto extends createZodDto(answerSchema) {}
export class CloseDto extends createZodDto(closeSchema) {}
export class ReopenDto extends createZodDto(reopenSchema) {}
export class DeskWithdrawalDto extends createZodDto(withdrawalSchema) {}
export class DuplicateDto extends createZodDto(duplicateSchema) {}
export class IdentityDisclosureDto extends createZodDto(identityDisclosureSchema) {}

const localized = z.object({ bg: z.string(), en: z.string() });

/** The desk's answer, for the OpenAPI document only (desk-view.ts builds it as a typed object). */
const writing = z.object({
  at: z.string(),
  text: z.string().nullable().describe("Null once the submitter's data was erased."),
  attachments: z.array(
    z.object({
      id: z
        .string()
        .uuid()
        .nullable()
        .describe('The stored file, to download at `…/attachments/{id}`; null when the file is only described (a paper enclosure).'),
      name: z.string().nullable().describe("The name the submitter gave it; null once the submitter's data was erased."),
      mediaType: z.string().describe('Detected from the content for a stored file.'),
      size: z.number().int().describe('Bytes.'),
      scan: z
        .enum(['pending', 'clean', 'infected'])
        .nullable()
        .describe(
          'The virus scan: only a clean file can be opened (a pending one is scanned when first opened); null when no file is stored.',
        ),
    }),
  ),
});

export class DeskCaseViewDto extends createZodDto(
  z.object({
    caseId: z.string().uuid(),
    registryNumber: z.string(),
    status: z.string().describe('Registered, Flagged, Accepted, Routed, Assigned, AwaitingSubmitter, Answered, Closed, …'),
    revision: z.number().int().describe('The case stream\'s revision, also the ETag: send it back as If-Match: "<revision>".'),
    state: z
      .object({ status: z.string(), facts: z.object({ kind: z.enum(KINDS), registryNumber: z.string() }).passthrough() })
      .passthrough()
      .describe(
        "The case's folded state: its facts (kind, category, dates, pauses, extensions, alerts, …) and what its status adds (unit, officer, the request waiting for the submitter, …). Never personal data.",
      ),
    deadline: z
      .object({
        policy: z
          .object({ kind: z.enum(KINDS), source: z.string() })
          .passthrough()
          .describe("The tenant's deadline policy for the kind: term, clock start, pauses, extension maximum, sources."),
        due: z.string().nullable().describe('YYYY-MM-DD; null while the clock stands still or when no term can be counted.'),
        paused: z.boolean(),
        steps: z
          .array(z.object({ rule: z.string(), detail: localized, source: z.string() }))
          .describe('How the due date was counted, step by step, each with its source.'),
        warnings: z.array(z.object({ workingDaysBefore: z.number().int(), on: z.string() })),
        maxFinalDate: z.string().nullable().describe('The furthest final date an extension may set; null: no extension for this kind.'),
        problem: localized.optional().describe('Why no due date could be counted.'),
      })
      .nullable()
      .describe('Null once the case is no longer open.'),
    access: z
      .enum(CASE_ACCESS_LEVELS)
      .describe('How much of the case the caller may see: record (its course), content (also what was written), full (also who wrote it).'),
    content: z
      .object({
        submission: writing,
        submitter: z
          .object({ name: z.string(), email: z.string(), phone: z.string(), address: z.string() })
          .partial()
          .nullable()
          .describe('Null when anonymous, erased, or withheld from this caller (submitterWithheld).'),
        submitterWithheld: z
          .boolean()
          .describe("True when a submitter was given but is not shown to this caller (a whistleblower's identity)."),
        replies: z.array(writing).describe("The submitter's replies to requests for information."),
        answers: z.array(writing),
        flags: z
          .array(
            z.object({
              at: z.string(),
              code: z.string().describe("The screening rule's code, e.g. `anonymous`, `offensive-language`, `probable-duplicate`."),
              reason: localized,
              source: z.string().optional().describe("The law's article or the charter's clause; absent where neither says it."),
              matched: z
                .array(z.string())
                .nullable()
                .describe(
                  "The passages of the text that raised the flag (empty when none did); null once the submitter's data was erased.",
                ),
            }),
          )
          .describe("The flags screening raised for a registrar's decision (CaseFlagged), with their reasons; empty when none."),
      })
      .nullable()
      .describe('What was written, for those who work the case; null for others and in the answers to actions.'),
    actions: z
      .array(z.enum(DESK_ACTION_NAMES as [string, ...string[]]))
      .describe(
        "The desk actions (`POST …/<action>`) the caller may take now, as the decider judges their role and the case's state; empty for those who do not work the case.",
      ),
  }),
) {}

/** The course of a case for staff, for the OpenAPI document only (desk-history.ts builds it). */
export class DeskHistoryDto extends createZodDto(
  z.object({
    caseId: z.string().uuid(),
    revision: z.number().int().describe("The case stream's revision at the read: the desk view's ETag."),
    access: z.enum(CASE_ACCESS_LEVELS).describe('record: facts only; content or full: also staff-written reasons.'),
    entries: z
      .array(
        z.object({
          revision: z.number().int().describe('The revision the event made: entries after an ETag read earlier are what changed since.'),
          type: z.enum(CASE_EVENT_TYPES as [string, ...string[]]),
          occurredAt: z.string().describe('When it happened (business time), an ISO instant.'),
          actor: z.object({
            id: z
              .string()
              .nullable()
              .describe('The member of staff or process; null for the citizen (their pseudonymous id is not shown).'),
            role: z.enum(ROLES),
          }),
          details: z
            .record(z.unknown())
            .describe(
              'What the event set, never personal: e.g. unit, urgent (CaseRouted); officerId (CaseAssigned); newFinalDate, maxFinalDate, reason* (DeadlineExtended); pausesClock, missing* (InformationRequested); channel (CaseAnswered); outcome (CaseClosed); dueDate (deadline alerts); template, channel, recipient (notifications). *: only with content access.',
            ),
        }),
      )
      .describe('Oldest first.'),
  }),
) {}
