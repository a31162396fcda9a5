import { progressOf, type RebuildRecord } from './rebuild-progress';

const record = (over: Partial<RebuildRecord>): RebuildRecord => ({
  _id: 'g1',
  generation: 'g1',
  status: 'catching-up',
  requestedBy: 'peshtera:ops',
  startedAt: '2026-06-15T09:00:00.000Z',
  heartbeatAt: '2026-06-15T09:00:02.000Z',
  total: 1_000,
  applied: 250,
  elapsedMs: 2_000,
  switchedAt: null,
  previousGeneration: null,
  error: null,
  ...over,
});

describe('rebuild progress (events applied / total, percentage, rate)', () => {
  it('applied of total, as a percentage with one decimal, and events per second', () => {
    expect(progressOf(record({}))).toMatchObject({ id: 'g1', applied: 250, total: 1_000, percentage: 25, ratePerSecond: 125 });
    expect(progressOf(record({ applied: 1, total: 3 })).percentage).toBe(33.3);
  });

  it('while counting: no total and no percentage yet; an empty store is done at once', () => {
    expect(progressOf(record({ status: 'counting', total: null, applied: 0, elapsedMs: 0 }))).toMatchObject({
      percentage: null,
      ratePerSecond: null,
    });
    expect(progressOf(record({ total: 0, applied: 0 })).percentage).toBe(100);
  });
});
