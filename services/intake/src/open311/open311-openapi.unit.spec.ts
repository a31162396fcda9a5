import type { OpenAPIObject } from '@nestjs/swagger';
import { ThrottlerModule } from '@nestjs/throttler';
import { documentedApi, type DocumentedApi } from '../../test/openapi-document';
import { Open311Controller } from './open311.controller';
import { GeoReportService } from './georeport.service';

// The served OpenAPI document describes every GeoReport v2 method: its arguments, formats and answers.
describe("Open311's OpenAPI description", () => {
  let api: DocumentedApi;
  let document: OpenAPIObject;

  beforeAll(async () => {
    api = await documentedApi({
      imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 10 }])],
      controllers: [Open311Controller],
      providers: [{ provide: GeoReportService, useValue: {} }],
    });
    document = api.document;
  });

  afterAll(async () => {
    await api?.close();
  });

  const operation = (path: string, method: 'get' | 'post') => api.operation(path, method);

  it('lists every GeoReport v2 method, and not the catch-all', () => {
    expect(Object.keys(document.paths).sort()).toEqual([
      '/open311/v2/discovery.{format}',
      '/open311/v2/requests.{format}',
      '/open311/v2/requests/{file}',
      '/open311/v2/services.{format}',
      '/open311/v2/services/{file}',
      '/open311/v2/tokens/{file}',
    ]);
    expect(Object.keys(document.paths['/open311/v2/requests.{format}'] ?? {}).sort()).toEqual(['get', 'post']);
  });

  it('describes POST requests as a form with the api_key, the Idempotency-Key header, and the statuses the spec gives', () => {
    const submit = operation('/open311/v2/requests.{format}', 'post');
    const form = (
      submit.requestBody as { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> }
    ).content['application/x-www-form-urlencoded'];
    expect(form.schema.required).toEqual(['api_key', 'jurisdiction_id', 'service_code']);
    expect(Object.keys(form.schema.properties)).toEqual(
      expect.arrayContaining(['lat', 'long', 'address_string', 'address_id', 'email', 'media_url', 'attribute[anonymous]']),
    );
    expect(submit.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]),
    );
    expect(Object.keys(submit.responses).sort()).toEqual(['200', '400', '403', '404', '429']);
    expect(Object.keys((submit.responses['200'] as { content: object }).content).sort()).toEqual(['application/json', 'text/xml']);
  });

  it("documents GET requests' filters and jurisdiction_id as required", () => {
    const list = operation('/open311/v2/requests.{format}', 'get');
    const names = (list.parameters ?? []).map((p) => ('name' in p ? p.name : ''));
    expect(names).toEqual(
      expect.arrayContaining(['format', 'jurisdiction_id', 'service_request_id', 'service_code', 'start_date', 'end_date', 'status']),
    );
    expect(list.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'jurisdiction_id', required: true })]));
    expect(Object.keys(operation('/open311/v2/requests/{file}', 'get').responses).sort()).toEqual(['200', '400', '404', '429']);
  });

  it('documents the rate limit (429) on every GET, and on POST requests only the limit on wrong keys', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      if (methods.get) expect([path, Object.keys(methods.get.responses)]).toEqual([path, expect.arrayContaining(['429'])]);
    }
    const post = operation('/open311/v2/requests.{format}', 'post').responses as Record<string, { description: string }>;
    expect(post['429'].description).toMatch(/wrong api_key/);
  });
});
