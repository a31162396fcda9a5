import type { EventStore } from '@civic/event-store';
import { CASE_COMMANDS, CASE_STORE, CaseReader, CLOCK, type CaseCommands, type Clock } from '@civic/platform';
import { RoutingConfigStore } from '../src/config-store/routing-config.store';
import { CaseRouter, type RoutingOutcome } from '../src/consumer/case-router';
import { WorkloadStore } from '../src/workload/workload.store';
import { acceptedEvent, changeOfficers, readCase, registerAcceptedCase, startRouting, typesOf, type RoutingHarness } from './harness';

/**
 * The case store as it is, except that the first `parties` reads wait for each other: every router reads
 * the case before any of them acts, so all of them see it `Accepted` and all of them issue `RouteCase`.
 */
function readTogether(store: EventStore, parties: number): EventStore {
  let arrived = 0;
  let release: () => void = () => undefined;
  const together = new Promise<void>((resolve) => (release = resolve));
  const gated: EventStore = Object.create(store);
  gated.readStream = async (...args: Parameters<EventStore['readStream']>) => {
    const events = await store.readStream(...args);
    if (arrived < parties) {
      arrived += 1;
      if (arrived === parties) release();
      await together;
    }
    return events;
  };
  return gated;
}

// The rebalance double-route window on the real servers: while Kafka hands a partition to a new consumer,
// the old one may still be working on the same event, so two routers handle one trigger at the same time.
// No relay and no consumer here: the two routers of the test are the only writers.
describe('two routers handling the same event at once', () => {
  let routing: RoutingHarness;
  const TENANT = 'peshtera';

  beforeAll(async () => {
    routing = await startRouting('concurrent', { consume: false });
    const outcome = await changeOfficers(routing, TENANT, [
      { id: 'pw-a', unit: 'public-works', absent: false },
      { id: 'pw-b', unit: 'public-works', absent: false },
    ]);
    expect(outcome.ok).toBe(true);
  });

  afterAll(async () => {
    await routing?.stop();
  });

  it('both issue RouteCase and AssignCase; the command handler answers the second of each as a duplicate: one CaseRouted, one CaseAssigned', async () => {
    const caseId = await registerAcceptedCase(routing.cases, { tenant: TENANT, category: 'roads-lighting' });
    const accepted = await acceptedEvent(routing.cases, caseId);
    const trigger = { eventId: accepted.id, caseId, correlationId: String(accepted.metadata['correlationId']) };

    // Two instances, as in two processes: nothing shared in memory but the servers.
    const store = readTogether(routing.app.get<EventStore>(CASE_STORE), 2);
    const routers = [0, 1].map(
      () =>
        new CaseRouter(
          new CaseReader(store),
          routing.app.get<CaseCommands>(CASE_COMMANDS),
          routing.app.get(RoutingConfigStore),
          routing.app.get(WorkloadStore),
          routing.app.get<Clock>(CLOCK),
        ),
    );
    const outcomes: RoutingOutcome[] = await Promise.all(routers.map((router) => router.route(trigger)));

    const events = await readCase(routing.cases, caseId);
    expect(typesOf(events)).toEqual(['CaseRegistered', 'CaseAccepted', 'CaseRouted', 'CaseAssigned']);
    const [, , routed, assigned] = events;
    // Both saw the case Accepted and routed it; both report the route recorded, and one assignment between them.
    expect(outcomes).toEqual([
      expect.objectContaining({ outcome: 'routed', route: routed.data }),
      expect.objectContaining({ outcome: 'routed', route: routed.data }),
    ]);
    const assignments = outcomes.map((outcome) => (outcome.outcome === 'routed' ? outcome.assignment : undefined));
    expect(assignments).toEqual(
      expect.arrayContaining([{ outcome: 'assigned', officerId: assigned.data['officerId'] }, { outcome: 'already-assigned' }]),
    );

    // The officer's workload counts the case once, for the officer the stream names.
    const load = await routing.app.get(WorkloadStore).openCases(TENANT);
    expect(Object.fromEntries(load)).toEqual({ [String(assigned.data['officerId'])]: 1 });
  });
});
