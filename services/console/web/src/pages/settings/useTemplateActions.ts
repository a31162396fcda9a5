import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LANGUAGES, type MessageId, type TemplateLanguage } from '../../api/admin';
import { notification } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';
import { templatesQueryKey } from './useTemplates';

export interface Wording {
  subject: string;
  text: string;
}

/** Renders the drafts in both languages with the message's sample values (nothing is saved). */
export function usePreview(message: MessageId) {
  const { tenant } = useSession();
  return useMutation({
    mutationFn: async (drafts: Record<TemplateLanguage, Wording>) => {
      const render = async (language: TemplateLanguage) =>
        unwrap(
          await notification.POST('/tenants/{tenant}/notifications/templates/{message}/{language}/preview', {
            params: { path: { tenant: tenant.slug, message, language } },
            body: drafts[language],
          }),
        );
      const [bg, en] = await Promise.all([render('bg'), render('en')]);
      return { bg, en } as const;
    },
  });
}

/**
 * Saves the languages whose wording changed, one after the other: each change is a new version of the
 * templates, so each PUT sends the ETag the previous one answered with as If-Match.
 */
export function useSaveTemplates(message: MessageId) {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ changes, etag }: { changes: Partial<Record<TemplateLanguage, Wording>>; etag: string }) => {
      let ifMatch = etag;
      for (const language of LANGUAGES) {
        const wording = changes[language];
        if (!wording) continue;
        const result = await notification.PUT('/tenants/{tenant}/notifications/templates/{message}/{language}', {
          params: { path: { tenant: tenant.slug, message, language }, header: { 'If-Match': ifMatch } },
          body: wording,
        });
        unwrap(result);
        ifMatch = result.response.headers.get('ETag') ?? ifMatch;
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: templatesQueryKey(tenant.slug) }),
  });
}

/** Goes back to the platform's wording in one language (recorded as a change, with If-Match). */
export function useResetTemplate(message: MessageId) {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ language, etag }: { language: TemplateLanguage; etag: string }) =>
      unwrap(
        await notification.DELETE('/tenants/{tenant}/notifications/templates/{message}/{language}', {
          params: { path: { tenant: tenant.slug, message, language }, header: { 'If-Match': etag } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: templatesQueryKey(tenant.slug) }),
  });
}
