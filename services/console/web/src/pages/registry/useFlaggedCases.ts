import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { analytics } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

export const QUEUE_PAGE_SIZE = 20;

/** Cases screening left to the registrar (status Flagged), oldest received first, from the analytics read model. */
export function useFlaggedCases(page: number) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['cases', tenant.slug, 'flagged', { page }],
    queryFn: async ({ signal }) =>
      unwrap(
        await analytics.GET('/tenants/{tenant}/cases', {
          params: { path: { tenant: tenant.slug }, query: { status: 'Flagged', sort: 'receivedAt', page, pageSize: QUEUE_PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
