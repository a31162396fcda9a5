import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCompose, WORKSPACE_ROOT } from '@civic/testing';
import { parse } from 'yaml';
import { platformMetricNames } from './definitions';
import { PlatformMetrics } from './platform-metrics';

const compose = readCompose();
const read = (path: string) => readFileSync(join(WORKSPACE_ROOT, path), 'utf8');

/** The platform's processes in docker-compose.yml: built from the shared Dockerfile, one per SERVICE. */
const platformProcesses = Object.entries(compose.services)
  .filter(([, definition]) => definition.build?.dockerfile === 'infra/docker/Dockerfile')
  .map(([name, definition]) => ({ name, definition }));

describe("Prometheus's configuration (infra/prometheus/prometheus.yml)", () => {
  const config = parse(read('infra/prometheus/prometheus.yml')) as {
    scrape_configs: { job_name: string; metrics_path?: string; static_configs: { targets: string[] }[] }[];
  };

  it('scrapes /metrics of every service, of the console and of the portal that docker-compose.yml runs, where each listens', () => {
    expect(platformProcesses.map((p) => p.name).sort()).toEqual(
      ['analytics', 'console', 'deadline-watch', 'intake', 'notification', 'portal', 'routing'].sort(),
    );
    for (const { name, definition } of platformProcesses) {
      const job = config.scrape_configs.find((entry) => entry.job_name === name);
      expect(job?.metrics_path ?? '/metrics').toBe('/metrics');
      // A process sharing another's network namespace is reached by that one's name.
      const host = definition.network_mode?.replace(/^service:/, '') ?? name;
      const environment = definition.environment as Record<string, string>;
      expect(job?.static_configs.flatMap((entry) => entry.targets)).toEqual([`${host}:${environment.HTTP_PORT}`]);
    }
  });
});

describe("Grafana's dashboard (infra/grafana/dashboards)", () => {
  const dashboard = JSON.parse(read('infra/grafana/dashboards/civic-platform.json')) as {
    uid: string;
    panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[];
  };
  const datasources = parse(read('infra/grafana/provisioning/datasources/prometheus.yml')) as {
    datasources: { uid: string; url: string }[];
  };

  it('reads the provisioned Prometheus, the one docker-compose.yml runs', () => {
    expect(datasources.datasources).toEqual([expect.objectContaining({ uid: 'prometheus', url: 'http://prometheus:9090' })]);
    expect(new Set(dashboard.panels.map((panel) => panel.datasource.uid))).toEqual(new Set(['prometheus']));
  });

  it('uses only metric names the services register (and Prometheus its own `up`)', async () => {
    const defaults = new PlatformMetrics('probe');
    const registered = new Set([
      ...platformMetricNames(),
      ...(await defaults.registry.getMetricsAsJSON()).flatMap((metric) =>
        String(metric.type) === 'histogram'
          ? [metric.name, `${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`]
          : [metric.name],
      ),
      'up',
    ]);
    const expressions = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    expect(expressions.length).toBeGreaterThanOrEqual(10);
    for (const expr of expressions) {
      const used = [...expr.matchAll(/\b(civic_[a-z0-9_]+|up)\b/g)].map((m) => m[1]);
      expect({ expr, used: used.length > 0 }).toEqual({ expr, used: true });
      for (const name of used) expect({ expr, name, registered: registered.has(name) }).toEqual({ expr, name, registered: true });
    }
  });

  it('shows the figures of the ops view: requests, errors, relay lag, consumer lag, dead letters, failed notifications', () => {
    const all = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)).join('\n');
    for (const name of [
      'civic_http_requests_total',
      'civic_relay_unpublished_events',
      'civic_relay_oldest_unpublished_seconds',
      'civic_kafka_consumer_lag_messages',
      'civic_dead_letter_messages',
      'civic_notifications_failed',
    ]) {
      expect(all).toContain(name);
    }
    expect(all).toContain('status_class="5xx"');
  });
});
