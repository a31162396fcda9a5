import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { components } from '../../api/generated/intake';
import { intake } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

export type StaffSubmission = components['schemas']['StaffSubmissionDto'];
export type Registration = components['schemas']['RegistrationResponseDto'];

/**
 * POST …/cases with an Idempotency-Key kept while the same submission is sent again (a retry after a lost answer
 * gets the same case and number, never a second one); a changed submission is a new registration with a new key.
 */
export function useRegister() {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const attempt = useRef<{ fingerprint: string; key: string } | undefined>(undefined);

  return useMutation({
    mutationFn: async (body: StaffSubmission) => {
      const fingerprint = JSON.stringify(body);
      if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: crypto.randomUUID() };
      return unwrap(
        await intake.POST('/tenants/{tenant}/cases', {
          params: { path: { tenant: tenant.slug }, header: { 'Idempotency-Key': attempt.current.key } },
          body,
        }),
      );
    },
    onSuccess: async () => {
      attempt.current = undefined;
      await queryClient.invalidateQueries({ queryKey: ['cases', tenant.slug] });
    },
  });
}
