import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { intake, routing } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';
import { caseQueryKey } from '../case/useCase';

/** The case's revision as intake's desk view gives it (the ETag to send as If-Match), once a case is chosen. */
export function useCaseRevision(caseId: string) {
  const { tenant } = useSession();
  return useQuery({
    queryKey: caseQueryKey(tenant.slug, caseId),
    enabled: caseId !== '',
    queryFn: async ({ signal }) => {
      const result = await intake.GET('/tenants/{tenant}/cases/{caseId}', { params: { path: { tenant: tenant.slug, caseId } }, signal });
      const view = unwrap(result);
      return { view, etag: result.response.headers.get('ETag') ?? `"${view.revision}"` };
    },
  });
}

export interface ReassignRequest {
  caseId: string;
  officerId: string;
  reason: string;
  etag: string;
}

/**
 * POST …/reassign with If-Match (the revision as read) and an Idempotency-Key, kept while the same request is
 * resent (a retry after a lost answer changes nothing); another officer, reason or revision is a new action.
 */
export function useReassign() {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const attempt = useRef<{ fingerprint: string; key: string } | undefined>(undefined);

  return useMutation({
    mutationFn: async ({ caseId, officerId, reason, etag }: ReassignRequest) => {
      const fingerprint = JSON.stringify([caseId, officerId, reason, etag]);
      if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: crypto.randomUUID() };
      return unwrap(
        await routing.POST('/tenants/{tenant}/cases/{caseId}/reassign', {
          params: { path: { tenant: tenant.slug, caseId }, header: { 'Idempotency-Key': attempt.current.key, 'If-Match': etag } },
          body: { officerId, reason },
        }),
      );
    },
    onSuccess: () => {
      attempt.current = undefined;
    },
    onSettled: async (_data, _error, request) => {
      await queryClient.invalidateQueries({ queryKey: caseQueryKey(tenant.slug, request.caseId) });
      await queryClient.invalidateQueries({ queryKey: ['cases', tenant.slug] });
      await queryClient.invalidateQueries({ queryKey: ['routing', tenant.slug, 'officers'] });
    },
  });
}
