import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { analytics, routing } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

export const QUEUE_PAGE_SIZE = 50;

/** The units in force; the ones the signed-in person heads are those naming their `sub` as head. */
export function useUnits() {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['routing', tenant.slug, 'units'],
    queryFn: async ({ signal }) => {
      const result = await routing.GET('/tenants/{tenant}/routing/units', { params: { path: { tenant: tenant.slug } }, signal });
      const data = unwrap(result);
      return { ...data, etag: result.response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });
}

/** Every officer of every unit with their open cases now (the workload) and whether they are absent. */
export function useOfficers() {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['routing', tenant.slug, 'officers'],
    queryFn: async ({ signal }) =>
      unwrap(await routing.GET('/tenants/{tenant}/routing/officers', { params: { path: { tenant: tenant.slug } }, signal })),
  });
}

/** The unit's cases, soonest due first, from the analytics read model. */
export function useUnitQueue(unit: string | undefined, page: number) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['cases', tenant.slug, 'unit', unit, { page }],
    enabled: unit !== undefined,
    queryFn: async ({ signal }) =>
      unwrap(
        await analytics.GET('/tenants/{tenant}/cases', {
          params: { path: { tenant: tenant.slug }, query: { unit, sort: 'dueDate', page, pageSize: QUEUE_PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The ids of the unit's open cases due soon (the list's items say `overdue` but not "due soon"). */
export function useUnitDueSoonIds(unit: string | undefined) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['cases', tenant.slug, 'unit', unit, 'due-soon-ids'],
    enabled: unit !== undefined,
    queryFn: async ({ signal }) => {
      const list = unwrap(
        await analytics.GET('/tenants/{tenant}/cases', {
          params: { path: { tenant: tenant.slug }, query: { unit, due: 'soon', sort: 'dueDate', pageSize: 100 } },
          signal,
        }),
      );
      return new Set((list.items ?? []).flatMap((item) => (item.caseId ? [item.caseId] : [])));
    },
  });
}
