import type { Role } from '@civic/domain';
import type { Principal } from './principal';
import type { AccessDenial } from './rejections';

export interface RouteRequirement {
  /** Roles from `@Auth(...)`; empty means any signed-in staff member. */
  roles: readonly Role[];
  /** The route's `:tenant` parameter, when it has one. */
  tenant?: string;
}

/**
 * May this principal use this route? One of the roles, and, on a tenant's route, the same tenant.
 * Every role is bound to its tenant, ops and auditor included: they see one municipality's data, never
 * another's. Platform-wide operations (across tenants) are out of scope until a route needs them.
 */
export function checkAccess(principal: Principal, requirement: RouteRequirement): AccessDenial | undefined {
  const { roles, tenant } = requirement;
  if (roles.length > 0 && !principal.roles.some((role) => roles.includes(role))) {
    return {
      reason: 'role-not-allowed',
      message: {
        bg: `Този адрес изисква една от ролите: ${roles.join(', ')}.`,
        en: `this route needs one of the roles: ${roles.join(', ')}`,
      },
    };
  }
  if (tenant !== undefined && tenant !== principal.tenant) {
    return {
      reason: 'other-tenant',
      message: {
        bg: `Токенът е за община „${principal.tenant}“, а не за „${tenant}“.`,
        en: `the token is for tenant "${principal.tenant}", not "${tenant}"`,
      },
    };
  }
  return undefined;
}
