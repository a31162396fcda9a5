import type { Role } from '../../src/case';
import {
  currentRuleSet,
  defaultRuleSet,
  foldRoutingConfig,
  routingConfigDecider,
  routingConfigStreamName,
  type ChangeOfficers,
  type ChangeRoutingRules,
  type RoutingConfigEvent,
  type RuleSetContent,
} from '../../src/routing';
import { deciderSpec } from '../case/given';
import { RULES, tenant } from './fixtures';

const given = deciderSpec(routingConfigDecider);
const NOW = '2026-03-02T09:00:00.000Z';
const admin = { id: 'admin-1', role: 'tenant-admin' as Role };
const UNITS = ['registry', 'public-works', 'anti-corruption', 'mayors-office'];
const content: RuleSetContent = { rules: RULES.rules, defaultUnit: 'registry', escalationRole: 'mayor' };

const metadata = (o: { role?: Role; commandId?: string } = {}) => ({
  tenant: 'sopot',
  actor: { ...admin, role: o.role ?? admin.role },
  commandId: o.commandId ?? 'cmd-1',
  correlationId: 'corr-1',
  now: NOW,
  knownUnits: UNITS,
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

describe('routing set-up as events (issue 5, routing 3: "changes are events too")', () => {
  it('one stream per tenant, its category without a dash', () => {
    expect(routingConfigStreamName('nova-zagora')).toBe('routingconfig-nova-zagora');
  });

  it('given no change yet, then the rules in force are the defaults from the charter, version 1', () => {
    const state = foldRoutingConfig([]);
    expect(currentRuleSet(state, tenant('sopot'))).toEqual(defaultRuleSet(tenant('sopot')));
    expect(state.officers).toEqual([]);
  });

  it('given the defaults, when an admin changes the rules, then version 2 is recorded whole; the next change is version 3', () => {
    const state = given([]).when(changeRules({ content })).then([rulesChanged(2)]);
    expect(currentRuleSet(state, tenant('sopot')).version).toBe(2);
    given([rulesChanged(2)]).when(changeRules({ content, basedOnVersion: 2 }, { commandId: 'cmd-2' })).then([rulesChanged(3, 'cmd-2')]);
  });

  it('given a change made meanwhile, when an admin saves an edit of the older version, then StaleRuleSetVersion', () => {
    given([rulesChanged(2)]).when(changeRules({ content, basedOnVersion: 1 })).then('StaleRuleSetVersion');
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
          { path: 'defaultUnit', unit: 'nowhere' },
          { path: 'rules.0.then.unit', unit: 'roads-dept' },
          { path: 'rules.0.then.inform.units.0', unit: 'press' },
        ],
      },
    });
  });

  it('roles.ts: only a tenant admin sets routing up: NotPermittedForRole for a head of unit', () => {
    given([]).when(changeRules({ content }, { role: 'head-of-unit' })).then('NotPermittedForRole');
    given([]).when(changeOfficers([], { role: 'officer' })).then('NotPermittedForRole');
  });

  it('given officers, when an admin replaces the list, then OfficersChanged holds the whole new list and the fold keeps only it', () => {
    const first = [{ id: 'o-1', unit: 'public-works', absent: false }];
    const second = [{ id: 'o-2', unit: 'registry', absent: true }];
    const event = (officers: typeof first): RoutingConfigEvent => ({ type: 'OfficersChanged', data: { officers }, metadata: eventMetadata() });
    given([]).when(changeOfficers(first)).then([event(first)]);
    const state = given([event(first)]).when(changeOfficers(second)).then([event(second)]);
    expect(state.officers).toEqual(second);
  });

  it('officers are refused when listed twice or in a unit the tenant does not have', () => {
    given([]).when(changeOfficers([{ id: 'o-1', unit: 'registry', absent: false }, { id: 'o-1', unit: 'registry', absent: true }])).then('DuplicateOfficer');
    const result = routingConfigDecider.decide(changeOfficers([{ id: 'o-1', unit: 'roads', absent: false }]), routingConfigDecider.initialState());
    expect(result).toMatchObject({ ok: false, rejection: { type: 'UnknownUnits', problems: [{ path: 'officers.0.unit', unit: 'roads' }] } });
  });

  it('folding: rules and officers change independently, the last change of each wins', () => {
    const officers = [{ id: 'o-1', unit: 'registry', absent: false }];
    const state = foldRoutingConfig([rulesChanged(2), { type: 'OfficersChanged', data: { officers }, metadata: eventMetadata() }, rulesChanged(3)]);
    expect(state).toEqual({ ruleSet: { version: 3, ...content }, officers });
  });
});
