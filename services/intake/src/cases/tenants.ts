import type { TenantCharter } from '@civic/domain';
import type { TenantDirectory } from '@civic/platform';
import { UnknownTenantError } from './errors';

/** The tenant's charter, or UnknownTenantError (a 404 naming the tenant). */
export function charterOf(tenants: TenantDirectory, tenant: string): TenantCharter {
  const charter = tenants.get(tenant);
  if (!charter) throw new UnknownTenantError(tenant);
  return charter;
}
