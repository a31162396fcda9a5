import { useQuery } from '@tanstack/react-query';
import { intake } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

/** The municipality's channels, kinds, categories and officials, from its charter (intake's staff route). */
export function useTenantInformation() {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['tenant-information', tenant.slug],
    queryFn: async ({ signal }) =>
      unwrap(await intake.GET('/tenants/{tenant}/information', { params: { path: { tenant: tenant.slug } }, signal })),
    staleTime: 60 * 60_000,
  });
}
