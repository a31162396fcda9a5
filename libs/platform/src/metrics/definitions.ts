/**
 * Every figure the platform exposes at `/metrics`, in one place: the services register them from here, the
 * console reads them by these names, and the Grafana dashboard may use no other (a unit test checks it).
 * Prometheus conventions: base units (seconds), `_total` for counters, labels of bounded cardinality only
 * (route templates, never raw URLs; tenants and channels, never people).
 */
export const METRIC_PREFIX = 'civic_';

export const METRICS = {
  httpRequests: {
    name: 'civic_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status class (2xx, 4xx, 5xx…); /health and /metrics not counted.',
    labelNames: ['route', 'method', 'status_class'],
  },
  httpDuration: {
    name: 'civic_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its answer, by route template, method and status class.',
    labelNames: ['route', 'method', 'status_class'],
  },
  relayUnpublished: {
    name: 'civic_relay_unpublished_events',
    help: 'Case events in the event store after the relay checkpoint, not yet acknowledged by Kafka (counted up to a cap).',
    labelNames: ['relay'],
  },
  relayOldestUnpublished: {
    name: 'civic_relay_oldest_unpublished_seconds',
    help: 'Age of the oldest case event not yet published to Kafka; 0 when everything is published.',
    labelNames: ['relay'],
  },
  consumerLag: {
    name: 'civic_kafka_consumer_lag_messages',
    help: "Messages in a partition after the consumer group's committed offset (not yet handled by this service's group).",
    labelNames: ['group', 'topic', 'partition'],
  },
  deadLetters: {
    name: 'civic_dead_letter_messages',
    help: "Messages in this service's dead-letter topic: events its handler gave up on, waiting for a person.",
    labelNames: ['topic'],
  },
  notificationsFailed: {
    name: 'civic_notifications_failed',
    help: 'Notifications that failed after their last retry, by tenant and channel (what registrars see and may send again).',
    labelNames: ['tenant', 'channel'],
  },
  projectionBehind: {
    name: 'civic_projection_behind_events',
    help: 'Case events in the event store after the read model projection checkpoint (counted up to a cap).',
    labelNames: ['projection'],
  },
  projectionCaughtUp: {
    name: 'civic_projection_caught_up',
    help: '1 when the read model projection has read to the end of the event store at least once since start, else 0.',
    labelNames: ['projection'],
  },
} as const;

export type MetricKey = keyof typeof METRICS;

/** Seconds: HTTP answers of the platform are expected within milliseconds to a few seconds (PDFs, reports). */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The names the platform registers, including the families prom-client adds for a histogram. */
export function platformMetricNames(): string[] {
  const own = Object.values(METRICS).map((metric) => metric.name);
  const histogram = METRICS.httpDuration.name;
  return [...own, `${histogram}_bucket`, `${histogram}_sum`, `${histogram}_count`];
}
