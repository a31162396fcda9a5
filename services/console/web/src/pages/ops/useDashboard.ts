import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseKind, Channel } from '../../api/cases';
import { analytics, routing } from '../../api/clients';
import { unwrap } from '../../api/errors';
import type { KpiAnswer, KpiQuery } from '../../api/kpis';
import { useSession } from '../../session/SessionContext';
import { lastDayOf, type OpsFilters } from './filters';

function kpiQuery(filters: OpsFilters, extra: KpiQuery = {}): KpiQuery {
  return {
    from: `${filters.from}-01`,
    to: lastDayOf(filters.to),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.unit ? { unit: filters.unit } : {}),
    ...extra,
  };
}

async function kpis(tenant: string, query: KpiQuery, signal: AbortSignal): Promise<KpiAnswer> {
  return unwrap(await analytics.GET('/tenants/{tenant}/kpis', { params: { path: { tenant }, query }, signal }));
}

/** One month's count for each key of a dimension, in the period's months (zeros where nothing came). */
export interface Breakdown<Key extends string> {
  months: string[];
  series: { key: Key; counts: number[] }[];
}

/**
 * The period's figures: the totals and the trend (`by=month`), and what came in per month by kind and by channel.
 * The API groups by one dimension at a time, so the month × kind table is the monthly trend of each kind that
 * has cases in the period (one request per such kind; kinds and channels with none are not asked for).
 */
export function useDashboard(filters: OpsFilters) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['kpis', tenant.slug, filters],
    queryFn: async ({ signal }) => {
      const [trend, byKind, byChannel] = await Promise.all([
        kpis(tenant.slug, kpiQuery(filters, { by: 'month' }), signal),
        kpis(tenant.slug, kpiQuery(filters, { by: 'kind' }), signal),
        kpis(tenant.slug, kpiQuery(filters, { by: 'channel' }), signal),
      ]);
      const months = (trend.groups ?? []).flatMap((group) => (group.key ? [group.key] : []));
      const present = <Key extends string>(answer: KpiAnswer) =>
        (answer.groups ?? []).flatMap((group) => (group.key && (group.kpis?.received ?? 0) > 0 ? [group.key as Key] : []));
      const breakdown = async <Key extends string>(keys: Key[], query: (key: Key) => KpiQuery): Promise<Breakdown<Key>> => {
        const answers = await Promise.all(keys.map((key) => kpis(tenant.slug, kpiQuery(filters, { ...query(key), by: 'month' }), signal)));
        return {
          months,
          series: keys.map((key, index) => {
            const received = new Map((answers[index]?.groups ?? []).map((group) => [group.key, group.kpis?.received ?? 0]));
            return { key, counts: months.map((month) => received.get(month) ?? 0) };
          }),
        };
      };
      const [kinds, channels] = await Promise.all([
        breakdown(present<CaseKind>(byKind), (kind) => ({ kind })),
        breakdown(present<Channel>(byChannel), (channel) => ({ channel })),
      ]);
      return { trend, kinds, channels };
    },
    placeholderData: keepPreviousData,
  });
}

/** The municipality's units, for the unit filter; readers other than ops (e.g. the mayor) may not list them. */
export function useUnits() {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['routing-units', tenant.slug],
    queryFn: async ({ signal }) =>
      unwrap(await routing.GET('/tenants/{tenant}/routing/units', { params: { path: { tenant: tenant.slug } }, signal })).units,
    staleTime: 5 * 60_000,
  });
}

export const DUE_LIST_SIZE = 10;

/** The open cases overdue, or due soon, in the unit and kind filtered on (the period does not apply: it is now). */
export function useDueList(due: 'overdue' | 'soon', filters: OpsFilters) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['cases', tenant.slug, 'ops', due, filters.unit, filters.kind],
    queryFn: async ({ signal }) =>
      unwrap(
        await analytics.GET('/tenants/{tenant}/cases', {
          params: {
            path: { tenant: tenant.slug },
            query: {
              due,
              sort: 'dueDate',
              pageSize: DUE_LIST_SIZE,
              ...(filters.unit ? { unit: filters.unit } : {}),
              ...(filters.kind ? { kind: filters.kind } : {}),
            },
          },
          signal,
        }),
      ),
  });
}
