import type { TenantCharter } from '@civic/domain';
import { DEFAULT_TENANTS_DIR, TenantDirectory } from '@civic/platform';

const seeds = TenantDirectory.load(DEFAULT_TENANTS_DIR);

/** A seed tenant's charter (libs/domain/tenants), for tests. */
export function seedTenant(slug: string): TenantCharter {
  const charter = seeds.get(slug);
  if (!charter) throw new Error(`no seed tenant "${slug}"`);
  return charter;
}
