import type { LocalizedText } from '../shared/vocabulary';
import { chooseOfficer, type OfficerChoice, type OfficerLoad } from './choose-officer';
import { ruleSetUnitReferences, unitProblems, type UnitProblem } from './config-decider';
import { decideRoute, type RouteDecision } from './decide-route';
import type { RoutingFacts } from './facts';
import type { RuleSet } from './rule-set.schema';
import type { Unit } from './units';

export type RouteTrial =
  | { ok: true; decision: RouteDecision; unitName: LocalizedText; assignment: OfficerChoice }
  | { ok: false; problems: UnitProblem[] };

/**
 * "Where would this case go, and why": the decision routing would take for these facts under a rule set (the one
 * in force, or a draft an administrator is writing) and the officer assignment would choose with today's loads.
 * Nothing is recorded. A draft that names a missing or inactive unit is refused the way saving it would be.
 */
export function tryRoute(facts: RoutingFacts, ruleSet: RuleSet, units: readonly Unit[], officers: readonly OfficerLoad[]): RouteTrial {
  const problems = unitProblems(ruleSetUnitReferences(ruleSet), units);
  if (problems.length > 0) return { ok: false, problems };
  const decision = decideRoute(facts, ruleSet);
  const unit = units.find((candidate) => candidate.id === decision.unit);
  return {
    ok: true,
    decision,
    unitName: unit?.name ?? { bg: decision.unit, en: decision.unit },
    assignment: chooseOfficer(officers, decision.unit),
  };
}
