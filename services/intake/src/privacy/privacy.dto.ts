import { KINDS } from '@civic/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ERASURE_OUTCOMES } from './data-subject.service';
import { dataSubjectErasureSchema, dataSubjectExportSchema, dataSubjectSearchSchema } from './privacy.schema';

export class DataSubjectSearchDto extends createZodDto(dataSubjectSearchSchema) {}
export class DataSubjectExportDto extends createZodDto(dataSubjectExportSchema) {}
export class DataSubjectErasureDto extends createZodDto(dataSubjectErasureSchema) {}

const localized = z.object({ bg: z.string(), en: z.string() });
const dataSubjectId = z
  .string()
  .describe('The person in this tenant: the same for the same contact on every request; not the contact itself.');

// For the OpenAPI document only: the service builds these answers as typed objects.
const personCases = z.object({
  dataSubjectId,
  cases: z.array(
    z.object({
      caseId: z.string().uuid(),
      registryNumber: z.string(),
      kind: z.enum(KINDS),
      receivedOn: z.string().describe('The calendar day it was received, in the municipality.'),
      status: z.string(),
      open: z.boolean().describe('Still being handled: closed or withdrawn before it can be erased.'),
      erasedAt: z.string().nullable(),
    }),
  ),
});
export class PersonCasesDto extends createZodDto(personCases) {}

const receipt = z.object({
  requestId: z.string().uuid().describe("In every erased case's `PersonalDataErased` event and in the audit log."),
  dataSubjectId,
  municipality: localized,
  carriedOutAt: z.string(),
  cases: z.array(z.object({ registryNumber: z.string(), kind: z.enum(KINDS), receivedOn: z.string(), outcome: z.enum(ERASURE_OUTCOMES) })),
});
export class ErasureReceiptDto extends createZodDto(receipt) {}

const writing = z.object({
  at: z.string(),
  text: z.string().nullable(),
  attachments: z.array(z.object({ name: z.string().nullable(), mediaType: z.string(), size: z.number().int() }).passthrough()),
});
const exported = z.object({
  dataSubjectId,
  municipality: localized,
  producedAt: z.string(),
  cases: z.array(
    z.object({
      caseId: z.string().uuid(),
      registryNumber: z.string(),
      kind: z.string(),
      channel: z.string(),
      receivedAt: z.string(),
      status: z.string(),
      erasedAt: z.string().nullable().describe('Once erased, every text of the case is null.'),
      content: z
        .object({
          submission: writing,
          submitter: z.object({ name: z.string(), email: z.string(), phone: z.string(), address: z.string() }).partial().nullable(),
          replies: z.array(writing),
          answers: z.array(writing),
        })
        .passthrough()
        .nullable(),
      ratings: z.array(
        z.object({ at: z.string(), rating: z.number().int(), comment: z.string().nullable(), recommendation: z.string().nullable() }),
      ),
      withdrawalReason: z.string().nullable(),
    }),
  ),
});
export class PersonExportDto extends createZodDto(exported) {}
