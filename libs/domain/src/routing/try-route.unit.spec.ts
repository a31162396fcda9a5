import type { RoutingFacts } from './facts';
import type { RuleSet } from './rule-set.schema';
import { tryRoute } from './try-route';
import type { Unit } from './units';

const units: Unit[] = [
  { id: 'public-works', name: { bg: 'Благоустройство', en: 'Public works' }, active: true },
  { id: 'registry', name: { bg: 'Деловодство', en: 'Registry' }, active: true },
  { id: 'old-unit', name: { bg: 'Закрито', en: 'Closed' }, active: false },
];
const ruleSet: RuleSet = {
  version: 3,
  defaultUnit: 'registry',
  escalationRole: 'secretary',
  rules: [
    {
      id: 'lighting',
      priority: 10,
      description: { bg: 'Осветление', en: 'Lighting' },
      when: { categories: ['roads-lighting'] },
      then: { unit: 'public-works', urgent: false, inform: { units: [], roles: [] } },
    },
  ],
};
const facts: RoutingFacts = { kind: 'complaint', category: 'roads-lighting', channel: 'web-form', text: 'Лампата не свети.', flags: [] };
const officers = [
  { id: 'peshtera:a', unit: 'public-works', absent: false, openCases: 4 },
  { id: 'peshtera:b', unit: 'public-works', absent: false, openCases: 2 },
  { id: 'peshtera:c', unit: 'public-works', absent: true, openCases: 0 },
];

describe('where would this case go, and why', () => {
  it('names the rule, the unit by its name, the explanation, and the officer assignment would choose now', () => {
    const trial = tryRoute(facts, ruleSet, units, officers);
    expect(trial).toMatchObject({
      ok: true,
      decision: { unit: 'public-works', ruleId: 'lighting', ruleVersion: 3 },
      unitName: { en: 'Public works' },
      assignment: { type: 'OfficerChosen', officerId: 'peshtera:b', openCases: 2 },
    });
  });

  it('falls to the default unit and says that nobody there is present', () => {
    const trial = tryRoute({ ...facts, category: 'other' }, ruleSet, units, officers);
    expect(trial).toMatchObject({
      ok: true,
      decision: { unit: 'registry', ruleId: 'default' },
      assignment: { type: 'NoOfficerAvailable' },
    });
  });

  it('refuses a draft that names an inactive or unknown unit, by the field', () => {
    const draft: RuleSet = {
      ...ruleSet,
      defaultUnit: 'nowhere',
      rules: [{ ...ruleSet.rules[0], then: { ...ruleSet.rules[0].then, unit: 'old-unit' } }],
    };
    expect(tryRoute(facts, draft, units, officers)).toEqual({
      ok: false,
      problems: [
        { path: 'defaultUnit', unit: 'nowhere', why: 'unknown' },
        { path: 'rules.0.then.unit', unit: 'old-unit', why: 'inactive' },
      ],
    });
  });
});
