import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DueFilter } from '../../api/cases';
import { analytics } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

export const PAGE_SIZE = 20;

/** The officer's cases, soonest due first, from the analytics read model. */
export function useMyCases(page: number, due: DueFilter | undefined) {
  const { user, tenant } = useSession();
  return useQuery({
    queryKey: ['cases', tenant.slug, 'officer', user.sub, { page, due }],
    queryFn: async ({ signal }) =>
      unwrap(
        await analytics.GET('/tenants/{tenant}/cases', {
          params: {
            path: { tenant: tenant.slug },
            query: { officer: user.sub, sort: 'dueDate', page, pageSize: PAGE_SIZE, ...(due ? { due } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The ids of the officer's open cases due soon. The list's items say `overdue` but not "due soon" (the window is
 * the service's ANALYTICS_DUE_SOON_DAYS), so the `due=soon` filter is asked for them; up to 100, the API's page maximum.
 */
export function useDueSoonIds() {
  const { user, tenant } = useSession();
  return useQuery({
    queryKey: ['cases', tenant.slug, 'officer', user.sub, 'due-soon-ids'],
    queryFn: async ({ signal }) => {
      const list = unwrap(
        await analytics.GET('/tenants/{tenant}/cases', {
          params: { path: { tenant: tenant.slug }, query: { officer: user.sub, due: 'soon', sort: 'dueDate', pageSize: 100 } },
          signal,
        }),
      );
      return new Set((list.items ?? []).flatMap((item) => (item.caseId ? [item.caseId] : [])));
    },
  });
}
