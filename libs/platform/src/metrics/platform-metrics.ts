import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { HTTP_DURATION_BUCKETS, METRIC_PREFIX, METRICS, type MetricKey } from './definitions';

/** One sample of a gauge: its labels (as named in the definition) and its value. */
export interface Sample {
  labels: Record<string, string | number>;
  value: number;
}

/**
 * The process's metrics: a registry of its own (not prom-client's global one, so two apps in one test process
 * never mix), Node's default figures prefixed `civic_`, every series labelled with the service, and the HTTP
 * request figures. Services add their own gauges from `METRICS` with `gauge()`.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<string>;
  readonly httpDuration: Histogram<string>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.httpRequests = new Counter({
      ...METRICS.httpRequests,
      labelNames: [...METRICS.httpRequests.labelNames],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      ...METRICS.httpDuration,
      labelNames: [...METRICS.httpDuration.labelNames],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /**
   * A gauge read at scrape time: `read` gives every sample (undefined: nothing known yet, no series). Series
   * are replaced at each scrape, so a label set that disappears (a tenant without failures) stops being reported.
   */
  gauge(key: MetricKey, read: () => Promise<Sample[] | undefined>): void {
    const definition = METRICS[key];
    new Gauge({
      name: definition.name,
      help: definition.help,
      labelNames: [...definition.labelNames],
      registers: [this.registry],
      async collect() {
        const samples = await read();
        this.reset();
        for (const { labels, value } of samples ?? []) this.set(labels, value);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
