import { DEFAULT_TENANTS_DIR, TenantDirectory } from './tenant-directory';
import { ServedCharters } from './served-charters';

const seeds = TenantDirectory.load(DEFAULT_TENANTS_DIR);
const sopot = seeds.get('sopot');
const newTown = { ...sopot, slug: 'new-town', registryPrefix: 'NTW', name: { bg: 'Община Нов град', en: 'New Town' } };
const strip = ({ version: _v, effectiveFrom: _f, versions: _vs, ...charter }: Record<string, unknown>) => charter;

/** intake's GET /public as a fake: the charters it serves now, a 304 for the ETag it gave, or down. */
function fakeIntake() {
  const intake = {
    served: seeds.list().map((charter) => strip(charter)),
    down: false,
    calls: 0,
    async charters(etag?: string) {
      intake.calls += 1;
      if (intake.down) throw new Error('intake is down');
      const current = `"${intake.served.length}"`;
      if (etag === current) return { unchanged: true as const };
      return { unchanged: false as const, etag: current, charters: intake.served };
    },
  };
  return intake;
}

describe("the portal's and the console's municipalities, as intake serves them", () => {
  it('a municipality intake registers later is found on its first visit, without a restart', async () => {
    const intake = fakeIntake();
    let now = 0;
    const served = new ServedCharters(seeds, intake, () => now);
    expect(await served.get('new-town')).toBeUndefined();
    intake.served = [...intake.served, strip(newTown)];
    now += 1_500;
    expect((await served.get('new-town'))?.name.en).toBe('New Town');
    expect(served.list().map((charter) => charter.slug)).toContain('new-town');
  });

  it('asks again only when the list is old or a page names an unknown one, at most once a second', async () => {
    const intake = fakeIntake();
    let now = 0;
    const served = new ServedCharters(seeds, intake, () => now);
    await served.get('nowhere');
    await served.get('nowhere');
    expect(intake.calls).toBe(1);
    now += 5_000;
    await served.get('sopot');
    expect(intake.calls).toBe(1);
    now += 6_000;
    await served.refresh(10_000);
    expect(intake.calls).toBe(2);
  });

  it('keeps serving the list it has while intake cannot answer', async () => {
    const intake = fakeIntake();
    intake.down = true;
    const served = new ServedCharters(seeds, intake, () => 0);
    expect((await served.get('peshtera'))?.slug).toBe('peshtera');
    expect(served.list()).toHaveLength(5);
  });
});
