import { z } from 'zod';
import { KINDS } from '../shared/vocabulary';

/** A legal term: N calendar days, N working days or N months (LEGAL-SOURCES.md, "Counting deadlines"). */
export const termSchema = z.object({
  unit: z.enum(['calendar-days', 'working-days', 'months']),
  amount: z.number().int().positive(),
});
export type Term = z.infer<typeof termSchema>;

/** What starts the clock. */
export const clockStartSchema = z.enum(['receipt', 'registration', 'clarification', 'acknowledgement']);
export type ClockStart = z.infer<typeof clockStartSchema>;

/**
 * How long a kind of case may take, per tenant: the defaults come from the law (LEGAL-SOURCES.md) and each
 * tenant's charter overrides them. Data, never code, and every policy names its source.
 */
export const deadlinePolicySchema = z.object({
  kind: z.enum(KINDS),
  /** null: no legal term (opinion, praise, recommendation); such cases are counted, not timed. */
  term: termSchema.nullable(),
  startsOn: clockStartSchema,
  /** The clock stops while the case waits for the submitter (e.g. a request for clarification). */
  pausesWhileAwaitingSubmitter: z.boolean(),
  extension: z
    .object({
      /** The furthest final date, counted from the same start as the term (e.g. 6 months for proposals). */
      maxTotal: termSchema,
      requiresReason: z.literal(true),
      requiresNoticeToSubmitter: z.boolean(),
      source: z.string().min(1),
    })
    .nullable(),
  /** Tell the submitter the decision within this term of it (e.g. 7 days, АПК чл. 118). */
  decisionNotice: termSchema.nullable(),
  /** Acknowledge receipt within this term (e.g. 7 days for whistleblower reports). */
  acknowledgement: termSchema.nullable(),
  /** Warn this many working days before the due date, e.g. [5, 1]. */
  warnWorkingDaysBefore: z.array(z.number().int().positive()),
  source: z.string().min(1),
});
export type DeadlinePolicy = z.infer<typeof deadlinePolicySchema>;

/** What a tenant's charter may change about a default policy. */
export const deadlinePolicyOverrideSchema = deadlinePolicySchema
  .omit({ kind: true })
  .partial()
  .extend({
    source: z.string().min(1),
  });
export type DeadlinePolicyOverride = z.infer<typeof deadlinePolicyOverrideSchema>;
