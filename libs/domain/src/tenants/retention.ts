/**
 * How long a case's personal data are kept after the case ended (GDPR art. 5(1)(e): no longer than necessary
 * for the purpose). The term is the municipality's to set, per kind of submission, in its charter; where the
 * charter says nothing the platform's default below applies, and the charter's `notes` should say so.
 */
import { z } from 'zod';
import { KINDS, type Kind } from '../shared/vocabulary';

/** Whole years or whole months, never both: the way a nomenclature of files states its terms. */
export type RetentionPeriod = { years: number } | { months: number };

/** The term in force for one kind, where it comes from, and whether it is the platform's default. */
export interface RetentionRule {
  period: RetentionPeriod;
  source: string;
  default: boolean;
}

export type RetentionPolicy = Record<Kind, RetentionRule>;

/**
 * The platform's default: 5 years after the case ended, for every kind. It is a default a municipality sets
 * for itself, not a rule of law: the Закон за Националния архивен фонд (ЗНАФ) has each institution keep a
 * nomenclature of files with their retention terms, approved by its own expert commission, and the charter
 * should carry the term of that nomenclature. 5 years is the term municipal nomenclatures commonly give
 * complaints, signals and proposals; whistleblower reports are kept no longer than necessary and
 * proportionate (Directive (EU) 2019/1937 art. 18), which the municipality's term for them should say. A
 * longer term a court case or an audit needs is the municipality's to set; a shorter one is its decision too.
 */
export const DEFAULT_RETENTION_PERIOD: RetentionPeriod = { years: 5 };
export const DEFAULT_RETENTION_SOURCE =
  'Платформата: 5 години след приключване, докато общината не определи срок по своята номенклатура на делата (ЗНАФ) / ' +
  'Platform default: 5 years after the case ended, until the municipality sets the term of its nomenclature of files (ЗНАФ)';

/** The longest term a charter may give. The shortest is a month: a finished case may still be reopened or appealed soon after it ended. */
const MAX_YEARS = 50;
const MAX_MONTHS = MAX_YEARS * 12;

/** One kind's term in a charter: `{ "years": 5, "source": "…" }` or `{ "months": 18, "source": "…" }`. */
export const retentionRuleSchema = z
  .object({
    years: z.number().int('must be a whole number of years').min(1).max(MAX_YEARS).optional(),
    months: z.number().int('must be a whole number of months').min(1).max(MAX_MONTHS).optional(),
    /** The nomenclature's entry, the council's decision or the law it comes from. */
    source: z.string().min(1),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.years === undefined) === (rule.months === undefined)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'give either "years" or "months", not both and not neither' });
    }
  });
export type RetentionRuleData = z.infer<typeof retentionRuleSchema>;

/** Only the kinds whose term the municipality set; the others keep the default. */
export const retentionSchema = z.record(z.enum(KINDS), retentionRuleSchema);

/** The term in force for every kind: the charter's where it sets one, else the platform's default. */
export function retentionPolicyOf(charter: { retention?: Partial<Record<Kind, RetentionRuleData>> }): RetentionPolicy {
  const own = charter.retention ?? {};
  const entries = KINDS.map((kind): [Kind, RetentionRule] => {
    const rule = own[kind];
    if (!rule) return [kind, { period: { ...DEFAULT_RETENTION_PERIOD }, source: DEFAULT_RETENTION_SOURCE, default: true }];
    const period: RetentionPeriod = rule.years !== undefined ? { years: rule.years } : { months: rule.months ?? 0 };
    return [kind, { period, source: rule.source, default: false }];
  });
  return Object.fromEntries(entries) as RetentionPolicy;
}

/** The period as months, for the date arithmetic. */
export const retentionMonths = (period: RetentionPeriod): number => ('years' in period ? period.years * 12 : period.months);
