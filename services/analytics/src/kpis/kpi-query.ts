/** `GET /tenants/:tenant/kpis`: which cases (received from/to, unit, kind, channel) and grouped by what. */
import { CHANNELS, isIsoDate, KINDS, type Channel, type IsoDate, type Kind } from '@civic/domain';
import { z } from 'zod';
import { KPI_DIMENSIONS, type KpiDimension } from './kpis';
import { problemsOf, type Parsed } from '../http/field-problems';

const date = z.string({ invalid_type_error: 'must be given once' }).refine(isIsoDate, 'must be a date YYYY-MM-DD');
const oneOf = <T extends string>(values: readonly [T, ...T[]], what: string) =>
  z.enum(values, {
    errorMap: (issue) => ({
      message: issue.code === 'invalid_type' ? 'must be given once' : `must be one ${what} of ${values.join(', ')}`,
    }),
  });

export const kpiQuerySchema = z
  .object({
    from: date.optional(),
    to: date.optional(),
    by: oneOf(KPI_DIMENSIONS, 'dimension').optional(),
    unit: z
      .string({ invalid_type_error: 'must be given once' })
      .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'must be a unit id such as public-works')
      .optional(),
    kind: oneOf(KINDS, 'kind').optional(),
    channel: oneOf(CHANNELS, 'channel').optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: `must not be before from (${query.from})` });
    }
  });

export interface KpiQuery {
  from?: IsoDate;
  to?: IsoDate;
  by?: KpiDimension;
  unit?: string;
  kind?: Kind;
  channel?: Channel;
}

export function parseKpiQuery(raw: unknown): Parsed<KpiQuery> {
  const result = kpiQuerySchema.safeParse(raw ?? {});
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error.issues) };
}

/**
 * The MongoDB filter of the cases a KPI query is about (received within from–to, both included). A filter by
 * unit, kind or channel is a group, so it leaves confidential cases out (`kind=whistleblower-report` would
 * show them otherwise); `{ confidential: null }` matches documents written before the field too.
 */
export function kpiFilter(tenant: string, query: KpiQuery): Record<string, unknown> & { tenant: string } {
  const filter: Record<string, unknown> & { tenant: string } = { tenant };
  if (query.from || query.to) {
    filter.receivedOn = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) };
  }
  if (query.unit) filter.unit = query.unit;
  if (query.kind) filter.kind = query.kind;
  if (query.channel) filter.channel = query.channel;
  if (query.unit || query.kind || query.channel) filter.confidential = null;
  return filter;
}
