import { parsePrometheusText, sumOf } from '@civic/platform';
import { eventually, TEST_NOW } from '@civic/testing';
import { startAnalytics, type AnalyticsHarness } from './harness';

/** analytics' figure for ops: how far the case read model is behind the event store. */
describe("analytics' /metrics", () => {
  let analytics: AnalyticsHarness;

  beforeAll(async () => {
    analytics = await startAnalytics(TEST_NOW);
  });

  afterAll(async () => {
    await analytics?.stop();
  });

  it('reports the read model caught up and nothing behind once it has read the store', async () => {
    await analytics.caughtUp();
    // The figure is cached for a few seconds: it settles at nothing behind.
    const metrics = await eventually(
      async () => parsePrometheusText(await (await fetch(`${analytics.url}/metrics`)).text()),
      (read) =>
        read.samples.some((s) => s.name === 'civic_projection_behind_events') &&
        sumOf(read, 'civic_projection_behind_events') === 0 &&
        sumOf(read, 'civic_projection_caught_up') === 1,
      { what: 'the projection figures', timeoutMs: 20_000 },
    );
    expect(sumOf(metrics, 'civic_projection_caught_up', { projection: 'cases', service: 'analytics' })).toBe(1);
    expect(sumOf(metrics, 'civic_projection_behind_events', { projection: 'cases' })).toBe(0);
  });
});
