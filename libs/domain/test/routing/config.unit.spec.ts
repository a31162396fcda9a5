import type { Role } from '../../src/case';
import {
  currentRuleSet,
  currentUnits,
  defaultRuleSet,
  foldRoutingConfig,
  routingConfigDecider,
  routingConfigStreamName,
  type ChangeOfficers,
  type ChangeRoutingRules,
  type ChangeUnits,
  type RoutingConfigEvent,
  type RuleSetContent,
  type Unit,
} from '../../src/routing';
import { deciderSpec } from '../case/given';
import { RULES, tenant } from './fixtures';

const given = deciderSpec(routingConfigDecider);
const NOW = '2026-03-02T09:00:00.000Z';
const admin = { id: 'admin-1', role: 'tenant-admin' as Role };
// Sopot's charter has these departments among others; they are its units until an admin changes them.
const content: RuleSetContent = { rules: RULES.rules, defaultUnit: 'services-centre', escalationRole: 'mayor' };

const metadata = (o: { role?: Role; commandId?: string } = {}) => ({
  tenant: 'sopot',
  actor: { ...admin, role: o.role ?? admin.role },
  commandId: o.commandId ?? 'cmd-1',
  correlationId: 'corr-1',
  now: NOW,
  charter: tenant('sopot'),
});
const changeRules = (data: ChangeRoutingRules['data'], o: { role?: Role; commandId?: string } = {}): ChangeRoutingRules => ({
  type: 'ChangeRoutingRules',
  data,
  metadata: metadata(o),
});
const changeOfficers = (officers: ChangeOfficers['data']['officers'], o: { role?: Role } = {}): ChangeOfficers => ({
  type: 'ChangeOfficers',
  data: { officers },
  metadata: metadata(o),
});
const changeUnits = (data: ChangeUnits['data'], o: { role?: Role } = {}): ChangeUnits => ({
  type: 'ChangeUnits',
  data,
  metadata: metadata(o),
});
const eventMetadata = (commandId = 'cmd-1') => ({
  tenant: 'sopot',
  actor: admin,
  correlationId: 'corr-1',
  causationId: commandId,
  occurredAt: NOW,
  schemaVersion: 1 as const,
});
const rulesChanged = (version: number, commandId = 'cmd-1'): RoutingConfigEvent => ({
  type: 'RoutingRulesChanged',
  data: { ruleSet: { version, ...content } },
  metadata: eventMetadata(commandId),
});

