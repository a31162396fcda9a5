import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { AnswerBody } from '../../api/cases';
import { intake } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';
import { caseQueryKey } from './useCase';

interface AnswerRequest {
  body: AnswerBody;
  etag: string;
}

/**
 * POST …/answer with If-Match (the ETag as read) and an Idempotency-Key. The key is kept while the same answer
 * is sent against the same revision (a retry after a lost response changes nothing); a different answer or
 * revision, e.g. after a 412, is a new action with a new key.
 */
export function useAnswer(caseId: string) {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const attempt = useRef<{ fingerprint: string; key: string } | undefined>(undefined);

  return useMutation({
    mutationFn: async ({ body, etag }: AnswerRequest) => {
      const fingerprint = JSON.stringify([body, etag]);
      if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: crypto.randomUUID() };
      return unwrap(
        await intake.POST('/tenants/{tenant}/cases/{caseId}/answer', {
          params: {
            path: { tenant: tenant.slug, caseId },
            header: { 'Idempotency-Key': attempt.current.key, 'If-Match': etag },
          },
          body,
        }),
      );
    },
    onSuccess: () => {
      attempt.current = undefined;
    },
    // Success or refusal, the case may have moved on: read it again (the action's answer carries no content).
    onSettled: async (_data, error) => {
      await queryClient.invalidateQueries({ queryKey: caseQueryKey(tenant.slug, caseId) });
      if (!error) await queryClient.invalidateQueries({ queryKey: ['cases', tenant.slug] });
    },
  });
}
