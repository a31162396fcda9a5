import { useQuery } from '@tanstack/react-query';
import type { CaseHistory } from '../../api/cases';
import { intake } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';
import { caseQueryKey } from './useCase';

/** The case's course event by event (intake's desk); under the case's query key, so it is read again with the case. */
export function useCaseHistory(caseId: string) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: [...caseQueryKey(tenant.slug, caseId), 'history'],
    queryFn: async ({ signal }): Promise<CaseHistory> =>
      unwrap(await intake.GET('/tenants/{tenant}/cases/{caseId}/history', { params: { path: { tenant: tenant.slug, caseId } }, signal })),
  });
}
