import { parsePrometheusText, sumOf } from './prometheus-text';
import { PlatformMetrics } from './platform-metrics';

describe("reading Prometheus's text format", () => {
  it('reads samples, labels with escapes, special values and timestamps, and the families types', () => {
    const text = [
      '# HELP civic_http_requests_total HTTP requests answered.',
      '# TYPE civic_http_requests_total counter',
      'civic_http_requests_total{route="/tenants/:tenant/cases",method="GET",status_class="2xx",service="intake"} 12',
      'civic_http_requests_total{route="/x",method="POST",status_class="5xx",service="intake"} 2 1700000000000',
      'odd{label="a \\"quoted\\" \\\\ back\\nline", other = "b" ,} 1.5e3',
      'civic_up -Inf',
      'civic_nan NaN',
      'civic_inf{le="+Inf"} +Inf',
      'broken{label=unquoted} 1',
      'no_value{a="b"}',
      '',
    ].join('\n');
    const parsed = parsePrometheusText(text);
    expect(parsed.types).toEqual({ civic_http_requests_total: 'counter' });
    expect(parsed.samples).toHaveLength(6);
    expect(parsed.samples[2]).toEqual({ name: 'odd', labels: { label: 'a "quoted" \\ back\nline', other: 'b' }, value: 1500 });
    expect(parsed.samples[3].value).toBe(-Infinity);
    expect(parsed.samples[4].value).toBeNaN();
    expect(parsed.samples[5]).toEqual({ name: 'civic_inf', labels: { le: '+Inf' }, value: Infinity });
    expect(sumOf(parsed, 'civic_http_requests_total')).toBe(14);
    expect(sumOf(parsed, 'civic_http_requests_total', { status_class: '5xx' })).toBe(2);
    expect(sumOf(parsed, 'missing')).toBe(0);
  });

  it("reads back everything prom-client writes, the service's defaults included", async () => {
    const metrics = new PlatformMetrics('routing');
    metrics.httpRequests.inc({ route: '/a "b"', method: 'GET', status_class: '2xx' }, 3);
    metrics.httpDuration.observe({ route: '/a', method: 'GET', status_class: '2xx' }, 0.02);
    const text = await metrics.text();
    const parsed = parsePrometheusText(text);
    const sampleLines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(parsed.samples).toHaveLength(sampleLines.length);
    expect(parsed.samples.every((sample) => sample.labels.service === 'routing')).toBe(true);
    expect(sumOf(parsed, 'civic_http_requests_total', { route: '/a "b"' })).toBe(3);
    expect(sumOf(parsed, 'civic_http_request_duration_seconds_count')).toBe(1);
    expect(parsed.types.civic_http_request_duration_seconds).toBe('histogram');
  });
});
