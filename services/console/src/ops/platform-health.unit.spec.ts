import { parsePrometheusText } from '@civic/platform';
import { platformHealth, type ServiceProbe } from './platform-health';

const healthy = (...dependencies: string[]) => ({
  ok: true,
  body: { status: 'ok', info: {}, error: {}, details: Object.fromEntries(dependencies.map((d) => [d, { status: 'up', brokers: 1 }])) },
});

const intakeMetrics = `# HELP civic_http_requests_total HTTP requests answered.
# TYPE civic_http_requests_total counter
civic_http_requests_total{route="/tenants/:tenant/cases",method="GET",status_class="2xx",service="intake"} 120
civic_http_requests_total{route="/tenants/:tenant/cases",method="POST",status_class="4xx",service="intake"} 1
civic_http_requests_total{route="/tenants/:tenant/cases",method="POST",status_class="5xx",service="intake"} 2
# TYPE civic_relay_unpublished_events gauge
civic_relay_unpublished_events{relay="case-events",service="intake"} 3
# TYPE civic_relay_oldest_unpublished_seconds gauge
civic_relay_oldest_unpublished_seconds{relay="case-events",service="intake"} 7
civic_kafka_consumer_lag_messages{group="intake",topic="case-events",partition="0",service="intake"} 0
civic_kafka_consumer_lag_messages{group="intake",topic="case-events",partition="1",service="intake"} 0
`;

const routingMetrics = `civic_http_requests_total{route="/tenants/:tenant/routing/units",method="GET",status_class="2xx",service="routing"} 5
civic_kafka_consumer_lag_messages{group="routing",topic="case-events",partition="0",service="routing"} 4
civic_kafka_consumer_lag_messages{group="routing",topic="case-events",partition="1",service="routing"} 1
civic_dead_letter_messages{topic="case-events.routing.dlt",service="routing"} 2
civic_nodejs_eventloop_lag_mean_seconds{service="routing"} Nan
`;

const notificationMetrics = `civic_notifications_failed{tenant="peshtera",channel="sms",service="notification"} 1
civic_notifications_failed{tenant="peshtera",channel="email",service="notification"} 4
civic_notifications_failed{tenant="sopot",channel="email",service="notification"} 9
civic_dead_letter_messages{topic="case-events.notification.dlt",service="notification"} 0
`;

describe("the platform's health for ops", () => {
  const probes: ServiceProbe[] = [
    { name: 'intake', health: healthy('kafka', 'event-store', 'mongodb', 'relay'), metrics: parsePrometheusText(intakeMetrics) },
    {
      name: 'routing',
      // A 503 from terminus: one dependency down, reported by name, its error text not passed on.
      health: {
        ok: false,
        body: { status: 'error', details: { kafka: { status: 'down', message: 'no answer within 3000 ms' }, mongodb: { status: 'up' } } },
      },
      metrics: parsePrometheusText(routingMetrics),
    },
    { name: 'deadline-watch' },
    { name: 'notification', health: healthy('kafka'), metrics: parsePrometheusText(notificationMetrics) },
    { name: 'analytics', health: { ok: true, body: 'not what terminus answers' } },
  ];

  it('answers the services, the relay, the consumers, the dead letters and the tenant own failed notifications', () => {
    expect(platformHealth(probes, 'peshtera', new Date('2026-11-16T09:00:00.000Z'))).toEqual({
      checkedAt: '2026-11-16T09:00:00.000Z',
      services: [
        {
          name: 'intake',
          status: 'up',
          details: { kafka: { status: 'up' }, 'event-store': { status: 'up' }, mongodb: { status: 'up' }, relay: { status: 'up' } },
          requestsTotal: 123,
          errorsTotal: 2,
        },
        {
          name: 'routing',
          status: 'down',
          details: { kafka: { status: 'down' }, mongodb: { status: 'up' } },
          requestsTotal: 5,
          errorsTotal: 0,
        },
        { name: 'deadline-watch', status: 'down', details: {}, requestsTotal: 0, errorsTotal: 0 },
        { name: 'notification', status: 'up', details: { kafka: { status: 'up' } }, requestsTotal: 0, errorsTotal: 0 },
        { name: 'analytics', status: 'down', details: {}, requestsTotal: 0, errorsTotal: 0 },
      ],
      relay: { unpublishedEvents: 3, oldestUnpublishedSeconds: 7 },
      consumers: [
        { service: 'intake', group: 'intake', lag: 0 },
        { service: 'routing', group: 'routing', lag: 5 },
      ],
      deadLetters: [
        { service: 'routing', topic: 'case-events.routing.dlt', messages: 2 },
        { service: 'notification', topic: 'case-events.notification.dlt', messages: 0 },
      ],
      failedNotifications: [
        { tenant: 'peshtera', channel: 'email', count: 4 },
        { tenant: 'peshtera', channel: 'sms', count: 1 },
      ],
    });
  });

  it("never shows another municipality's failed notifications", () => {
    const sopot = platformHealth(probes, 'sopot', new Date('2026-11-16T09:00:00.000Z'));
    expect(sopot.failedNotifications).toEqual([{ tenant: 'sopot', channel: 'email', count: 9 }]);
    expect(platformHealth(probes, 'petrich', new Date('2026-11-16T09:00:00.000Z')).failedNotifications).toEqual([]);
  });

  it('is all down and zero when nothing answers, without failing', () => {
    const none = platformHealth([{ name: 'intake' }, { name: 'routing' }], 'peshtera', new Date('2026-11-16T09:00:00.000Z'));
    expect(none).toEqual({
      checkedAt: '2026-11-16T09:00:00.000Z',
      services: [
        { name: 'intake', status: 'down', details: {}, requestsTotal: 0, errorsTotal: 0 },
        { name: 'routing', status: 'down', details: {}, requestsTotal: 0, errorsTotal: 0 },
      ],
      relay: { unpublishedEvents: 0, oldestUnpublishedSeconds: 0 },
      consumers: [],
      deadLetters: [],
      failedNotifications: [],
    });
  });
});
