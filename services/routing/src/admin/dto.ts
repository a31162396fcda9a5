import { officerSchema, ruleSetContentSchema, ruleSetSchema } from '@civic/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** PUT /tenants/:tenant/routing/rules: the whole new rule set; its version is the next one. */
export class RuleSetContentDto extends createZodDto(ruleSetContentSchema) {}

export const ruleSetAnswerSchema = z.object({
  tenant: z.string(),
  /** True while no administrator has changed the rules: they are the defaults built from the charter. */
  defaults: z.boolean(),
  ruleSet: ruleSetSchema,
});
export class RuleSetAnswerDto extends createZodDto(ruleSetAnswerSchema) {}

/** PUT /tenants/:tenant/routing/officers: every officer of every unit; the list replaces the previous one. */
export const officersBodySchema = z.object({ officers: z.array(officerSchema) }).strict();
export class OfficersBodyDto extends createZodDto(officersBodySchema) {}

export const officersAnswerSchema = z.object({
  tenant: z.string(),
  officers: z.array(officerSchema.extend({ openCases: z.number().int().nonnegative() })),
});
export class OfficersAnswerDto extends createZodDto(officersAnswerSchema) {}

/** A 400's body: Nest's usual fields, the reason's name, and each bad field by its path. */
export const validationErrorSchema = z.object({
  statusCode: z.literal(400),
  error: z.literal('Bad Request'),
  reason: z.enum(['validation-failed', 'unknown-units', 'duplicate-officer']),
  message: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export class ValidationErrorDto extends createZodDto(validationErrorSchema) {}
