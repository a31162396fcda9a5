import { z } from 'zod';
import { exhaustive } from '../case/exhaustive';
import type { Actor } from '../case/roles';
import type { Instant, TenantSlug } from '../shared/vocabulary';
import { identifier } from '../tenants/charter-parts.schema';
import type { TenantCharter } from '../tenants';
import { defaultRuleSet } from './default-rule-set';
import type { RuleSet } from './rule-set.schema';
import { defaultUnits, type Unit, type UnitList } from './units';

/**
 * A tenant's routing set-up is event-sourced like a case ("changes are events too"):
 * one stream per tenant, `routingconfig-<tenant>`, holding each change an administrator made. The current
 * units, rules and officers are folded from it; an empty stream means the defaults built from the charter.
 */
export const routingConfigStreamName = (tenant: TenantSlug) => `routingconfig-${tenant}`;

/** An officer as the tenant admin sets them up: who, in which unit, and whether away (leave, sickness). */
export const officerSchema = z
  .object({
    /** The person's user id (the token's `sub`): pseudonymous, never a name or an e-mail. */
    id: z.string().min(1).max(200),
    unit: identifier,
    absent: z.boolean().default(false),
  })
  .strict();
export type Officer = z.infer<typeof officerSchema>;

export interface RoutingConfigEventMetadata {
  tenant: TenantSlug;
  actor: Actor;
  correlationId: string;
  causationId: string;
  occurredAt: Instant;
  schemaVersion: 1;
}

/** A new version of the rule set, given whole, so each version can be read on its own. */
export interface RoutingRulesChanged {
  type: 'RoutingRulesChanged';
  data: { ruleSet: RuleSet };
  metadata: RoutingConfigEventMetadata;
}

/** The officers of every unit, given whole: the list replaces the previous one. */
export interface OfficersChanged {
  type: 'OfficersChanged';
  data: { officers: Officer[] };
  metadata: RoutingConfigEventMetadata;
}

/** The tenant's units, given whole (id, name in both languages, head of unit, active), as a new version. */
export interface UnitsChanged {
  type: 'UnitsChanged';
  data: { version: number; units: Unit[] };
  metadata: RoutingConfigEventMetadata;
}

export type RoutingConfigEvent = RoutingRulesChanged | OfficersChanged | UnitsChanged;

export interface RoutingConfigState {
  /** null until an administrator changes the rules: the defaults from the charter apply. */
  ruleSet: RuleSet | null;
  officers: Officer[];
  /** null until an administrator changes the units: the charter's departments apply. */
  units: UnitList | null;
}

export const initialRoutingConfig = (): RoutingConfigState => ({ ruleSet: null, officers: [], units: null });

export function evolveRoutingConfig(state: RoutingConfigState, event: RoutingConfigEvent): RoutingConfigState {
  switch (event.type) {
    case 'RoutingRulesChanged':
      return { ...state, ruleSet: event.data.ruleSet };
    case 'OfficersChanged':
      return { ...state, officers: event.data.officers };
    case 'UnitsChanged':
      return { ...state, units: { version: event.data.version, units: event.data.units } };
    default:
      // An event type this version does not know changes nothing (a newer writer, an older reader).
      return exhaustive(event, state);
  }
}

/** The rule set in force: the last one an administrator wrote, or the defaults from the tenant's charter. */
export const currentRuleSet = (state: RoutingConfigState, tenant: TenantCharter): RuleSet => state.ruleSet ?? defaultRuleSet(tenant);

/** The units in force: the last list an administrator wrote, or the charter's departments. */
export const currentUnits = (state: RoutingConfigState, tenant: TenantCharter): UnitList => state.units ?? defaultUnits(tenant);

export const foldRoutingConfig = (events: readonly RoutingConfigEvent[]): RoutingConfigState =>
  events.reduce(evolveRoutingConfig, initialRoutingConfig());
