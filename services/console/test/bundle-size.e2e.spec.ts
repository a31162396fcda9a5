import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@civic/testing';

// The built console (the e2e tier builds it first): a person on a slow line waits for the initial JavaScript only.
describe("the console's initial JavaScript", () => {
  it('is at most 250 KB gzipped', () => {
    // The same measure the build prints (web/scripts/initial-size.cjs).
    const { initialScripts, BUDGET_BYTES } = require(join(WORKSPACE_ROOT, 'services/console/web/scripts/initial-size.cjs')) as {
      initialScripts: (dir: string) => { file: string; gzipBytes: number }[];
      BUDGET_BYTES: number;
    };
    const scripts = initialScripts(join(WORKSPACE_ROOT, 'dist', 'services', 'console', 'web'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.reduce((sum, script) => sum + script.gzipBytes, 0)).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
