import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentOpen311Keys, open311KeysSetting } from './open311-keys';
import { SEED_TENANTS } from './seeded-users';

describe('development Open311 API keys', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'open311-keys-')), 'keys');

  it('one key of 128 random bits per seed tenant, in a file only its owner reads', () => {
    const path = file();
    const keys = developmentOpen311Keys(path);
    expect(Object.keys(keys).sort()).toEqual([...SEED_TENANTS].sort());
    for (const key of Object.values(keys)) expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(Object.values(keys)).size).toBe(SEED_TENANTS.length);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toContain(`peshtera:${keys.peshtera}\n`);
  });

  it('the same keys on the next start, so a client set up once keeps working', () => {
    const path = file();
    expect(developmentOpen311Keys(path)).toEqual(developmentOpen311Keys(path));
  });

  it("as intake's OPEN311_API_KEYS setting", () => {
    expect(open311KeysSetting({ peshtera: 'a'.repeat(32), sopot: 'b'.repeat(32) })).toBe(
      `peshtera:${'a'.repeat(32)},sopot:${'b'.repeat(32)}`,
    );
  });
});
