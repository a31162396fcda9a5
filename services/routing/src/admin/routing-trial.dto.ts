import { CHANNELS, KINDS, ruleSetContentSchema } from '@civic/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const localized = z.object({ bg: z.string(), en: z.string() });

/** POST /tenants/:tenant/routing/trial: the facts of a case that may not exist, and optionally a draft rule set. */
export const routingTrialBodySchema = z
  .object({
    case: z
      .object({
        kind: z.enum(KINDS),
        category: z.string().min(1).nullable().default(null),
        channel: z.enum(CHANNELS),
        /** Keyword rules look at it; it is not kept. */
        text: z.string().max(20_000).nullable().default(null),
        /** Screening flags, e.g. corruption; `health-safety-threat` for a marked threat. */
        flags: z.array(z.string().min(1).max(100)).max(20).default([]),
      })
      .strict(),
    /** A draft to try instead of the rules in force; it is not saved. */
    ruleSet: ruleSetContentSchema.optional(),
  })
  .strict();
export class RoutingTrialBodyDto extends createZodDto(routingTrialBodySchema) {}

export const routingTrialAnswerSchema = z.object({
  tenant: z.string(),
  /** The version tried: the rules in force, or `draft`. */
  ruleSetVersion: z.union([z.number().int().positive(), z.literal('draft')]),
  unit: z.string(),
  unitName: localized,
  ruleId: z.string().describe('The rule that matched, or `default` when none did.'),
  urgent: z.boolean(),
  inform: z.object({ units: z.array(z.string()), roles: z.array(z.string()) }),
  explanation: localized,
  assignment: z.union([
    z.object({ type: z.literal('OfficerChosen'), officerId: z.string(), openCases: z.number().int().nonnegative() }),
    z.object({ type: z.literal('NoOfficerAvailable'), unit: z.string(), message: localized }),
  ]),
});
export class RoutingTrialAnswerDto extends createZodDto(routingTrialAnswerSchema) {}
