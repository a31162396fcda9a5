/** Seed tenants, case facts and hand-written rule sets for the routing tests. No clock, no randomness. */
import type { RoutingFacts, RuleSet } from '../../src/routing';
import { parseTenantCharter, type TenantCharter } from '../../src/tenants';
import momchilgrad from '../../tenants/momchilgrad.json';
import novaZagora from '../../tenants/nova-zagora.json';
import peshtera from '../../tenants/peshtera.json';
import petrich from '../../tenants/petrich.json';
import sopot from '../../tenants/sopot.json';

// The five seed tenants, parsed from their data files as the platform's loader does.
export const SEED_TENANTS: TenantCharter[] = Object.entries({ momchilgrad, 'nova-zagora': novaZagora, peshtera, petrich, sopot }).map(
  ([slug, data]) => parseTenantCharter(data, `${slug}.json`),
);

export const tenant = (slug: string): TenantCharter => {
  const found = SEED_TENANTS.find((t) => t.slug === slug);
  if (!found) throw new Error(`no seed tenant ${slug}`);
  return found;
};

export const departmentWithRole = (t: TenantCharter, role: string): string | undefined =>
  t.departments.find((department) => department.role === role)?.id;

export const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  kind: 'complaint',
  category: null,
  channel: 'web-form',
  text: 'Уличното осветление не работи от седмица.',
  flags: [],
  ...overrides,
});

const none = { units: [], roles: [] };

/** A small rule set, written deliberately out of priority order. */
export const RULES: RuleSet = {
  version: 7,
  defaultUnit: 'registry',
  escalationRole: 'secretary',
  rules: [
    {
      id: 'roads',
      priority: 300,
      description: { bg: 'Пътища', en: 'Roads' },
      when: { categories: ['roads-lighting'] },
      then: { unit: 'public-works', urgent: false, inform: none },
    },
    {
      id: 'bribes',
      priority: 100,
      description: { bg: 'Подкупи', en: 'Bribes' },
      when: { keywords: ['подкуп*', 'под масата'] },
      then: { unit: 'anti-corruption', urgent: false, inform: none },
    },
    {
      id: 'hotline-signals',
      priority: 200,
      description: { bg: 'Сигнали по горещата линия', en: 'Hotline signals' },
      when: { kinds: ['signal'], channels: ['hotline'] },
      then: { unit: 'mayors-office', urgent: true, inform: { units: [], roles: ['mayor'] } },
    },
  ],
};
