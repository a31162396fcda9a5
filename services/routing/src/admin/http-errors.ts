import type { RoutingConfigRejection, UnitInUse, UnitProblem } from '@civic/domain';
import { badRequest, conflict, forbidden, preconditionFailed, type FieldProblem } from '@civic/platform';

export const unitProblem = (problem: UnitProblem): FieldProblem => ({
  field: problem.path,
  reason: problem.why === 'inactive' ? `the unit "${problem.unit}" is inactive` : `no unit "${problem.unit}" in this tenant`,
});

const who = (reference: UnitInUse): string =>
  reference.ruleId !== undefined
    ? `rule "${reference.ruleId}" (${reference.referencedBy})`
    : reference.officerId !== undefined
      ? `officer "${reference.officerId}" (${reference.referencedBy})`
      : `the default unit (${reference.referencedBy})`;

/** One problem per field of the units list, naming everything that still refers to each unit it takes away. */
function unitsInUse(references: readonly UnitInUse[]): FieldProblem[] {
  const byField = new Map<string, Map<string, string[]>>();
  for (const reference of references) {
    const units = byField.get(reference.field) ?? new Map<string, string[]>();
    units.set(reference.unit, [...(units.get(reference.unit) ?? []), who(reference)]);
    byField.set(reference.field, units);
  }
  return [...byField].map(([field, units]) => ({
    field,
    reason: [...units].map(([unit, by]) => `the unit "${unit}" is still named by ${by.join(', ')}`).join('; '),
  }));
}

/**
 * A refused change of the routing set-up, as the platform's error body: each field and why in `errors`, the
 * domain's rejection beside it (its message in Bulgarian and English, and its facts, e.g. `currentVersion`).
 */
export function rejectionAnswer(rejection: RoutingConfigRejection): Error {
  switch (rejection.type) {
    case 'UnknownUnits':
      return badRequest(rejection.problems.map(unitProblem), { rejection });
    case 'DuplicateOfficer':
    case 'DuplicateUnit':
      return badRequest([{ field: rejection.path, reason: rejection.message.en }], { rejection });
    case 'UnitInUse':
      return conflict(unitsInUse(rejection.references), { rejection });
    case 'StaleRuleSetVersion':
    case 'StaleUnitsVersion':
      return preconditionFailed([{ field: 'If-Match', reason: rejection.message.en }], { rejection });
    case 'NotPermittedForRole':
      return forbidden([{ field: 'role', reason: rejection.message.en }], { rejection });
    case 'UnknownCommand':
      return badRequest([{ field: 'body', reason: rejection.message.en }], { rejection });
  }
}
