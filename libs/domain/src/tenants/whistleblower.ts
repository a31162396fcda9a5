import type { TenantCharter } from './charter.schema';

/**
 * ЗЗЛПСПОИН: an internal whistleblowing channel is required of employers with 50 or more staff and of
 * municipalities with 10,000 or more inhabitants (LEGAL-SOURCES.md, "Kinds of submission"; arts. 12–18).
 */
export const WHISTLEBLOWER_THRESHOLDS = {
  staff: 50,
  population: 10_000,
  // The exact paragraph of art. 12 is to be confirmed against the law's text.
  source: 'ЗЗЛПСПОИН чл. 12',
} as const;

export type WhistleblowerDuty = 'required' | 'not-required' | 'unknown';

export function whistleblowerDuty(tenant: Pick<TenantCharter, 'population' | 'staff'>): WhistleblowerDuty {
  const staff = tenant.staff.count;
  const population = tenant.population.count;
  if (
    (staff !== null && staff >= WHISTLEBLOWER_THRESHOLDS.staff) ||
    (population !== null && population >= WHISTLEBLOWER_THRESHOLDS.population)
  ) {
    return 'required';
  }
  return staff === null || population === null ? 'unknown' : 'not-required';
}

/**
 * Whether the tenant must offer the whistleblower channel. An unknown count counts as required: offering
 * a channel the law does not demand harms nobody, missing one it demands breaks the law.
 */
export function whistleblowerChannelRequired(tenant: Pick<TenantCharter, 'population' | 'staff'>): boolean {
  return whistleblowerDuty(tenant) !== 'not-required';
}
