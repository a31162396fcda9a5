import type { Decider } from '../case/decider';
import { exhaustive } from '../case/exhaustive';
import type { Result } from '../case/result';
import type { Actor, Role } from '../case/roles';
import type { Instant, LocalizedText, TenantSlug } from '../shared/vocabulary';
import type { TenantCharter } from '../tenants';
import {
  currentRuleSet,
  currentUnits,
  initialRoutingConfig,
  evolveRoutingConfig,
  type Officer,
  type RoutingConfigEvent,
  type RoutingConfigEventMetadata,
  type RoutingConfigState,
} from './config-events';
import { DEFAULT_RULE_SET_VERSION } from './default-rule-set';
import type { RuleSetContent } from './rule-set.schema';
import type { Unit } from './units';

/** What an administrator asks of the routing set-up. Ids, time and the tenant's charter come in with it. */
export interface RoutingConfigCommandMetadata {
  tenant: TenantSlug;
  actor: Actor;
  commandId: string;
  correlationId: string;
  now: Instant;
  /**
   * The tenant's charter, a lookup the application passes in: its departments are the units, and its data
   * the rules, until an administrator changes them.
   */
  charter: TenantCharter;
}

export interface ChangeRoutingRules {
  type: 'ChangeRoutingRules';
  /** `basedOnVersion`: the version the administrator edited; a change made meanwhile is not overwritten. */
  data: { content: RuleSetContent; basedOnVersion?: number };
  metadata: RoutingConfigCommandMetadata;
}

export interface ChangeOfficers {
  type: 'ChangeOfficers';
  data: { officers: Officer[] };
  metadata: RoutingConfigCommandMetadata;
}

export interface ChangeUnits {
  type: 'ChangeUnits';
  /** Every unit of the tenant; `basedOnVersion` as for the rules. */
  data: { units: Unit[]; basedOnVersion?: number };
  metadata: RoutingConfigCommandMetadata;
}

export type RoutingConfigCommand = ChangeRoutingRules | ChangeOfficers | ChangeUnits;

/** A field that names a unit the tenant does not have, or one that is inactive, e.g. `rules.3.then.unit`. */
export interface UnitProblem {
  path: string;
  unit: string;
  why: 'unknown' | 'inactive';
}

/**
 * Where the set-up in force names a unit: `referencedBy` is the path in the rule set (`defaultUnit`,
 * `rules.3.then.unit`, `rules.3.then.inform.units.0`) or in the officer list (`officers.1.unit`).
 * (Escalation names a role, `escalationRole`, not a unit: there is nothing of it to check here.)
 */
export interface UnitReference {
  unit: string;
  referencedBy: string;
  ruleId?: string;
  officerId?: string;
}

/** A unit a units change removes or deactivates while something still names it. */
export interface UnitInUse extends UnitReference {
  /** The field of the new list that does it: `units.2.active`, or `units` when the unit is left out. */
  field: string;
}

type Named<T extends string, D = unknown> = { type: T; message: LocalizedText } & D;
export type RoutingConfigRejection =
  | Named<'NotPermittedForRole', { role: Role }>
  | Named<'UnknownUnits', { problems: UnitProblem[] }>
  | Named<'DuplicateOfficer', { officerId: string; path: string }>
  | Named<'DuplicateUnit', { unitId: string; path: string }>
  | Named<'UnitInUse', { references: UnitInUse[] }>
  | Named<'StaleRuleSetVersion', { basedOnVersion: number; currentVersion: number }>
  | Named<'StaleUnitsVersion', { basedOnVersion: number; currentVersion: number }>
  | Named<'UnknownCommand', { command: string }>;

/** Only the tenant's administrators set up routing (roles.ts: "sets the municipality up"). */
const CONFIGURES: readonly Role[] = ['tenant-admin'];

/** The rule set's version now: the defaults have version 1 until the first change. */
export const currentRuleSetVersion = (state: RoutingConfigState): number => state.ruleSet?.version ?? DEFAULT_RULE_SET_VERSION;

/** Every place a rule set names a unit. */
export function ruleSetUnitReferences(content: Pick<RuleSetContent, 'rules' | 'defaultUnit'>): UnitReference[] {
  const references: UnitReference[] = [{ unit: content.defaultUnit, referencedBy: 'defaultUnit' }];
  content.rules.forEach((rule, i) => {
    references.push({ unit: rule.then.unit, referencedBy: `rules.${i}.then.unit`, ruleId: rule.id });
    rule.then.inform.units.forEach((unit, j) =>
      references.push({ unit, referencedBy: `rules.${i}.then.inform.units.${j}`, ruleId: rule.id }),
    );
  });
  return references;
}

