import { useQuery } from '@tanstack/react-query';
import { routing } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

export { useOfficers, useUnits } from '../unit/useUnitData';

/** The rule set in force with its ETag (If-Match when saving). */
export function useRules() {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['routing', tenant.slug, 'rules'],
    queryFn: async ({ signal }) => {
      const result = await routing.GET('/tenants/{tenant}/routing/rules', { params: { path: { tenant: tenant.slug } }, signal });
      const data = unwrap(result);
      return { ...data, etag: result.response.headers.get('ETag') ?? `"${data.ruleSet.version}"` };
    },
  });
}
