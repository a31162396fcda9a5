import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const localized = z.object({ bg: z.string(), en: z.string() });

export const unregisteredAnswerSchema = z.object({
  tenant: z.string(),
  year: z.number().int(),
  issued: z.number().int().nonnegative().describe('Numbers the registry issued that year.'),
  unregistered: z.array(
    z.object({
      registryNumber: z.string(),
      issuedAt: z.string().describe('When the registry issued it.'),
      intendedCaseId: z.string().nullable().describe('The case id the attempt would have created; no case has it.'),
      actor: z.object({ id: z.string(), role: z.string() }).nullable(),
      correlationId: z.string().nullable().describe("The attempt's correlation id, to find it in the services' logs."),
      explanation: localized,
    }),
  ),
});
export class UnregisteredAnswerDto extends createZodDto(unregisteredAnswerSchema) {}
