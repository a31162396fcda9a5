import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writePrivateFile } from './private-file';
import { SEED_TENANTS, type SeedTenant } from './seeded-users';

/**
 * Development Open311 API keys, one per seed tenant, for `npm start`: kept in `file` (`tenant:key` lines,
 * readable by this user only) so that a client set up once keeps working across starts. 128 random bits each.
 * For the development issuer only; production keys are issued by the municipality and set by hand.
 */
export function developmentOpen311Keys(file: string): Record<SeedTenant, string> {
  const kept = new Map<string, string>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [tenant, key] = line.trim().split(':');
      if (tenant && key) kept.set(tenant, key);
    }
  }
  const keys = Object.fromEntries(SEED_TENANTS.map((tenant) => [tenant, kept.get(tenant) ?? randomBytes(16).toString('hex')])) as Record<
    SeedTenant,
    string
  >;
  writePrivateFile(file, `${SEED_TENANTS.map((tenant) => `${tenant}:${keys[tenant]}`).join('\n')}\n`);
  return keys;
}

/** The keys as intake's OPEN311_API_KEYS setting: `tenant:key,tenant:key`. */
export const open311KeysSetting = (keys: Readonly<Record<string, string>>): string =>
  Object.entries(keys)
    .map(([tenant, key]) => `${tenant}:${key}`)
    .join(',');
