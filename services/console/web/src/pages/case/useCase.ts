import { useQuery } from '@tanstack/react-query';
import type { DeskCaseView } from '../../api/cases';
import { intake } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

export interface LoadedCase {
  view: DeskCaseView;
  /** The revision as the ETag the service sent, to send back as If-Match. */
  etag: string;
}

export function caseQueryKey(tenant: string, caseId: string) {
  return ['case', tenant, caseId] as const;
}

/** The case desk view from intake, with its ETag. */
export function useCase(caseId: string) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: caseQueryKey(tenant.slug, caseId),
    queryFn: async ({ signal }): Promise<LoadedCase> => {
      const result = await intake.GET('/tenants/{tenant}/cases/{caseId}', {
        params: { path: { tenant: tenant.slug, caseId } },
        signal,
      });
      const view = unwrap(result);
      // The revision is also in the body; the header wins when a proxy keeps it, as the API documents.
      return { view, etag: result.response.headers.get('ETag') ?? `"${view.revision}"` };
    },
  });
}
