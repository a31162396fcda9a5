import { KINDS } from '@civic/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The retention report's shape, for the OpenAPI document (the service builds it as a typed object). */

const localized = z.object({ bg: z.string(), en: z.string() });

const kindReport = z.object({
  kind: z.enum(KINDS),
  label: localized.describe('The kind, in Bulgarian and English.'),
  policy: z
    .object({
      years: z.number().int().optional(),
      months: z.number().int().optional(),
      source: z.string().describe('The nomenclature entry or decision the term comes from, or the platform default.'),
      default: z.boolean().describe('The platform’s default: the tenant’s charter sets no term for the kind.'),
    })
    .describe('How long after a case ended its personal data are kept: whole years or months.'),
  erased: z.number().int().describe('Cases whose personal data were erased because their retention ended.'),
  latest: z
    .array(
      z.object({
        registryNumber: z.string().nullable(),
        endedOn: z.string().describe('YYYY-MM-DD, the tenant’s day the case ended.'),
        erasedAt: z.string().datetime().nullable(),
      }),
    )
    .describe('The latest of them, most recent first. No personal data.'),
  dueSoon: z.number().int().describe('Finished cases whose retention ends by dueBy (or has ended and is about to be applied).'),
});

export class RetentionAnswerDto extends createZodDto(
  z.object({
    tenant: z.string(),
    asOf: z.string().datetime().describe('The instant the answer is for.'),
    dueWithinDays: z.number().int(),
    dueBy: z.string().datetime().describe('asOf plus dueWithinDays days.'),
    kinds: z.array(kindReport).describe('Every kind of submission, with the term in force.'),
  }),
) {}
