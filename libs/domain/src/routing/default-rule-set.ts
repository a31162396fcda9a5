import type { DepartmentRole, TenantCharter } from '../tenants';
import { CORRUPTION_FLAG } from '../case/confidentiality';
import { HEALTH_SAFETY_FLAG } from './facts';
import type { Inform, Rule, RuleSet } from './rule-set.schema';

/** The version of the rule set a tenant has before its administrators change anything. */
export const DEFAULT_RULE_SET_VERSION = 1;

// Priorities go up in tens so that administrators can put their own rules in between.
const STEP = 10;

const departmentWithRole = (tenant: TenantCharter, role: DepartmentRole): string | undefined =>
  tenant.departments.find((department) => department.role === role)?.id;

/**
 * The unit that sorts out a case nothing else claims: the services centre (it receives and registers
 * submissions), else the secretary (who runs the registry), else the mayor's office, else the first unit.
 */
function defaultUnitOf(tenant: TenantCharter): string {
  return (
    departmentWithRole(tenant, 'services-centre') ??
    departmentWithRole(tenant, 'secretary') ??
    departmentWithRole(tenant, 'mayors-office') ??
    tenant.departments[0].id
  );
}

/** The charters' exception: a threat to health or safety is urgent and the mayor's office is told. */
function mayorsOfficeInformed(tenant: TenantCharter): Inform {
  const office = departmentWithRole(tenant, 'mayors-office');
  return office ? { units: [office], roles: [] } : { units: [], roles: ['mayor'] };
}

/**
 * A tenant's rules before its administrators change them, built from its charter data alone, so a new
 * tenant needs a data file and no code:
 *   1. a corruption flag sends the case to the anti-corruption unit (when the tenant has one);
 *   2. a whistleblower report goes there too (ЗЗЛПСПОИН: a designated unit handles such reports);
 *   3. a threat to health or safety is urgent and the mayor's office is informed; the unit is the
 *      category's department (one rule per category), or the default unit;
 *   4. otherwise each category goes to its default department;
 *   5. nothing matched: the services centre.
 */
export function defaultRuleSet(tenant: TenantCharter): RuleSet {
  const rules: Rule[] = [];
  const antiCorruption = departmentWithRole(tenant, 'anti-corruption');
  const defaultUnit = defaultUnitOf(tenant);
  const informMayor = mayorsOfficeInformed(tenant);
  const none: Inform = { units: [], roles: [] };
  let priority = 0;
  const next = () => (priority += STEP);

  if (antiCorruption) {
    rules.push({
      id: 'corruption-indicator',
      priority: next(),
      description: {
        bg: 'Сигнал с признаци на корупция отива в звеното за противодействие на корупцията.',
        en: 'A case showing signs of corruption goes to the anti-corruption unit.',
      },
      when: { flags: [CORRUPTION_FLAG] },
      then: { unit: antiCorruption, urgent: false, inform: none },
    });
    rules.push({
      id: 'whistleblower-report',
      priority: next(),
      description: {
        bg: 'Сигнал по ЗЗЛПСПОИН се разглежда от определеното звено.',
        en: 'A whistleblower report is handled by the designated unit.',
      },
      when: { kinds: ['whistleblower-report'] },
      then: { unit: antiCorruption, urgent: false, inform: none },
    });
  }

  tenant.categories.forEach((category) => {
    rules.push({
      id: `health-safety-${category.id}`,
      priority: next(),
      description: {
        bg: `Заплаха за здравето или сигурността (${category.name.bg}): спешно, информира се кабинетът на кмета.`,
        en: `A threat to health or safety (${category.name.en}): urgent, the mayor's office is informed.`,
      },
      when: { flags: [HEALTH_SAFETY_FLAG], categories: [category.id] },
      then: { unit: category.defaultDepartment, urgent: true, inform: informMayor },
    });
  });
  rules.push({
    id: 'health-safety',
    priority: next(),
    description: {
      bg: 'Заплаха за здравето или сигурността без категория: спешно, информира се кабинетът на кмета.',
      en: "A threat to health or safety without a category: urgent, the mayor's office is informed.",
    },
    when: { flags: [HEALTH_SAFETY_FLAG] },
    then: { unit: defaultUnit, urgent: true, inform: informMayor },
  });

  tenant.categories.forEach((category) => {
    rules.push({
      id: `category-${category.id}`,
      priority: next(),
      description: {
        bg: `Категория „${category.name.bg}“ отива в звеното ѝ по подразбиране.`,
        en: `The category "${category.name.en}" goes to its default unit.`,
      },
      when: { categories: [category.id] },
      then: { unit: category.defaultDepartment, urgent: false, inform: none },
    });
  });

  return { version: DEFAULT_RULE_SET_VERSION, rules, defaultUnit, escalationRole: 'secretary' };
}
