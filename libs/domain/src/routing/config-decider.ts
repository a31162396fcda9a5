import type { Decider } from '../case/decider';
import { exhaustive } from '../case/exhaustive';
import type { Result } from '../case/result';
import type { Actor, Role } from '../case/roles';
import type { Instant, LocalizedText, TenantSlug } from '../shared/vocabulary';
import {
  initialRoutingConfig,
  evolveRoutingConfig,
  type Officer,
  type RoutingConfigEvent,
  type RoutingConfigEventMetadata,
  type RoutingConfigState,
} from './config-events';
import { DEFAULT_RULE_SET_VERSION } from './default-rule-set';
import type { RuleSetContent } from './rule-set.schema';

/** What an administrator asks of the routing set-up. Ids, time and the tenant's units come in with it. */
export interface RoutingConfigCommandMetadata {
  tenant: TenantSlug;
  actor: Actor;
  commandId: string;
  correlationId: string;
  now: Instant;
  /** The tenant's unit ids (its charter's departments): a lookup the application passes in. */
  knownUnits: readonly string[];
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

export type RoutingConfigCommand = ChangeRoutingRules | ChangeOfficers;

/** A field that names a unit the tenant does not have, e.g. `rules.3.then.unit`. */
export interface UnitProblem {
  path: string;
  unit: string;
}

type Named<T extends string, D = unknown> = { type: T; message: LocalizedText } & D;
export type RoutingConfigRejection =
  | Named<'NotPermittedForRole', { role: Role }>
  | Named<'UnknownUnits', { problems: UnitProblem[] }>
  | Named<'DuplicateOfficer', { officerId: string; path: string }>
  | Named<'StaleRuleSetVersion', { basedOnVersion: number; currentVersion: number }>
  | Named<'UnknownCommand', { command: string }>;

/** Only the tenant's administrators set up routing (roles.ts: "sets the municipality up"). */
const CONFIGURES: readonly Role[] = ['tenant-admin'];

/** The rule set's version now: the defaults have version 1 until the first change. */
export const currentRuleSetVersion = (state: RoutingConfigState): number => state.ruleSet?.version ?? DEFAULT_RULE_SET_VERSION;

function unitProblems(content: RuleSetContent, knownUnits: readonly string[]): UnitProblem[] {
  const problems: UnitProblem[] = [];
  const check = (path: string, unit: string) => {
    if (!knownUnits.includes(unit)) problems.push({ path, unit });
  };
  check('defaultUnit', content.defaultUnit);
  content.rules.forEach((rule, i) => {
    check(`rules.${i}.then.unit`, rule.then.unit);
    rule.then.inform.units.forEach((unit, j) => check(`rules.${i}.then.inform.units.${j}`, unit));
  });
  return problems;
}

const unknownUnits = (problems: UnitProblem[]): RoutingConfigRejection => ({
  type: 'UnknownUnits',
  problems,
  message: {
    bg: `Няма такова звено: ${problems.map((p) => `${p.path} („${p.unit}“)`).join(', ')}.`,
    en: `No such unit: ${problems.map((p) => `${p.path} ("${p.unit}")`).join(', ')}.`,
  },
});

function metadataOf(command: RoutingConfigCommand): RoutingConfigEventMetadata {
  const { tenant, actor, commandId, correlationId, now } = command.metadata;
  return { tenant, actor, correlationId, causationId: commandId, occurredAt: now, schemaVersion: 1 };
}

function changeRules(command: ChangeRoutingRules, state: RoutingConfigState): Result<RoutingConfigEvent, RoutingConfigRejection> {
  const { content, basedOnVersion } = command.data;
  const currentVersion = currentRuleSetVersion(state);
  if (basedOnVersion !== undefined && basedOnVersion !== currentVersion) {
    return {
      ok: false,
      rejection: {
        type: 'StaleRuleSetVersion',
        basedOnVersion,
        currentVersion,
        message: {
          bg: `Правилата са променени междувременно (версия ${currentVersion}, редактирана е ${basedOnVersion}).`,
          en: `The rules changed meanwhile (version ${currentVersion}; the edit was of version ${basedOnVersion}).`,
        },
      },
    };
  }
  const problems = unitProblems(content, command.metadata.knownUnits);
  if (problems.length > 0) return { ok: false, rejection: unknownUnits(problems) };
  const ruleSet = { version: currentVersion + 1, ...content };
  return { ok: true, events: [{ type: 'RoutingRulesChanged', data: { ruleSet }, metadata: metadataOf(command) }] };
}

function changeOfficers(command: ChangeOfficers, _state: RoutingConfigState): Result<RoutingConfigEvent, RoutingConfigRejection> {
  const { officers } = command.data;
  const seen = new Set<string>();
  for (const [i, officer] of officers.entries()) {
    if (seen.has(officer.id)) {
      return {
        ok: false,
        rejection: {
          type: 'DuplicateOfficer',
          officerId: officer.id,
          path: `officers.${i}.id`,
          message: { bg: `Служителят ${officer.id} е посочен два пъти.`, en: `The officer ${officer.id} is listed twice.` },
        },
      };
    }
    seen.add(officer.id);
  }
  const problems = officers.flatMap((officer, i) =>
    command.metadata.knownUnits.includes(officer.unit) ? [] : [{ path: `officers.${i}.unit`, unit: officer.unit }],
  );
  if (problems.length > 0) return { ok: false, rejection: unknownUnits(problems) };
  return { ok: true, events: [{ type: 'OfficersChanged', data: { officers }, metadata: metadataOf(command) }] };
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
