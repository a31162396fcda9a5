import { readRequestsQuery } from './requests-query';

const NOW = new Date('2026-06-30T12:00:00Z');
const DAY = 86_400_000;
const read = (query: Record<string, unknown>) => readRequestsQuery(query, NOW);

describe("GET requests' arguments", () => {
  it('defaults to the latest 90 days and at most 1000 requests', () => {
    expect(read({})).toEqual({ ok: true, query: { by: 'filter', from: new Date(NOW.getTime() - 90 * DAY), to: NOW, limit: 1000 } });
  });

  it('runs 90 days on from a start alone, and 90 days back from an end alone', () => {
    const start = read({ start_date: '2026-01-01T00:00:00Z' });
    expect(start.ok && start.query.by === 'filter' && [start.query.from.toISOString(), start.query.to.toISOString()]).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
    ]);
    const end = read({ end_date: '2026-04-01T00:00:00+03:00' });
    expect(end.ok && end.query.by === 'filter' && end.query.from.toISOString()).toBe('2025-12-31T21:00:00.000Z');
  });

  it('refuses a window over 90 days, an end before the start, a date without a zone, and an unknown status, naming each', () => {
    const problems = (query: Record<string, unknown>) => {
      const result = read(query);
      return result.ok ? [] : result.problems.map((p) => p.field);
    };
    expect(problems({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' })).toEqual(['end_date']);
    expect(problems({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toEqual(['end_date']);
    expect(problems({ start_date: '2026-01-01', status: 'pending' })).toEqual(['start_date', 'status']);
    expect(problems({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-03-31T00:00:00Z' })).toEqual([]);
  });

  it('takes service codes and statuses comma-delimited or repeated', () => {
    const result = read({ service_code: 'complaint.general, signal.general', status: ['open', 'open,closed'] });
    expect(result.ok && result.query).toMatchObject({
      by: 'filter',
      serviceCodes: ['complaint.general', 'signal.general'],
      statuses: ['open', 'closed'],
    });
  });

  it('lets service_request_id override every other argument, each id once', () => {
    expect(read({ service_request_id: 'PSH-2026-000001,PSH-2026-000002,PSH-2026-000001', status: 'nonsense', start_date: 'bad' })).toEqual({
      ok: true,
      query: { by: 'ids', ids: ['PSH-2026-000001', 'PSH-2026-000002'] },
    });
    const many = Array.from({ length: 101 }, (_, i) => `PSH-2026-${String(i + 1).padStart(6, '0')}`).join(',');
    expect(read({ service_request_id: many }).ok).toBe(false);
  });
});
