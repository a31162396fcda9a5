import { publicInformation } from '@civic/domain';
import { DEFAULT_TENANTS_DIR, TenantDirectory } from '@civic/platform';
import type { PublicInformation } from '../intake/public-api';
import { TenantGuide } from '../tenants/guide';

const directory = TenantDirectory.load(DEFAULT_TENANTS_DIR);

/**
 * A municipality as the portal sees it in unit tests: its seed charter, and what intake publishes about it (the
 * domain's `publicInformation`, which is what intake answers), with C2's limits when given.
 */
export function guideOf(slug: string, extra: Partial<PublicInformation> = {}): TenantGuide {
  const charter = directory.get(slug);
  if (!charter) throw new Error(`no seed tenant ${slug}`);
  return new TenantGuide(charter, { ...publicInformation(charter), ...extra });
}

export const SEED_TENANTS = directory.list().map((tenant) => tenant.slug);
