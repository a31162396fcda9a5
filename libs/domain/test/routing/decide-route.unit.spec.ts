import { decideRoute, DEFAULT_RULE_ID, ruleSetContentSchema, type RuleSet } from '../../src/routing';
import { facts, RULES } from './fixtures';

describe('decideRoute: routing rules as data', () => {
  it("by kind and category: given a rule for a category, when a case of that category arrives, then it goes to the rule's unit, recording rule and version", () => {
    const decision = decideRoute(facts({ category: 'roads-lighting' }), RULES);
    expect(decision).toMatchObject({ unit: 'public-works', ruleId: 'roads', ruleVersion: 7, urgent: false });
  });

  it('rules are versioned: given several matching rules, when routed, then the lowest priority wins whatever the order they are written in', () => {
    const decision = decideRoute(facts({ category: 'roads-lighting', text: 'Искаха подкуп за ремонта на пътя.' }), RULES);
    expect(decision.ruleId).toBe('bribes');
    const reversed: RuleSet = { ...RULES, rules: [...RULES.rules].reverse() };
    expect(decideRoute(facts({ category: 'roads-lighting', text: 'Искаха подкуп.' }), reversed).ruleId).toBe('bribes');
  });

  it('by keywords: given a stem pattern, when a declined form appears, then it matches; never in the middle of a word', () => {
    expect(decideRoute(facts({ text: 'Служителят поиска подкупи.' }), RULES).ruleId).toBe('bribes');
    expect(decideRoute(facts({ text: 'Парите минаха под масата.' }), RULES).ruleId).toBe('bribes');
    expect(decideRoute(facts({ text: 'Той е неподкупен служител.' }), RULES).ruleId).toBe(DEFAULT_RULE_ID);
  });

  it('Screening text rules: given a word written with a Latin look-alike letter, when matched, then it is read as Cyrillic', () => {
    // "пoдкуп" with a Latin "o", the usual way round a word filter.
    expect(decideRoute(facts({ text: 'Искаха пoдкуп.' }), RULES).ruleId).toBe('bribes');
  });

  it('Crypto-shredding: given an erased text, when routed, then keyword rules do not match and the rest still do', () => {
    expect(decideRoute(facts({ text: null, category: 'roads-lighting' }), RULES).ruleId).toBe('roads');
  });

  it('by the channel: given a rule on kind and channel, when only one of them holds, then it does not match (every condition must hold)', () => {
    expect(decideRoute(facts({ kind: 'signal', channel: 'hotline' }), RULES)).toMatchObject({
      ruleId: 'hotline-signals',
      urgent: true,
      inform: { units: [], roles: ['mayor'] },
    });
    expect(decideRoute(facts({ kind: 'signal', channel: 'email' }), RULES).ruleId).toBe(DEFAULT_RULE_ID);
    expect(decideRoute(facts({ kind: 'complaint', channel: 'hotline' }), RULES).ruleId).toBe(DEFAULT_RULE_ID);
  });

  it('by flags: given a rule on a flag, when the case carries any listed flag, then the rule applies', () => {
    const withFlag: RuleSet = {
      ...RULES,
      rules: [
        {
          id: 'threat',
          priority: 1,
          description: { bg: 'Заплаха', en: 'Threat' },
          when: { flags: ['health-safety-threat', 'something-else'] },
          then: { unit: 'mayors-office', urgent: true, inform: { units: [], roles: [] } },
        },
      ],
    };
    expect(decideRoute(facts({ flags: ['health-safety-threat'] }), withFlag)).toMatchObject({ ruleId: 'threat', urgent: true });
    expect(decideRoute(facts({ flags: ['offensive-language'] }), withFlag).ruleId).toBe(DEFAULT_RULE_ID);
  });

  it('a default unit: given no rule matches, when routed, then the default unit takes it and the explanation says so in both languages', () => {
    const decision = decideRoute(facts({ category: 'unknown' }), RULES);
    expect(decision).toMatchObject({
      unit: 'registry',
      ruleId: 'default',
      ruleVersion: 7,
      urgent: false,
      inform: { units: [], roles: [] },
    });
    expect(decision.explanation.en).toMatch(/No rule of version 7 matched.*default unit "registry"/);
    expect(decision.explanation.bg).toMatch(/звеното по подразбиране „registry“/);
  });

  it('so a replay explains it: given a matching rule, when routed, then the explanation names the rule, the version and why, in Bulgarian and English', () => {
    const decision = decideRoute(facts({ text: 'Искаха подкуп.' }), RULES);
    expect(decision.explanation.en).toBe('Rule "bribes" (version 7) sends the case to "anti-corruption": Bribes (keyword "подкуп*").');
    expect(decision.explanation.bg).toBe('Правило „bribes“ (версия 7) насочва към „anti-corruption“: Подкупи (ключова дума „подкуп*“).');
  });

  it('Determinism: the same facts and rules always give the same decision (replays)', () => {
    const input = facts({ kind: 'signal', channel: 'hotline', category: 'roads-lighting' });
    expect(decideRoute(input, RULES)).toEqual(decideRoute(input, RULES));
  });
});

describe('rule set schema: a bad rule set is refused naming the field', () => {
  const content = { rules: RULES.rules, defaultUnit: RULES.defaultUnit, escalationRole: RULES.escalationRole };
  const issues = (value: unknown) => {
    const result = ruleSetContentSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts the example rule set', () => {
    expect(issues(content)).toEqual([]);
  });

  it('"first matching rule wins by explicit priority": two rules with one priority are refused', () => {
    const twice = { ...content, rules: [RULES.rules[0], { ...RULES.rules[1], priority: RULES.rules[0].priority }] };
    expect(issues(twice)).toEqual(['rules.1.priority: priority 300 is also used by rule 0']);
  });

  it('rule ids are unique, and "default" is kept for the default unit', () => {
    expect(issues({ ...content, rules: [RULES.rules[0], { ...RULES.rules[1], id: 'roads' }] })).toEqual([
      'rules.1.id: rule id "roads" is also used by rule 0',
    ]);
    expect(issues({ ...content, rules: [{ ...RULES.rules[0], id: 'default' }] })).toEqual([
      'rules.0.id: "default" is reserved for the default unit',
    ]);
  });

  it('an empty condition list, a bad keyword pattern, an unknown kind and role are each named', () => {
    const bad = {
      ...content,
      escalationRole: 'boss',
      rules: [{ ...RULES.rules[0], when: { categories: [], keywords: ['под*маса'], kinds: ['letter'] } }],
    };
    expect(issues(bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^escalationRole: /),
        'rules.0.when.categories: list at least one, or leave the condition out',
        expect.stringMatching(/^rules\.0\.when\.keywords\.0: expected words separated by spaces/),
        expect.stringMatching(/^rules\.0\.when\.kinds\.0: /),
      ]),
    );
  });

  it('urgent and inform may be left out: not urgent, nobody else informed', () => {
    const parsed = ruleSetContentSchema.parse({
      ...content,
      rules: [{ id: 'r', priority: 1, description: { bg: 'р', en: 'r' }, when: {}, then: { unit: 'registry' } }],
    });
    expect(parsed.rules[0].then).toEqual({ unit: 'registry', urgent: false, inform: { units: [], roles: [] } });
  });
});