describe('routing set-up as events ("changes are events too")', () => {
  it('one stream per tenant, its category without a dash', () => {
    expect(routingConfigStreamName('nova-zagora')).toBe('routingconfig-nova-zagora');
  });

  it('given no change yet, then the rules in force are the defaults from the charter, version 1', () => {
    const state = foldRoutingConfig([]);
    expect(currentRuleSet(state, tenant('sopot'))).toEqual(defaultRuleSet(tenant('sopot')));
    expect(state.officers).toEqual([]);
    expect(currentUnits(state, tenant('sopot'))).toEqual({
      version: 1,
      units: tenant('sopot').departments.map((d) => ({ id: d.id, name: d.name, active: true })),
    });
  });

  it('given the defaults, when an admin changes the rules, then version 2 is recorded whole; the next change is version 3', () => {
    const state = given([])
      .when(changeRules({ content }))
      .then([rulesChanged(2)]);
    expect(currentRuleSet(state, tenant('sopot')).version).toBe(2);
    given([rulesChanged(2)])
      .when(changeRules({ content, basedOnVersion: 2 }, { commandId: 'cmd-2' }))
      .then([rulesChanged(3, 'cmd-2')]);
  });

  it('given a change made meanwhile, when an admin saves an edit of the older version, then StaleRuleSetVersion', () => {
    given([rulesChanged(2)])
      .when(changeRules({ content, basedOnVersion: 1 }))
      .then('StaleRuleSetVersion');
  });

  it('given rules naming a unit the tenant does not have, then UnknownUnits names each field', () => {
    const bad: RuleSetContent = {
      ...content,
      defaultUnit: 'nowhere',
      rules: [{ ...RULES.rules[0], then: { unit: 'roads-dept', urgent: false, inform: { units: ['press'], roles: [] } } }],
    };
    const result = routingConfigDecider.decide(changeRules({ content: bad }), routingConfigDecider.initialState());
    expect(result).toMatchObject({
      ok: false,
      rejection: {
        type: 'UnknownUnits',
        problems: [
          { path: 'defaultUnit', unit: 'nowhere', why: 'unknown' },
          { path: 'rules.0.then.unit', unit: 'roads-dept', why: 'unknown' },
          { path: 'rules.0.then.inform.units.0', unit: 'press', why: 'unknown' },
        ],
      },
    });
  });

  it('roles.ts: only a tenant admin sets routing up: NotPermittedForRole for a head of unit', () => {
    given([])
      .when(changeRules({ content }, { role: 'head-of-unit' }))
      .then('NotPermittedForRole');
    given([])
      .when(changeOfficers([], { role: 'officer' }))
      .then('NotPermittedForRole');
  });

  it('given officers, when an admin replaces the list, then OfficersChanged holds the whole new list and the fold keeps only it', () => {
    const first = [{ id: 'o-1', unit: 'public-works', absent: false }];
    const second = [{ id: 'o-2', unit: 'services-centre', absent: true }];
    const event = (officers: typeof first): RoutingConfigEvent => ({
      type: 'OfficersChanged',
      data: { officers },
      metadata: eventMetadata(),
    });
    given([])
      .when(changeOfficers(first))
      .then([event(first)]);
    const state = given([event(first)])
      .when(changeOfficers(second))
      .then([event(second)]);
    expect(state.officers).toEqual(second);
  });

  it('an officer may serve several units, but is refused when listed twice in one unit or in a unit the tenant does not have', () => {
    given([])
      .when(
        changeOfficers([
          { id: 'o-1', unit: 'secretary', absent: false },
          { id: 'o-1', unit: 'secretary', absent: true },
        ]),
      )
      .then('DuplicateOfficer');
    const several = [
      { id: 'o-1', unit: 'secretary', absent: false },
      { id: 'o-1', unit: 'public-works', absent: false },
    ];
    given([])
      .when(changeOfficers(several))
      .then([{ type: 'OfficersChanged', data: { officers: several }, metadata: eventMetadata() }]);
    const result = routingConfigDecider.decide(
      changeOfficers([{ id: 'o-1', unit: 'roads', absent: false }]),
      routingConfigDecider.initialState(),
    );
    expect(result).toMatchObject({
      ok: false,
      rejection: { type: 'UnknownUnits', problems: [{ path: 'officers.0.unit', unit: 'roads' }] },
    });
  });

  it('folding: rules and officers change independently, the last change of each wins', () => {
    const officers = [{ id: 'o-1', unit: 'secretary', absent: false }];
    const state = foldRoutingConfig([
      rulesChanged(2),
      { type: 'OfficersChanged', data: { officers }, metadata: eventMetadata() },
      rulesChanged(3),
    ]);
    expect(state).toEqual({ ruleSet: { version: 3, ...content }, officers, units: null });
  });
});

