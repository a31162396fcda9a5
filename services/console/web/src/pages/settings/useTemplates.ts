import { useQuery } from '@tanstack/react-query';
import { notification } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

export function templatesQueryKey(tenant: string) {
  return ['notification', tenant, 'templates'] as const;
}

/** Every message in both languages as worded now, with the templates' version as ETag (If-Match when saving). */
export function useTemplates() {
  const { tenant } = useSession();
  return useQuery({
    queryKey: templatesQueryKey(tenant.slug),
    queryFn: async ({ signal }) => {
      const result = await notification.GET('/tenants/{tenant}/notifications/templates', {
        params: { path: { tenant: tenant.slug } },
        signal,
      });
      const data = unwrap(result);
      return { ...data, etag: result.response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });
}