/** Every place an officer list names a unit. */
export const officerUnitReferences = (officers: readonly Officer[]): UnitReference[] =>
  officers.map((officer, i) => ({ unit: officer.unit, referencedBy: `officers.${i}.unit`, officerId: officer.id }));

/** The references that name no active unit of `units`, each with why. */
export function unitProblems(references: readonly UnitReference[], units: readonly Unit[]): UnitProblem[] {
  return references.flatMap(({ unit, referencedBy }): UnitProblem[] => {
    const found = units.find((candidate) => candidate.id === unit);
    if (!found) return [{ path: referencedBy, unit, why: 'unknown' }];
    return found.active ? [] : [{ path: referencedBy, unit, why: 'inactive' }];
  });
}

const unknownUnits = (problems: UnitProblem[]): RoutingConfigRejection => {
  const list = (quote: (unit: string) => string, inactive: string) =>
    problems.map((p) => `${p.path} (${quote(p.unit)}${p.why === 'inactive' ? `, ${inactive}` : ''})`).join(', ');
  return {
    type: 'UnknownUnits',
    problems,
    message: {
      bg: `Няма такова действащо звено: ${list((unit) => `„${unit}“`, 'неактивно')}.`,
      en: `No such active unit: ${list((unit) => `"${unit}"`, 'inactive')}.`,
    },
  };
};

/** Who names a unit, for people: `rule "potholes" (rules.0.then.unit)`. */
function describeReference(reference: UnitReference, language: 'bg' | 'en'): string {
  const where = `(${reference.referencedBy})`;
  if (reference.ruleId !== undefined)
    return language === 'bg' ? `правило „${reference.ruleId}“ ${where}` : `rule "${reference.ruleId}" ${where}`;
  if (reference.officerId !== undefined) {
    return language === 'bg' ? `служител „${reference.officerId}“ ${where}` : `officer "${reference.officerId}" ${where}`;
  }
  return language === 'bg' ? `звеното по подразбиране ${where}` : `the default unit ${where}`;
}

function unitInUse(references: UnitInUse[]): RoutingConfigRejection {
  const units = [...new Set(references.map((reference) => reference.unit))];
  const sentence = (language: 'bg' | 'en') =>
    units
      .map((unit) => {
        const by = references.filter((reference) => reference.unit === unit).map((reference) => describeReference(reference, language));
        return language === 'bg' ? `звеното „${unit}“ е посочено от ${by.join(', ')}` : `the unit "${unit}" is named by ${by.join(', ')}`;
      })
      .join('; ');
  return {
    type: 'UnitInUse',
    references,
    message: {
      bg: `Звено, което се премахва или деактивира, още се използва: ${sentence('bg')}. Първо променете правилата или служителите.`,
      en: `A unit removed or deactivated is still in use: ${sentence('en')}. Change the rules or the officers first.`,
    },
  };
}

function metadataOf(command: RoutingConfigCommand): RoutingConfigEventMetadata {
  const { tenant, actor, commandId, correlationId, now } = command.metadata;
  return { tenant, actor, correlationId, causationId: commandId, occurredAt: now, schemaVersion: 1 };
}

const staleVersion = (
  type: 'StaleRuleSetVersion' | 'StaleUnitsVersion',
  basedOnVersion: number,
  currentVersion: number,
): RoutingConfigRejection => {
  const [bg, en] =
    type === 'StaleRuleSetVersion' ? ['Правилата са променени', 'The rules changed'] : ['Звената са променени', 'The units changed'];
  return {
    type,
    basedOnVersion,
    currentVersion,
    message: {
      bg: `${bg} междувременно (версия ${currentVersion}, редактирана е ${basedOnVersion}).`,
      en: `${en} meanwhile (version ${currentVersion}; the edit was of version ${basedOnVersion}).`,
    },
  };
};

function changeRules(command: ChangeRoutingRules, state: RoutingConfigState): Result<RoutingConfigEvent, RoutingConfigRejection> {
  const { content, basedOnVersion } = command.data;
  const currentVersion = currentRuleSetVersion(state);
  if (basedOnVersion !== undefined && basedOnVersion !== currentVersion) {
    return { ok: false, rejection: staleVersion('StaleRuleSetVersion', basedOnVersion, currentVersion) };
  }
  const problems = unitProblems(ruleSetUnitReferences(content), currentUnits(state, command.metadata.charter).units);
  if (problems.length > 0) return { ok: false, rejection: unknownUnits(problems) };
  const ruleSet = { version: currentVersion + 1, ...content };
  return { ok: true, events: [{ type: 'RoutingRulesChanged', data: { ruleSet }, metadata: metadataOf(command) }] };
}

