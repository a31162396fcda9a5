import { Inject, Injectable } from '@nestjs/common';
import { caseAccess, caseStanding, currentUnits, type CaseAccess, type RegisteredCase, type Role, type Viewer } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE } from '../event-store.provider';
import { readRoutingConfig } from '../tenants/routing-config';
import { TenantDirectory } from '../tenants/tenant-directory';

/** Who a unit is headed by: a head of unit, or the secretary or mayor where they head one themselves. */
const UNIT_HEAD_ROLES: readonly Role[] = ['head-of-unit', 'secretary', 'mayor'];

/**
 * How much of a case a member of staff may see (the domain's `caseAccess`), with the head of the case's unit
 * looked up in the tenant's units as its administrators keep them. The units are read only for a case that
 * has a unit, and only when a head of unit asks.
 */
@Injectable()
export class CaseAccessPolicy {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tenants: TenantDirectory,
  ) {}

  async accessTo(viewer: Viewer, state: RegisteredCase): Promise<CaseAccess> {
    const withoutHead = caseStanding(state, () => null);
    if (withoutHead.unit === null || !viewer.roles.includes('head-of-unit')) return caseAccess(viewer, withoutHead);
    const heads = await this.unitHeads(state.facts.tenant);
    return caseAccess(
      viewer,
      caseStanding(state, (unit) => heads.get(unit) ?? null),
    );
  }

  /**
   * The units the person heads, for the decider's authority over a case of theirs (the domain's authority.ts):
   * looked up only for the roles a unit is headed by.
   */
  async unitsHeadedBy(viewer: Viewer, tenant: string): Promise<string[]> {
    if (!viewer.roles.some((role) => UNIT_HEAD_ROLES.includes(role))) return [];
    const heads = await this.unitHeads(tenant);
    return [...heads].filter(([, headId]) => headId === viewer.id).map(([unit]) => unit);
  }

  private async unitHeads(tenant: string): Promise<Map<string, string>> {
    const charter = this.tenants.get(tenant);
    if (!charter) return new Map();
    const { units } = currentUnits(await readRoutingConfig(this.store, tenant), charter);
    return new Map(units.flatMap((unit) => (unit.headOfUnitId === undefined ? [] : [[unit.id, unit.headOfUnitId] as const])));
  }
}
