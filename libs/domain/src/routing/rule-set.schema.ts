import { z } from 'zod';
import { MUNICIPAL_ROLES } from '../case/roles';
import { wordPatternSchema } from '../screening/word-list';
import { CHANNELS, KINDS } from '../shared/vocabulary';
import { identifier, localizedText } from '../tenants/charter-parts.schema';

/**
 * A tenant's routing rules as data: which unit handles a case, judged by its kind,
 * category, channel, words in its text and the flags raised on it. Rules are tried by `priority`, lowest
 * first, and the first that matches decides; when none does, `defaultUnit` takes the case. A change is a
 * new `version`, and every decision records the rule and the version that made it.
 */

/** The rule id a decision records when no rule matched and the default unit took the case. */
export const DEFAULT_RULE_ID = 'default';

/** A flag code: the screening codes (e.g. `corruption-indicator`) and `health-safety-threat`. */
const flagCode = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a flag code in lower-case words joined by hyphens');

const nonEmpty = <T extends z.ZodTypeAny>(item: T) => z.array(item).min(1, 'list at least one, or leave the condition out');

/**
 * What a case must be like for the rule to apply. Each condition given must hold (and); within one, any
 * listed value will do (or). A rule without conditions matches every case.
 */
export const ruleConditionsSchema = z
  .object({
    kinds: nonEmpty(z.enum(KINDS)).optional(),
    categories: nonEmpty(identifier).optional(),
    channels: nonEmpty(z.enum(CHANNELS)).optional(),
    /** Word patterns as in the screening word lists: `подкуп*` matches "подкупи", "подкупен"; Cyrillic-aware. */
    keywords: nonEmpty(wordPatternSchema).optional(),
    flags: nonEmpty(flagCode).optional(),
  })
  .strict();
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

/** Who is told about a routed case besides the unit that handles it. */
export const informSchema = z
  .object({
    units: z.array(identifier).default([]),
    roles: z.array(z.enum(MUNICIPAL_ROLES)).default([]),
  })
  .strict();
export type Inform = z.infer<typeof informSchema>;

export const ruleActionSchema = z
  .object({
    unit: identifier,
    urgent: z.boolean().default(false),
    inform: informSchema.default({}),
  })
  .strict();
export type RuleAction = z.infer<typeof ruleActionSchema>;

export const ruleSchema = z
  .object({
    id: identifier.refine((id) => id !== DEFAULT_RULE_ID, { message: `"${DEFAULT_RULE_ID}" is reserved for the default unit` }),
    /** Lower is tried first; unique within a rule set, so the order never depends on how the list is written. */
    priority: z.number().int('expected a whole number').min(0),
    description: localizedText,
    when: ruleConditionsSchema,
    then: ruleActionSchema,
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

/** Rule ids and priorities are unique, so every rule can be named and the order is never ambiguous. */
function uniqueIdsAndPriorities(content: { rules: Rule[] }, ctx: z.RefinementCtx): void {
  const ids = new Map<string, number>();
  const priorities = new Map<number, number>();
  content.rules.forEach((rule, i) => {
    const sameId = ids.get(rule.id);
    if (sameId === undefined) ids.set(rule.id, i);
    else ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `rule id "${rule.id}" is also used by rule ${sameId}` });
    const samePriority = priorities.get(rule.priority);
    if (samePriority === undefined) priorities.set(rule.priority, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: ['rules', i, 'priority'],
        message: `priority ${rule.priority} is also used by rule ${samePriority}`,
      });
  });
}

const contentShape = z
  .object({
    rules: z.array(ruleSchema),
    defaultUnit: identifier,
    /** Who takes over when a case's deadline is in danger ("escalation target per tenant"). */
    escalationRole: z.enum(MUNICIPAL_ROLES),
  })
  .strict();

/** The parts of a rule set an administrator writes; the version comes from the rule set's history. */
export const ruleSetContentSchema = contentShape.superRefine(uniqueIdsAndPriorities);
export type RuleSetContent = z.infer<typeof ruleSetContentSchema>;

export const ruleSetSchema = contentShape.extend({ version: z.number().int().positive() }).superRefine(uniqueIdsAndPriorities);
export type RuleSet = z.infer<typeof ruleSetSchema>;
