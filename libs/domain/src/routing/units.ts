import { z } from 'zod';
import { identifier, localizedText } from '../tenants/charter-parts.schema';
import type { TenantCharter } from '../tenants';

/**
 * The units of a tenant as its administrators keep them ("tenant admins change units,
 * officers and rules"). Until they change anything, the units are the charter's departments, all active.
 * A unit is deactivated rather than removed when it should take no new cases but stays in the record.
 */
export const unitSchema = z
  .object({
    id: identifier,
    name: localizedText,
    /** The head of the unit's user id (the token's `sub`): pseudonymous, never a name or an e-mail. */
    headOfUnitId: z.string().min(1).max(200).optional(),
    /** An inactive unit takes no cases: no rule, officer or default may name it. */
    active: z.boolean().default(true),
  })
  .strict();
export type Unit = z.infer<typeof unitSchema>;

/** The units given whole, so the list can be read on its own; each change is the next version. */
export const unitListSchema = z.array(unitSchema).min(1, 'list at least one unit');

export interface UnitList {
  version: number;
  units: Unit[];
}

/** The version of the units a tenant has before its administrators change them. */
export const DEFAULT_UNITS_VERSION = 1;

/** The charter's departments as units: every one active, no head named yet. */
export const defaultUnits = (tenant: TenantCharter): UnitList => ({
  version: DEFAULT_UNITS_VERSION,
  units: tenant.departments.map((department) => ({ id: department.id, name: department.name, active: true })),
});
