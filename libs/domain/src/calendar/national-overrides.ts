import { z } from 'zod';
import { isIsoDate, isWeekend } from './dates';
import type { NationalOverride } from './types';

/**
 * The Council of Ministers' one-off decisions as data (Labour Code art. 154): a day off, or a Saturday or
 * Sunday made a working day. Checked when loaded, so that a bad edit fails the first test that counts a
 * due date, naming the entry, not a citizen's deadline months later.
 */

const text = z.string().min(1);
const isoDateSchema = z.string().refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');

/** The decision an entry rests on, as cited: number and name, date adopted, State Gazette issue. */
const decisionSchema = z
  .object({
    /** "Решение № 935 на Министерския съвет". */
    decision: text,
    /** null where the date is not confirmed. */
    adopted: isoDateSchema.nullable(),
    /** "ДВ бр. 94 от 4.12.2015"; null where the issue is not confirmed. */
    stateGazette: text.nullable(),
    /** For whoever maintains the file (what is still to confirm); never shown with a case. */
    note: text.optional(),
  })
  .strict();

const entrySchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(['day-off', 'working-day']),
    reason: z.object({ bg: text, en: text }).strict(),
    source: decisionSchema,
  })
  .strict()
  .superRefine((entry, ctx) => {
    // A decision can only make a weekend day a working day; a weekday "working day" is a typo in the date.
    if (entry.kind === 'working-day' && isIsoDate(entry.date) && !isWeekend(entry.date)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['date'], message: 'a working day set by decision must be a Saturday or Sunday' });
    }
  });

export const nationalOverridesFileSchema = z
  .object({ about: text, entries: z.array(entrySchema) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.entries.forEach((entry, i) => {
      if (seen.has(entry.date))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['entries', i, 'date'], message: `${entry.date} is listed twice` });
      seen.add(entry.date);
    });
  });
type NationalOverridesFile = z.infer<typeof nationalOverridesFileSchema>;
type Decision = NationalOverridesFile['entries'][number]['source'];

/** Overrides data that does not describe valid decisions; the message names the file, the entry and the reason. */
export class NationalOverridesError extends Error {
  override readonly name = 'NationalOverridesError';
  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
  ) {
    super(problems.map((problem) => `${origin}: ${problem}`).join('\n'));
  }
}

/** `30.11.2015`: how Bulgarian citations write a date. */
function bulgarianDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)}.${month}.${year}`;
}

/** The decision as staff and citizens read it beside a due date it moves. */
export function citation(decision: Decision): string {
  const adopted = decision.adopted === null ? '' : ` от ${bulgarianDate(decision.adopted)} г.`;
  const gazette = decision.stateGazette === null ? '' : ` (${decision.stateGazette})`;
  return `${decision.decision}${adopted}${gazette}`;
}

/** "entries[3] (2016-05-23): kind: …", so the maintainer finds the entry by its place and its date. */
function describe(raw: unknown, issue: z.ZodIssue): string {
  const [first, index, ...rest] = issue.path;
  if (first !== 'entries' || typeof index !== 'number') return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
  const entries = (raw as { entries?: unknown[] }).entries;
  const date = (entries?.[index] as { date?: unknown } | undefined)?.date;
  const label = typeof date === 'string' ? `entries[${index}] (${date})` : `entries[${index}]`;
  return `${label}${rest.length > 0 ? `: ${rest.join('.')}` : ''}: ${issue.message}`;
}

/** Reads the overrides file; `origin` names it in the error. */
export function parseNationalOverrides(raw: unknown, origin: string): NationalOverride[] {
  const result = nationalOverridesFileSchema.safeParse(raw);
  if (!result.success)
    throw new NationalOverridesError(
      origin,
      result.error.issues.map((issue) => describe(raw, issue)),
    );
  return result.data.entries.map((entry) => ({ date: entry.date, kind: entry.kind, name: entry.reason, source: citation(entry.source) }));
}
