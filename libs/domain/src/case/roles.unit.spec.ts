import { ruleSetContentSchema } from '../routing/rule-set.schema';
import { MUNICIPAL_ROLES, ROLES } from './roles';

describe("the municipality's roles", () => {
  it('are every role but the platform operator, the citizen and the system', () => {
    expect([...MUNICIPAL_ROLES]).toEqual(ROLES.filter((role) => !['platform-operator', 'citizen', 'system'].includes(role)));
  });

  it.each(['platform-operator', 'citizen', 'system'])('a rule set may neither escalate to nor inform "%s"', (role) => {
    const content = { rules: [], defaultUnit: 'administration', escalationRole: role };
    expect(ruleSetContentSchema.safeParse(content).success).toBe(false);
    const informing = {
      ...content,
      escalationRole: 'secretary',
      rules: [
        { id: 'r', priority: 1, description: { bg: 'П', en: 'R' }, when: {}, then: { unit: 'administration', inform: { roles: [role] } } },
      ],
    };
    expect(ruleSetContentSchema.safeParse(informing).error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'rules.0.then.inform.roles.0',
    ]);
  });
});
