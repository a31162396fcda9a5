import { officerSchema, ruleSetContentSchema, ruleSetSchema, unitListSchema, unitSchema } from '@civic/domain';
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

/**
 * An officer's id as an administrator may send it: the token's `sub`, which OpenID Connect keeps to ASCII.
 * Checked here rather than in the event's schema, so that stored events stay readable; without it a NUL or a
 * lone surrogate in an id reached the event store, whose jsonb refuses them: a 500 instead of a 400.
 */
const officerId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII characters without spaces (the user's token subject)");

/** PUT /tenants/:tenant/routing/officers: every officer of every unit; the list replaces the previous one. */
export const officersBodySchema = z.object({ officers: z.array(officerSchema.extend({ id: officerId })) }).strict();
export class OfficersBodyDto extends createZodDto(officersBodySchema) {}

const count = z.number().int().nonnegative();
export const officersAnswerSchema = z.object({
  tenant: z.string(),
  officers: z.array(officerSchema.extend({ openCases: count })),
  /** Cases routed while their unit had no officer present, and the background assignment of them. */
  waiting: z.object({
    running: z.boolean().describe('A sweep over the waiting cases is under way (after a change of officers, or at start-up).'),
    waiting: count.describe('Cases still waiting for an officer now.'),
    assigned: count.describe('Assigned by the sweep under way, or by the last one.'),
    failed: count.describe('Could not be assigned by it; the next change or start-up tries again.'),
  }),
});
export class OfficersAnswerDto extends createZodDto(officersAnswerSchema) {}

/** PUT /tenants/:tenant/routing/units: every unit of the tenant; the list replaces the previous one. */
export const unitsBodySchema = z.object({ units: unitListSchema }).strict();
export class UnitsBodyDto extends createZodDto(unitsBodySchema) {}

export const unitsAnswerSchema = z.object({
  tenant: z.string(),
  /** True while no administrator has changed the units: they are the charter's departments. */
  defaults: z.boolean(),
  /** The list's version, also its ETag: send it back in If-Match when changing the units. */
  version: z.number().int().positive(),
  units: z.array(unitSchema),
});
export class UnitsAnswerDto extends createZodDto(unitsAnswerSchema) {}
