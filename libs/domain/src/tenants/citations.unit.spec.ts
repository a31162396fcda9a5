import { SEED_TENANTS as tenants } from '../../test/routing/fixtures';
import { BULGARIA_NATIONAL_OVERRIDES } from '../calendar/bulgaria-overrides';
import { COUNTING_SOURCES, DEFAULT_DEADLINE_POLICIES, resolveDeadlinePolicies } from '../deadlines';
import { screen, type ScreeningInput } from '../screening';
import type { TenantCharter } from './index';
import { WHISTLEBLOWER_THRESHOLDS } from './whistleblower';

// What staff and citizens read beside a reason, a flag or a due date cites a law or a charter, or nothing:
// never a note to whoever sets the tenant up ("default", "check", "charter silent", a file of ours).
const DEVELOPER_NOTE = /\bcheck\b|DOMAIN\.md|\bdefault\b|charter silent|\btune\b|\bTODO\b|\bconfirm/i;

/** Every `source` under a value, by its path. */
function sourcesIn(value: unknown, path: string): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => sourcesIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'source' && typeof inner === 'string' ? [[path, inner] as [string, string]] : sourcesIn(inner, `${path}.${key}`),
  );
}

const shown = (tenant: TenantCharter): [string, string][] => [
  ...sourcesIn(tenant.screening, `${tenant.slug}.screening`),
  ...sourcesIn(resolveDeadlinePolicies(DEFAULT_DEADLINE_POLICIES, tenant.deadlines), `${tenant.slug}.deadlines`),
  ...sourcesIn(tenant.localHolidays, `${tenant.slug}.localHolidays`),
];

describe('citations people read', () => {
  it.each(tenants.map((tenant) => [tenant.slug, tenant] as const))(
    "%s: screening, deadlines and local holidays cite a law or the charter, with no developer's note",
    (_slug, tenant) => {
      const notes = shown(tenant).filter(([, text]) => DEVELOPER_NOTE.test(text));
      expect(notes).toEqual([]);
    },
  );

  it("the platform's own rules: counting, national days off, the whistleblowing threshold", () => {
    const texts = [
      ...Object.values(COUNTING_SOURCES),
      ...BULGARIA_NATIONAL_OVERRIDES.map((override) => override.source),
      WHISTLEBLOWER_THRESHOLDS.source,
    ];
    expect(texts.filter((text) => DEVELOPER_NOTE.test(text))).toEqual([]);
  });

  it('the test itself catches the notes it is for', () => {
    for (const note of ['default: charter silent — check', '(DOMAIN.md), default — check with the tenant', 'tune per tenant'])
      expect(note).toMatch(DEVELOPER_NOTE);
    for (const citation of ['АПК чл. 111, ал. 4', 'Харта на клиента на Община Пещера, „Важно е да се знае“, т. 1'])
      expect(citation).not.toMatch(DEVELOPER_NOTE);
  });

  it.each(tenants.map((tenant) => [tenant.slug, tenant] as const))(
    '%s: an anonymous signal about a threat, and one without: each reason cites, or says nothing',
    (_slug, tenant) => {
      const signal: ScreeningInput = {
        kind: 'signal',
        channel: 'web-form',
        submitter: null,
        text: 'Срутва се стена до училището.',
        healthSafetyThreat: true,
        receivedOn: '2026-03-02',
        openCases: [],
      };
      const reasons = [
        ...screen(signal, tenant.screening).reasons,
        ...screen({ ...signal, healthSafetyThreat: false }, tenant.screening).reasons,
      ];
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) {
        if (reason.source !== undefined) expect(reason.source).not.toMatch(DEVELOPER_NOTE);
      }
    },
  );
});
