import { METRICS, sumOf, type PromText } from '@civic/platform';

/**
 * The platform's health for the ops view, made from what each service answers at `/health` and `/metrics`.
 * Pure: the probing is in service-probe.ts, so this is tested with fixtures of both.
 */
export type UpDown = 'up' | 'down';

export interface ServiceHealth {
  name: string;
  status: UpDown;
  details: Record<string, { status: UpDown }>;
  requestsTotal: number;
  errorsTotal: number;
}

export interface PlatformHealth {
  checkedAt: string;
  services: ServiceHealth[];
  relay: { unpublishedEvents: number; oldestUnpublishedSeconds: number };
  consumers: { service: string; group: string; lag: number }[];
  deadLetters: { service: string; topic: string; messages: number }[];
  failedNotifications: { tenant: string; channel: string; count: number }[];
}

/** What one service answered; undefined where it did not answer (in time, or at all). */
export interface ServiceProbe {
  name: string;
  /** The body of `/health` (terminus: `{ status, details: { <dependency>: { status } } }`) and whether it was a 200. */
  health?: { ok: boolean; body: unknown };
  metrics?: PromText;
}

export function platformHealth(probes: ServiceProbe[], tenant: string, checkedAt: Date): PlatformHealth {
  return {
    checkedAt: checkedAt.toISOString(),
    services: probes.map(serviceHealth),
    relay: relayLag(probes),
    consumers: probes.flatMap(consumerLag),
    deadLetters: probes.flatMap(deadLetters),
    failedNotifications: failedNotifications(probes, tenant),
  };
}

/** Up when `/health` answered 200 and said ok; the dependencies by name, their status only (no error texts). */
function serviceHealth({ name, health, metrics }: ServiceProbe): ServiceHealth {
  const body = (health?.body ?? {}) as { status?: unknown; details?: unknown };
  const details: Record<string, { status: UpDown }> = {};
  if (body.details && typeof body.details === 'object') {
    for (const [dependency, value] of Object.entries(body.details as Record<string, unknown>)) {
      const status = (value as { status?: unknown } | null)?.status;
      details[dependency] = { status: status === 'up' ? 'up' : 'down' };
    }
  }
  const requests = METRICS.httpRequests.name;
  return {
    name,
    status: health?.ok === true && body.status === 'ok' ? 'up' : 'down',
    details,
    requestsTotal: metrics ? sumOf(metrics, requests) : 0,
    errorsTotal: metrics ? sumOf(metrics, requests, { status_class: '5xx' }) : 0,
  };
}

/** The relay runs in one service (intake) but may run in several: the largest figures are the truth. */
function relayLag(probes: ServiceProbe[]): PlatformHealth['relay'] {
  const largest = (name: string) =>
    Math.max(0, ...probes.flatMap((probe) => (probe.metrics?.samples ?? []).filter((s) => s.name === name).map((s) => finite(s.value))));
  return {
    unpublishedEvents: largest(METRICS.relayUnpublished.name),
    oldestUnpublishedSeconds: largest(METRICS.relayOldestUnpublished.name),
  };
}

/** The service's own group, its lag summed over partitions. */
function consumerLag({ name, metrics }: ServiceProbe): PlatformHealth['consumers'] {
  const byGroup = new Map<string, number>();
  for (const sample of metrics?.samples ?? []) {
    if (sample.name !== METRICS.consumerLag.name || !sample.labels.group) continue;
    byGroup.set(sample.labels.group, (byGroup.get(sample.labels.group) ?? 0) + finite(sample.value));
  }
  return [...byGroup].map(([group, lag]) => ({ service: name, group, lag }));
}

function deadLetters({ name, metrics }: ServiceProbe): PlatformHealth['deadLetters'] {
  return (metrics?.samples ?? [])
    .filter((sample) => sample.name === METRICS.deadLetters.name && sample.labels.topic)
    .map((sample) => ({ service: name, topic: sample.labels.topic, messages: finite(sample.value) }));
}

/** The person's own tenant only: another municipality's figures are not theirs to see. */
function failedNotifications(probes: ServiceProbe[], tenant: string): PlatformHealth['failedNotifications'] {
  return probes
    .flatMap((probe) => probe.metrics?.samples ?? [])
    .filter((sample) => sample.name === METRICS.notificationsFailed.name && sample.labels.tenant === tenant && sample.labels.channel)
    .map((sample) => ({ tenant, channel: sample.labels.channel, count: finite(sample.value) }))
    .sort((a, b) => a.channel.localeCompare(b.channel));
}

/** A figure a page can show: NaN or infinities (never expected here) become 0. */
function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
