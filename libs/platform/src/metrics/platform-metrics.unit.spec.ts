import { backlogAgeSeconds } from './store-backlog';
import { routeLabel } from './http-metrics';
import { METRICS, platformMetricNames } from './definitions';
import { PlatformMetrics } from './platform-metrics';

describe('route label', () => {
  it('is the matched template, never the URL with its ids', () => {
    expect(routeLabel({ route: { path: '/tenants/:tenant/cases/:caseId' }, url: '/tenants/peshtera/cases/abc?x=1' } as never)).toBe(
      '/tenants/:tenant/cases/:caseId',
    );
  });

  it('is "unmatched" without a matched route, unless the caller names a coarser one', () => {
    expect(routeLabel({ url: '/tenants/peshtera/nothing' } as never)).toBe('unmatched');
    expect(routeLabel({ route: { path: '/{*path}' }, url: '/tenants/peshtera/nothing' } as never)).toBe('unmatched');
    expect(routeLabel({ originalUrl: '/api/intake/tenants/x?y' } as never, (path) => path.split('/').slice(0, 3).join('/'))).toBe(
      '/api/intake',
    );
  });
});

describe('backlog age', () => {
  it('is whole seconds since the oldest waiting event, 0 when none waits, never negative', () => {
    const now = Date.parse('2026-11-16T09:00:00.000Z');
    expect(backlogAgeSeconds('2026-11-16T08:59:30.400Z', now)).toBe(30);
    expect(backlogAgeSeconds(undefined, now)).toBe(0);
    expect(backlogAgeSeconds('2026-11-16T09:00:05.000Z', now)).toBe(0);
  });
});

describe('the platform metrics', () => {
  it('names follow the Prometheus conventions: civic_ prefix, counters end in _total, durations in _seconds', () => {
    for (const metric of Object.values(METRICS)) expect(metric.name).toMatch(/^civic_[a-z_]+$/);
    expect(METRICS.httpRequests.name).toMatch(/_total$/);
    expect(METRICS.httpDuration.name).toMatch(/_seconds$/);
    expect(METRICS.relayOldestUnpublished.name).toMatch(/_seconds$/);
  });

  it('labels every series with the service and reads gauges at scrape time, dropping label sets that went away', async () => {
    const metrics = new PlatformMetrics('notification');
    let samples = [
      { labels: { tenant: 'peshtera', channel: 'email' }, value: 2 },
      { labels: { tenant: 'petrich', channel: 'sms' }, value: 1 },
    ];
    metrics.gauge('notificationsFailed', async () => samples);
    metrics.httpRequests.inc({ route: '/health', method: 'GET', status_class: '2xx' });

    const first = await metrics.text();
    expect(first).toContain('civic_notifications_failed{tenant="peshtera",channel="email",service="notification"} 2');
    expect(first).toContain('civic_http_requests_total{route="/health",method="GET",status_class="2xx",service="notification"} 1');
    expect(first).toMatch(/^civic_process_cpu_seconds_total\{service="notification"\} /m);

    samples = [{ labels: { tenant: 'peshtera', channel: 'email' }, value: 3 }];
    const second = await metrics.text();
    expect(second).toContain('civic_notifications_failed{tenant="peshtera",channel="email",service="notification"} 3');
    expect(second).not.toContain('petrich');
  });

  it('lists the histogram families too', () => {
    expect(platformMetricNames()).toEqual(
      expect.arrayContaining(['civic_http_request_duration_seconds_bucket', 'civic_dead_letter_messages']),
    );
  });
});
