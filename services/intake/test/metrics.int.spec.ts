import { parsePrometheusText, sumOf } from '@civic/platform';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

/** intake's `/metrics` in process: what Prometheus scrapes, parsed the way the console reads it. */
describe("intake's /metrics", () => {
  let intake: IntakeInProcess;

  beforeAll(async () => {
    intake = await startIntakeInProcess();
  });

  afterAll(async () => {
    await intake?.close();
  });

  it('counts requests by route template, never by the URL with its ids and tracking codes', async () => {
    const caseId = '0d3f3a8e-1c7b-4b7e-9a51-5f3c2b9d8e10';
    expect((await fetch(`${intake.url}/tenants/peshtera/cases/${caseId}`)).status).toBe(401);
    await fetch(`${intake.url}/public/peshtera/cases/SECRET-CODE-42`);
    await fetch(`${intake.url}/health`);

    const answer = await fetch(`${intake.url}/metrics`);
    expect(answer.status).toBe(200);
    const text = await answer.text();
    const metrics = parsePrometheusText(text);

    expect(metrics.types).toMatchObject({
      civic_http_requests_total: 'counter',
      civic_http_request_duration_seconds: 'histogram',
      civic_process_cpu_seconds_total: 'counter',
    });
    expect(
      sumOf(metrics, 'civic_http_requests_total', { route: '/tenants/:tenant/cases/:caseId', method: 'GET', status_class: '4xx' }),
    ).toBe(1);
    expect(sumOf(metrics, 'civic_http_requests_total', { route: '/public/:tenant/cases/:trackingCode', method: 'GET' })).toBe(1);
    expect(sumOf(metrics, 'civic_http_request_duration_seconds_count', { route: '/tenants/:tenant/cases/:caseId' })).toBe(1);
    expect(text).not.toContain(caseId);
    expect(text).not.toContain('SECRET-CODE-42');
    expect(metrics.samples.filter((s) => s.labels.route?.startsWith('/health') || s.labels.route?.startsWith('/metrics'))).toEqual([]);
    expect(metrics.samples.every((s) => s.labels.service === 'intake')).toBe(true);
  });

  it('is left out of the OpenAPI document', async () => {
    const document = (await (await fetch(`${intake.url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).not.toContain('/metrics');
    expect(Object.keys(document.paths).length).toBeGreaterThan(5);
  });
});
