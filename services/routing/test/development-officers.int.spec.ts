import { SEEDED_USERS } from '@civic/auth';
import { eventually } from '@civic/testing';
import { DevelopmentOfficers } from '../src/config-store/development-officers';
import { RoutingConfigStore } from '../src/config-store/routing-config.store';
import { changeOfficers, readCase, registerAcceptedCase, startRouting, typesOf, type RoutingHarness } from './harness';

// `npm start` on a fresh clone: the seeded officer serves every unit of each seed tenant, so a case is
// assigned at once; a tenant whose officers an admin has set is never touched.
describe('development officers (ROUTING_SEED_DEVELOPMENT_OFFICERS)', () => {
  let routing: RoutingHarness;

  beforeAll(async () => {
    routing = await startRouting('devofficers', { env: { ROUTING_SEED_DEVELOPMENT_OFFICERS: 'true' } });
  });

  afterAll(async () => {
    await routing?.stop();
  });

  it("at start, every active unit of every seed tenant has the tenant's seeded officer", async () => {
    const config = routing.app.get(RoutingConfigStore);
    for (const tenant of ['peshtera', 'sopot'] as const) {
      const setup = await config.setup(tenant);
      expect(setup.officers).toEqual(
        setup.units.units
          .filter((unit) => unit.active)
          .map((unit) => ({ id: SEEDED_USERS[tenant].officer.sub, unit: unit.id, absent: false })),
      );
    }
  });

  it('a case routed to any unit is assigned to the seeded officer', async () => {
    for (const category of ['waste-cleanliness', 'corruption', 'local-taxes']) {
      const caseId = await registerAcceptedCase(routing.cases, { tenant: 'peshtera', category });
      const events = await eventually(
        () => readCase(routing.cases, caseId),
        (e) => typesOf(e).includes('CaseAssigned'),
        { what: `case in ${category} assigned`, timeoutMs: 30_000 },
      );
      expect(events.find((event) => event.type === 'CaseAssigned')?.data).toEqual({ officerId: 'peshtera:officer' });
    }
  });

  it('seeds once: after that, or after an admin set the officers (even to none), never again', async () => {
    const seed = routing.app.get(DevelopmentOfficers);
    expect(await seed.seed('peshtera')).toBe(false);
    expect((await changeOfficers(routing, 'petrich', [])).ok).toBe(true);
    expect(await seed.seed('petrich')).toBe(false);
    expect((await routing.app.get(RoutingConfigStore).setup('petrich')).officers).toEqual([]);
  });
});