/** The first id listed twice, by the path of its second listing. */
function firstRepeat(ids: readonly string[], pathOf: (i: number) => string): { id: string; path: string } | undefined {
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) return { id, path: pathOf(i) };
    seen.add(id);
  }
  return undefined;
}

/**
 * An officer may serve several units (in a small municipality one clerk often covers several areas), each
 * listed once: the same officer twice in one unit is refused.
 */
function changeOfficers(command: ChangeOfficers, state: RoutingConfigState): Result<RoutingConfigEvent, RoutingConfigRejection> {
  const { officers } = command.data;
  const listings = new Set<string>();
  const again = officers.findIndex((officer) => {
    const listing = `${officer.id}\n${officer.unit}`;
    if (listings.has(listing)) return true;
    listings.add(listing);
    return false;
  });
  if (again >= 0) {
    const { id: officerId, unit } = officers[again];
    return {
      ok: false,
      rejection: {
        type: 'DuplicateOfficer',
        officerId,
        path: `officers.${again}.id`,
        message: {
          bg: `Служителят ${officerId} е посочен два пъти в звено ${unit}.`,
          en: `The officer ${officerId} is listed twice in unit ${unit}.`,
        },
      },
    };
  }
  const problems = unitProblems(officerUnitReferences(officers), currentUnits(state, command.metadata.charter).units);
  if (problems.length > 0) return { ok: false, rejection: unknownUnits(problems) };
  return { ok: true, events: [{ type: 'OfficersChanged', data: { officers }, metadata: metadataOf(command) }] };
}

/**
 * A new list of units. Refused when it would leave the rules in force (the administrator's, or the
 * charter's defaults) or an officer naming a unit that no longer exists or is inactive: those change first.
 */
function changeUnits(command: ChangeUnits, state: RoutingConfigState): Result<RoutingConfigEvent, RoutingConfigRejection> {
  const { units, basedOnVersion } = command.data;
  const { charter } = command.metadata;
  const currentVersion = currentUnits(state, charter).version;
  if (basedOnVersion !== undefined && basedOnVersion !== currentVersion) {
    return { ok: false, rejection: staleVersion('StaleUnitsVersion', basedOnVersion, currentVersion) };
  }
  const repeat = firstRepeat(
    units.map((unit) => unit.id),
    (i) => `units.${i}.id`,
  );
  if (repeat) {
    return {
      ok: false,
      rejection: {
        type: 'DuplicateUnit',
        unitId: repeat.id,
        path: repeat.path,
        message: { bg: `Звеното ${repeat.id} е посочено два пъти.`, en: `The unit ${repeat.id} is listed twice.` },
      },
    };
  }
  const references = [...ruleSetUnitReferences(currentRuleSet(state, charter)), ...officerUnitReferences(state.officers)];
  const inUse = references.flatMap((reference): UnitInUse[] => {
    const index = units.findIndex((unit) => unit.id === reference.unit);
    if (index === -1) return [{ ...reference, field: 'units' }];
    return units[index].active ? [] : [{ ...reference, field: `units.${index}.active` }];
  });
  if (inUse.length > 0) return { ok: false, rejection: unitInUse(inUse) };
  return { ok: true, events: [{ type: 'UnitsChanged', data: { version: currentVersion + 1, units }, metadata: metadataOf(command) }] };
}

const unknownCommand = (command: { type: string }): RoutingConfigRejection => ({
  type: 'UnknownCommand',
  command: command.type,
  message: { bg: `Непозната команда ${command.type}.`, en: `Unknown command ${command.type}.` },
});

export function decideRoutingConfig(
  command: RoutingConfigCommand,
  state: RoutingConfigState,
): Result<RoutingConfigEvent, RoutingConfigRejection> {
  const { role } = command.metadata.actor;
  if (!CONFIGURES.includes(role)) {
    return {
      ok: false,
      rejection: {
        type: 'NotPermittedForRole',
        role,
        message: { bg: `Ролята „${role}“ не настройва насочването.`, en: `The role "${role}" does not set up routing.` },
      },
    };
  }
  switch (command.type) {
    case 'ChangeRoutingRules':
      return changeRules(command, state);
    case 'ChangeOfficers':
      return changeOfficers(command, state);
    case 'ChangeUnits':
      return changeUnits(command, state);
    default:
      return exhaustive(command, { ok: false, rejection: unknownCommand(command) });
  }
}

/** The tenant's routing set-up as a decider, for the generic command handler (read → fold → decide → append). */
export const routingConfigDecider: Decider<RoutingConfigCommand, RoutingConfigEvent, RoutingConfigState, RoutingConfigRejection> = {
  decide: decideRoutingConfig,
  evolve: evolveRoutingConfig,
  initialState: initialRoutingConfig,
};
