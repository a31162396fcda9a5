import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { paths } from '../../api/generated/intake';
import { intake } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';
import { caseQueryKey } from '../case/useCase';

export type ScreeningDecision = NonNullable<
  paths['/tenants/{tenant}/cases/{caseId}/screening']['post']['requestBody']
>['content']['application/json'];

interface DecisionRequest {
  body: ScreeningDecision;
  etag: string;
}

/**
 * POST …/screening, sent like the desk's actions: If-Match (the ETag as read) and an Idempotency-Key kept while the
 * same decision is sent against the same revision. (Intake's screening route does not read either header yet; a
 * second decision on a case no longer flagged is refused by the decider, 409.)
 */
export function useScreeningDecision(caseId: string) {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const attempt = useRef<{ fingerprint: string; key: string } | undefined>(undefined);

  return useMutation({
    mutationFn: async ({ body, etag }: DecisionRequest) => {
      const fingerprint = JSON.stringify([body, etag]);
      if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: crypto.randomUUID() };
      return unwrap(
        await intake.POST('/tenants/{tenant}/cases/{caseId}/screening', {
          params: { path: { tenant: tenant.slug, caseId } },
          headers: { 'Idempotency-Key': attempt.current.key, 'If-Match': etag },
          body,
        }),
      );
    },
    onSuccess: () => {
      attempt.current = undefined;
    },
    onSettled: async (_data, error) => {
      await queryClient.invalidateQueries({ queryKey: caseQueryKey(tenant.slug, caseId) });
      if (!error) await queryClient.invalidateQueries({ queryKey: ['cases', tenant.slug] });
    },
  });
}
