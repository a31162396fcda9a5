/**
 * The tenants the data set fills: the seed tenants the services load (`TenantDirectory`, the domain's
 * tenants/*.json), each with its calendar, its share of the cases (by population), its staff and the routing
 * set-up an administrator would have made (one `ChangeOfficers` on `routingconfig-<tenant>`).
 */
import {
  currentRuleSet,
  currentUnits,
  foldRoutingConfig,
  routingConfigDecider,
  type BulgarianWorkingCalendar,
  type Officer,
  type Role,
  type RoutingConfigEvent,
  type RoutingConfigState,
  type RuleSet,
  type TenantCharter,
} from '@civic/domain';
import { DEFAULT_TENANTS_DIR, TenantDirectory } from '@civic/platform';
import { OFFICERS_PER_10K } from './mix';

export interface DatasetTenant {
  charter: TenantCharter;
  calendar: BulgarianWorkingCalendar;
  /** The town's name for addresses. */
  town: string;
  /** Of all the cases. */
  share: number;
  officers: Officer[];
  ruleSet: RuleSet;
  escalationRole: Role;
  /** The routing set-up as routing folds it after the officers were set. */
  routing: RoutingConfigState;
  /** The one `OfficersChanged` that set them, to append to `routingconfig-<tenant>` before any case. */
  officersChanged: RoutingConfigEvent;
}

/** The staff who act on cases, by the seeded users' ids (`<tenant>:<role>`, libs/auth's development users). */
export const staff = (tenant: string, role: Role) => ({ id: `${tenant}:${role}`, role });

/** Officers per unit by population; the anti-corruption unit has the tenant's anti-corruption officer. */
export function officersOf(charter: TenantCharter): Officer[] {
  const people = charter.population.count ?? 10_000;
  const officers: Officer[] = [];
  for (const unit of currentUnits({ ruleSet: null, officers: [], units: null }, charter).units) {
    if (!unit.active) continue;
    const role = charter.departments.find((department) => department.id === unit.id)?.role;
    if (role === 'anti-corruption') {
      officers.push({ id: `${charter.slug}:anti-corruption-officer`, unit: unit.id, absent: false });
      continue;
    }
    const count = Math.max(1, Math.round(((OFFICERS_PER_10K[unit.id] ?? 0.5) * people) / 10_000));
    // The seeded officer (who can log in to the console) works in the services centre.
    if (role === 'services-centre') officers.push({ id: `${charter.slug}:officer`, unit: unit.id, absent: false });
    for (let n = 1; n <= count; n++) officers.push({ id: `${charter.slug}:officer-${unit.id}-${n}`, unit: unit.id, absent: false });
  }
  return officers;
}

export interface RoutingSetupIds {
  commandId: string;
  correlationId: string;
  eventId: string;
  now: string;
}

/** The tenants of the services' default directory, with what the generator needs of each. */
export function loadTenants(setup: (slug: string) => RoutingSetupIds): DatasetTenant[] {
  const directory = TenantDirectory.load(DEFAULT_TENANTS_DIR);
  const charters = directory.list();
  const population = charters.reduce((sum, charter) => sum + (charter.population.count ?? 10_000), 0);
  return charters.map((charter) => {
    const officers = officersOf(charter);
    const ids = setup(charter.slug);
    const decided = routingConfigDecider.decide(
      {
        type: 'ChangeOfficers',
        data: { officers },
        metadata: {
          tenant: charter.slug,
          actor: staff(charter.slug, 'tenant-admin'),
          commandId: ids.commandId,
          correlationId: ids.correlationId,
          now: ids.now,
          charter,
        },
      },
      routingConfigDecider.initialState(),
    );
    if (!decided.ok || decided.events.length !== 1) throw new Error(`officers of ${charter.slug} refused: ${JSON.stringify(decided)}`);
    const routing = foldRoutingConfig(decided.events);
    const ruleSet = currentRuleSet(routing, charter);
    return {
      charter,
      calendar: directory.calendarOf(charter),
      town: charter.name.bg.replace(/^Община\s+/, 'гр. '),
      share: (charter.population.count ?? 10_000) / population,
      officers,
      ruleSet,
      escalationRole: ruleSet.escalationRole,
      routing,
      officersChanged: decided.events[0],
    };
  });
}
