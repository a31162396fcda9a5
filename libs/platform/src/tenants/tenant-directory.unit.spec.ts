import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TENANTS_DIR, TenantDirectory } from './tenant-directory';

describe('the tenant directory', () => {
  it('loads the five seed tenants from their data files', () => {
    const directory = TenantDirectory.load(DEFAULT_TENANTS_DIR);
    expect(
      directory
        .list()
        .map((t) => t.slug)
        .sort(),
    ).toEqual(['momchilgrad', 'nova-zagora', 'peshtera', 'petrich', 'sopot']);
    expect(directory.get('peshtera')?.name.bg).toMatch(/Пещера/);
    expect(directory.get('nowhere')).toBeUndefined();
  });

  it('stops on invalid tenant data, naming the file, the path and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenants-'));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ slug: 'broken', name: { en: 'Broken' } }));
    expect(() => TenantDirectory.load(dir)).toThrow(/broken\.json: name\.bg/);
  });

  it('refuses an empty folder', () => {
    expect(() => TenantDirectory.load(mkdtempSync(join(tmpdir(), 'tenants-')))).toThrow(/No tenant files/);
  });
});
