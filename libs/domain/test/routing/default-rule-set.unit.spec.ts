import { decideRoute, defaultRuleSet, ruleSetSchema, routingConfigDecider, type RoutingConfigCommand } from '../../src/routing';
import type { TenantCharter } from '../../src/tenants';
import { departmentWithRole, facts, SEED_TENANTS, tenant } from './fixtures';

describe.each(SEED_TENANTS.map((t) => [t.slug, t] as const))('default rules of %s, built from its charter data', (_slug, charter) => {
  const rules = defaultRuleSet(charter);

  it("is a valid rule set, version 1, every unit one of the tenant's departments", () => {
    expect(ruleSetSchema.safeParse(rules).success).toBe(true);
    expect(rules.version).toBe(1);
    // The same check an administrator's change goes through.
    const command: RoutingConfigCommand = {
      type: 'ChangeRoutingRules',
      data: { content: { rules: rules.rules, defaultUnit: rules.defaultUnit, escalationRole: rules.escalationRole } },
      metadata: {
        tenant: charter.slug,
        actor: { id: 'admin', role: 'tenant-admin' },
        commandId: 'c',
        correlationId: 'c',
        now: '2026-03-02T09:00:00.000Z',
        charter,
      },
    };
    expect(routingConfigDecider.decide(command, routingConfigDecider.initialState()).ok).toBe(true);
  });

  it.each(charter.categories.map((c) => [c.id, c.defaultDepartment, c.kinds[0]] as const))(
    'Charter categories: given category %s, when a case of it arrives, then it goes to its default department %s',
    (category, department, kind) => {
      expect(decideRoute(facts({ category, kind }), rules)).toMatchObject({
        unit: department,
        ruleId: `category-${category}`,
        urgent: false,
      });
    },
  );

  it('corruption → the anti-corruption officer: given a corruption flag on a roads complaint, then the anti-corruption unit takes it', () => {
    const decision = decideRoute(facts({ category: 'roads-lighting', flags: ['corruption-indicator'] }), rules);
    expect(decision).toMatchObject({ unit: departmentWithRole(charter, 'anti-corruption'), ruleId: 'corruption-indicator' });
  });

  it('ЗЗЛПСПОИН: given a whistleblower report, then the designated (anti-corruption) unit takes it', () => {
    const decision = decideRoute(facts({ kind: 'whistleblower-report' }), rules);
    expect(decision).toMatchObject({ unit: departmentWithRole(charter, 'anti-corruption'), ruleId: 'whistleblower-report' });
  });

  it("health/safety → urgent, the mayor's office informed: given a threat in a category, then its department handles it, urgently, the mayor's office told", () => {
    const category = charter.categories[0];
    const decision = decideRoute(facts({ category: category.id, flags: ['health-safety-threat'] }), rules);
    expect(decision).toMatchObject({
      unit: category.defaultDepartment,
      ruleId: `health-safety-${category.id}`,
      urgent: true,
      inform: { units: [departmentWithRole(charter, 'mayors-office')], roles: [] },
    });
  });

  it("health/safety: given a threat without a category, then the default unit handles it, urgently, the mayor's office told", () => {
    const decision = decideRoute(facts({ flags: ['health-safety-threat'] }), rules);
    expect(decision).toMatchObject({ unit: rules.defaultUnit, ruleId: 'health-safety', urgent: true });
    expect(decision.inform.units).toEqual([departmentWithRole(charter, 'mayors-office')]);
  });

  it('a default unit: given no category, then the services centre sorts it out, and the decision says no rule matched', () => {
    const decision = decideRoute(facts({ category: null }), rules);
    expect(decision).toMatchObject({ unit: departmentWithRole(charter, 'services-centre'), ruleId: 'default', ruleVersion: 1 });
  });

  it('escalation goes to the secretary by default', () => {
    expect(rules.escalationRole).toBe('secretary');
  });
});

describe('default rules: a new tenant needs data, not code', () => {
  const base = tenant('sopot');

  it("follows the charter's own department ids and roles", () => {
    const renamed: TenantCharter = {
      ...base,
      departments: base.departments.map((d) => (d.role === 'anti-corruption' ? { ...d, id: 'integrity-office' } : d)),
      categories: base.categories.map((c) =>
        c.defaultDepartment === 'anti-corruption' ? { ...c, defaultDepartment: 'integrity-office' } : c,
      ),
    };
    expect(decideRoute(facts({ flags: ['corruption-indicator'] }), defaultRuleSet(renamed)).unit).toBe('integrity-office');
  });

  it("without an anti-corruption unit or a mayor's office: no corruption rule, and the mayor is informed by role", () => {
    const small: TenantCharter = {
      ...base,
      departments: base.departments.filter((d) => d.role !== 'anti-corruption' && d.role !== 'mayors-office'),
      categories: base.categories.filter((c) => !['anti-corruption', 'mayors-office'].includes(c.defaultDepartment)),
    };
    const rules = defaultRuleSet(small);
    expect(rules.rules.map((r) => r.id)).not.toContain('corruption-indicator');
    expect(decideRoute(facts({ flags: ['health-safety-threat'] }), rules).inform).toEqual({ units: [], roles: ['mayor'] });
  });
});
