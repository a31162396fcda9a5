import { unknownTenant } from '@civic/platform';
import { UnknownTenantError } from '../cases/case-reads';

/** Runs `work`, answering the platform's 404 for a tenant not served here. */
export async function forTenant<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnknownTenantError) throw unknownTenant(error.tenant);
    throw error;
  }
}
