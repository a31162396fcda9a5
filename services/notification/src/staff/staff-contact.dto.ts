import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The roles staff alerts are addressed to (notification's escalations and deadline notices). */
export const ALERTED_ROLES = ['registrar', 'officer', 'anti-corruption-officer', 'head-of-unit', 'secretary', 'mayor'] as const;

export const staffContactBodySchema = z
  .object({
    email: z.string().trim().max(254, 'must be at most 254 characters').email('must be an e-mail address such as ivan.petrov@peshtera.bg'),
    roles: z
      .array(z.enum(ALERTED_ROLES))
      .max(ALERTED_ROLES.length)
      .default([])
      .describe("The roles this person is written to as (e.g. the secretary's escalations); their own messages reach them anyway."),
  })
  .strict();
export class StaffContactBodyDto extends createZodDto(staffContactBodySchema) {}

const contactSchema = z.object({
  userId: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  changedBy: z.string(),
  changedAt: z.string(),
});
export class StaffContactDto extends createZodDto(contactSchema) {}
export class StaffContactListDto extends createZodDto(z.object({ tenant: z.string(), contacts: z.array(contactSchema) })) {}