describe('units as events ("tenant admins change units")', () => {
  const charterUnits = (): Unit[] => currentUnits(foldRoutingConfig([]), tenant('sopot')).units;
  const withUnits = (units: Unit[], version = 2): RoutingConfigEvent => ({
    type: 'UnitsChanged',
    data: { version, units },
    metadata: eventMetadata(),
  });
  const officersChanged = (officers: ChangeOfficers['data']['officers']): RoutingConfigEvent => ({
    type: 'OfficersChanged',
    data: { officers },
    metadata: eventMetadata(),
  });
  const press: Unit = {
    id: 'press-office',
    name: { bg: 'Връзки с обществеността', en: 'Press office' },
    headOfUnitId: 'sopot:press-head',
    active: true,
  };
  const deactivate = (units: Unit[], id: string) => units.map((unit) => (unit.id === id ? { ...unit, active: false } : unit));

  it("given the charter's units, when an admin adds one with its head, then UnitsChanged holds the whole list as version 2", () => {
    const units = [...charterUnits(), press];
    const state = given([])
      .when(changeUnits({ units, basedOnVersion: 1 }))
      .then([withUnits(units)]);
    expect(currentUnits(state, tenant('sopot'))).toEqual({ version: 2, units });
  });

  it('a change of an older version than the one in force: StaleUnitsVersion; a unit listed twice: DuplicateUnit at its path', () => {
    given([withUnits(charterUnits())])
      .when(changeUnits({ units: charterUnits(), basedOnVersion: 1 }))
      .then('StaleUnitsVersion');
    const twice = routingConfigDecider.decide(
      changeUnits({ units: [...charterUnits(), charterUnits()[0]] }),
      routingConfigDecider.initialState(),
    );
    expect(twice).toMatchObject({
      ok: false,
      rejection: { type: 'DuplicateUnit', unitId: 'services-centre', path: `units.${charterUnits().length}.id` },
    });
  });

  it('rules and officers may name a unit an admin added, and never an inactive one', () => {
    const history = [withUnits(deactivate([...charterUnits(), press], 'social-affairs'))];
    const rule = { ...RULES.rules[0], then: { unit: 'press-office', urgent: false, inform: { units: ['social-affairs'], roles: [] } } };
    const decision = routingConfigDecider.decide(changeRules({ content: { ...content, rules: [rule] } }), foldRoutingConfig(history));
    expect(decision).toMatchObject({
      ok: false,
      rejection: { type: 'UnknownUnits', problems: [{ path: 'rules.0.then.inform.units.0', unit: 'social-affairs', why: 'inactive' }] },
    });
    if (!decision.ok) expect(decision.rejection.message.en).toContain('inactive');

    given(history)
      .when(changeOfficers([{ id: 'p-1', unit: 'press-office', absent: false }]))
      .then([officersChanged([{ id: 'p-1', unit: 'press-office', absent: false }])]);
    const officer = routingConfigDecider.decide(
      changeOfficers([{ id: 's-1', unit: 'social-affairs', absent: false }]),
      foldRoutingConfig(history),
    );
    expect(officer).toMatchObject({
      ok: false,
      rejection: { type: 'UnknownUnits', problems: [{ path: 'officers.0.unit', why: 'inactive' }] },
    });
  });

  it('deactivating a unit the default rules still send cases to is refused, naming each rule that does', () => {
    const decision = routingConfigDecider.decide(
      changeUnits({ units: deactivate(charterUnits(), 'public-works') }),
      routingConfigDecider.initialState(),
    );
    expect(decision).toMatchObject({ ok: false, rejection: { type: 'UnitInUse' } });
    if (decision.ok || decision.rejection.type !== 'UnitInUse') throw new Error('expected UnitInUse');
    const index = charterUnits().findIndex((unit) => unit.id === 'public-works');
    expect(decision.rejection.references).toEqual(
      expect.arrayContaining([
        {
          unit: 'public-works',
          field: `units.${index}.active`,
          ruleId: 'category-roads-lighting',
          referencedBy: expect.stringMatching(/^rules\.\d+\.then\.unit$/),
        },
      ]),
    );
    expect(decision.rejection.message.en).toMatch(/the unit "public-works" is named by rule "health-safety-roads-lighting"/);
    expect(decision.rejection.message.bg).toMatch(/звеното „public-works“ е посочено от правило/);
  });

  it('removing a unit an officer works in is refused, naming the officer; once the officer moves, it is allowed', () => {
    const history = [withUnits([...charterUnits(), press]), officersChanged([{ id: 'p-1', unit: 'press-office', absent: false }])];
    const decision = routingConfigDecider.decide(changeUnits({ units: charterUnits() }), foldRoutingConfig(history));
    expect(decision).toMatchObject({
      ok: false,
      rejection: {
        type: 'UnitInUse',
        references: [{ unit: 'press-office', field: 'units', referencedBy: 'officers.0.unit', officerId: 'p-1' }],
      },
    });
    const moved = [...history, officersChanged([{ id: 'p-1', unit: 'secretary', absent: false }])];
    given(moved)
      .when(changeUnits({ units: charterUnits() }))
      .then([withUnits(charterUnits(), 3)]);
  });

  it('a unit nothing names may be deactivated; only a tenant admin changes units', () => {
    const units = deactivate(charterUnits(), 'social-affairs');
    // The default rules send social services to social-affairs: first rules without it, then the unit.
    const rules = defaultRuleSet(tenant('sopot')).rules.filter((rule) => rule.then.unit !== 'social-affairs');
    const history = [rulesChanged(2), { ...rulesChanged(3), data: { ruleSet: { version: 3, ...content, rules } } } as RoutingConfigEvent];
    given(history)
      .when(changeUnits({ units }))
      .then([withUnits(units)]);
    given([])
      .when(changeUnits({ units }, { role: 'head-of-unit' }))
      .then('NotPermittedForRole');
  });
});
