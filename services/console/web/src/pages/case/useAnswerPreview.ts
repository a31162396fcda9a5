import { useMutation } from '@tanstack/react-query';
import type { AnswerPreview, Channel } from '../../api/cases';
import { notification } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

/** The answer letter as the submitter will get it (notification renders the case's own values and the tenant's wording). */
export function useAnswerPreview(caseId: string) {
  const { tenant } = useSession();
  return useMutation({
    mutationFn: async ({ text, channel }: { text: string; channel?: Channel }): Promise<AnswerPreview & { forText: string }> => {
      const preview = unwrap(
        await notification.POST('/tenants/{tenant}/cases/{caseId}/letters/answer-preview', {
          params: { path: { tenant: tenant.slug, caseId } },
          body: channel ? { text, channel } : { text },
        }),
      );
      return { ...preview, forText: text };
    },
  });
}
