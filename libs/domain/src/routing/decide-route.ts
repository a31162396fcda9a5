import { tokenize, type TokenizedText } from '../screening/text';
import { wordMatcher, type WordMatcher } from '../screening/word-list';
import type { LocalizedText } from '../shared/vocabulary';
import type { RoutingFacts } from './facts';
import { DEFAULT_RULE_ID, type Inform, type Rule, type RuleConditions, type RuleSet } from './rule-set.schema';

/** Where a case goes and why: enough to append `CaseRouted` and to explain it on replay. */
export interface RouteDecision {
  unit: string;
  /** The rule that matched, or `default` when none did. */
  ruleId: string;
  ruleVersion: number;
  urgent: boolean;
  inform: Inform;
  explanation: LocalizedText;
}

/** Why one condition held, in both languages, e.g. category "roads-lighting". */
interface Reason {
  bg: string;
  en: string;
}

// Each keyword pattern compiles once: rule sets change rarely, cases arrive often. One matcher per pattern,
// so the explanation can say which patterns matched.
const matchers = new Map<string, WordMatcher>();
function matcherFor(pattern: string): WordMatcher {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    matcher = wordMatcher([pattern], []);
    matchers.set(pattern, matcher);
  }
  return matcher;
}

/**
 * The reasons a rule's conditions hold for the case, or undefined when one of them does not. Each
 * condition given must hold; within one, any listed value will do.
 */
function matchConditions(when: RuleConditions, facts: RoutingFacts, text: TokenizedText | null): Reason[] | undefined {
  const reasons: Reason[] = [];
  if (when.kinds) {
    if (!when.kinds.includes(facts.kind)) return undefined;
    reasons.push({ bg: `вид „${facts.kind}“`, en: `kind "${facts.kind}"` });
  }
  if (when.categories) {
    if (facts.category === null || !when.categories.includes(facts.category)) return undefined;
    reasons.push({ bg: `категория „${facts.category}“`, en: `category "${facts.category}"` });
  }
  if (when.channels) {
    if (!when.channels.includes(facts.channel)) return undefined;
    reasons.push({ bg: `канал „${facts.channel}“`, en: `channel "${facts.channel}"` });
  }
  if (when.flags) {
    const raised = when.flags.filter((flag) => facts.flags.includes(flag));
    if (raised.length === 0) return undefined;
    reasons.push({ bg: `отбелязване „${raised.join('”, „')}“`, en: `flag "${raised.join('", "')}"` });
  }
  if (when.keywords) {
    // The words themselves are the submitter's text (personal data): the explanation names the patterns.
    const found = text === null ? [] : when.keywords.filter((pattern) => matcherFor(pattern).find(text).length > 0);
    if (found.length === 0) return undefined;
    reasons.push({ bg: `ключова дума „${found.join('”, „')}“`, en: `keyword "${found.join('", "')}"` });
  }
  return reasons;
}

const byPriority = (a: Rule, b: Rule) => a.priority - b.priority;

/**
 * Routes a case by the tenant's rule set: the rule with the lowest priority whose conditions hold decides;
 * when none does, the rule set's default unit takes the case, and the decision says so. Always a decision.
 */
export function decideRoute(facts: RoutingFacts, ruleSet: RuleSet): RouteDecision {
  const text = facts.text === null ? null : tokenize(facts.text);
  for (const rule of [...ruleSet.rules].sort(byPriority)) {
    const reasons = matchConditions(rule.when, facts, text);
    if (!reasons) continue;
    const because: Reason =
      reasons.length === 0
        ? { bg: 'правилото се прилага за всички преписки', en: 'the rule applies to every case' }
        : { bg: reasons.map((r) => r.bg).join('; '), en: reasons.map((r) => r.en).join('; ') };
    return {
      unit: rule.then.unit,
      ruleId: rule.id,
      ruleVersion: ruleSet.version,
      urgent: rule.then.urgent,
      inform: rule.then.inform,
      explanation: {
        bg: `Правило „${rule.id}“ (версия ${ruleSet.version}) насочва към „${rule.then.unit}“: ${rule.description.bg} (${because.bg}).`,
        en: `Rule "${rule.id}" (version ${ruleSet.version}) sends the case to "${rule.then.unit}": ${rule.description.en} (${because.en}).`,
      },
    };
  }
  return {
    unit: ruleSet.defaultUnit,
    ruleId: DEFAULT_RULE_ID,
    ruleVersion: ruleSet.version,
    urgent: false,
    inform: { units: [], roles: [] },
    explanation: {
      bg: `Нито едно правило (версия ${ruleSet.version}) не се прилага: преписката отива в звеното по подразбиране „${ruleSet.defaultUnit}“.`,
      en: `No rule of version ${ruleSet.version} matched: the case goes to the default unit "${ruleSet.defaultUnit}".`,
    },
  };
}
