/**
 * The case list and work queues: which cases, in which order, which page. Parsing names every bad
 * parameter; the filter is a plain MongoDB query over the case documents (FerretDB supports all of it).
 */
import { addCalendarDays, CHANNELS, KINDS, type IsoDate, type Viewer } from '@civic/domain';
import { listedForFilter } from '@civic/platform';
import { z } from 'zod';
import { OPEN_STATUSES, type CaseDocumentStatus } from '../projection/case-document';
import { problemsOf, type Parsed } from '../http/field-problems';

export const CASE_STATUSES: readonly CaseDocumentStatus[] = [
  ...OPEN_STATUSES,
  'NoProceedings',
  'Answered',
  'Closed',
  'Redirected',
  'Withdrawn',
  'Duplicate',
];

export const CASE_SORTS = ['receivedAt', '-receivedAt', 'dueDate', '-dueDate', 'registryNumber', '-registryNumber'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const MAX_PAGE_SIZE = 100;

/** `a,b,c` → each one of the allowed values; repeated parameters are refused rather than guessed at. */
const listOf = <T extends string>(allowed: readonly T[], what: string) =>
  z
    .string({ invalid_type_error: 'must be given once' })
    .transform((value) => value.split(',').map((item) => item.trim()))
    .superRefine((items, ctx) => {
      const unknown = items.filter((item) => !allowed.includes(item as T));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `unknown ${what} ${unknown.map((u) => `"${u}"`).join(', ')}; one or more (comma-separated) of: ${allowed.join(', ')}`,
        });
      }
    })
    .transform((items) => items as T[]);

const identifier = z
  .string({ invalid_type_error: 'must be given once' })
  .regex(/^[a-z0-9][a-z0-9:._-]{0,99}$/i, 'must be an id such as public-works (letters, digits, ".", ":", "_", "-")');

const positive = (name: string, max?: number) => {
  let number = z.coerce
    .number({ invalid_type_error: `${name} must be a whole number` })
    .int(`must be a whole number`)
    .min(1, 'must be at least 1');
  if (max !== undefined) number = number.max(max, `must be at most ${max}`);
  return z.string({ invalid_type_error: 'must be given once' }).regex(/^\d+$/, 'must be a whole number').pipe(number);
};

export const caseListQuerySchema = z
  .object({
    kind: listOf(KINDS, 'kind').optional(),
    channel: listOf(CHANNELS, 'channel').optional(),
    status: listOf(CASE_STATUSES, 'status').optional(),
    unit: identifier.optional(),
    officer: identifier.optional(),
    due: z.enum(['soon', 'overdue'], { errorMap: () => ({ message: 'must be soon or overdue' }) }).optional(),
    sort: z.enum(CASE_SORTS, { errorMap: () => ({ message: `must be one of ${CASE_SORTS.join(', ')}` }) }).default('-receivedAt'),
    page: positive('page').default('1'),
    pageSize: positive('pageSize', MAX_PAGE_SIZE).default('20'),
  })
  .strict();

export type CaseListQuery = z.output<typeof caseListQuerySchema>;

export function parseCaseListQuery(raw: unknown): Parsed<CaseListQuery> {
  const result = caseListQuerySchema.safeParse(raw ?? {});
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error.issues) };
}

/**
 * The MongoDB filter of a list query, as `viewer` may see it. `today` is the tenant's date now: overdue means
 * open with a due date before it; due soon means open and due from today to `dueSoonDays` calendar days later.
 */
export function caseListFilter(
  tenant: string,
  query: CaseListQuery,
  viewer: Viewer,
  today: IsoDate,
  dueSoonDays: number,
): Record<string, unknown> {
  const filter: Record<string, unknown> = { tenant, ...listedForFilter(viewer) };
  if (query.kind) filter.kind = { $in: query.kind };
  if (query.channel) filter.channel = { $in: query.channel };
  if (query.status) filter.status = { $in: query.status };
  if (query.unit) filter.unit = query.unit;
  if (query.officer) filter.officerId = query.officer;
  if (query.due === 'overdue') Object.assign(filter, { open: true, dueDate: { $ne: null, $lt: today } });
  if (query.due === 'soon')
    Object.assign(filter, { open: true, dueDate: { $ne: null, $gte: today, $lte: addCalendarDays(today, dueSoonDays) } });
  return filter;
}

/** The sort of a list query; the case id breaks ties, so pages never overlap or skip. */
export function caseListSort(sort: CaseSort): Record<string, 1 | -1> {
  const direction = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '');
  return { [field]: direction, _id: direction };
}
