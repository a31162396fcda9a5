import type { Kind } from '../shared/vocabulary';
import type { DeadlinePolicy, DeadlinePolicyOverride } from './policy';

/**
 * A tenant's policy for one kind: the default with the charter's changes on top. The source then
 * names the charter first and keeps the default's, so an explanation shows both.
 */
export function resolveDeadlinePolicy(defaults: DeadlinePolicy, override?: DeadlinePolicyOverride): DeadlinePolicy {
  if (!override) return defaults;
  const { source, ...changes } = override;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...defaults, ...defined, kind: defaults.kind, source: `${source} (вместо / instead of: ${defaults.source})` };
}

/** Every kind's policy for a tenant, from the defaults and the charter's overrides. */
export function resolveDeadlinePolicies(
  defaults: Readonly<Record<Kind, DeadlinePolicy>>,
  overrides: Partial<Record<Kind, DeadlinePolicyOverride>> = {},
): Record<Kind, DeadlinePolicy> {
  const kinds = Object.keys(defaults) as Kind[];
  return Object.fromEntries(kinds.map((kind) => [kind, resolveDeadlinePolicy(defaults[kind], overrides[kind])])) as Record<
    Kind,
    DeadlinePolicy
  >;
}
