import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocument } from '../http/openapi';
import { Open311Controller } from './open311.controller';
import { GeoReportService } from './georeport.service';

// The served OpenAPI document describes every GeoReport v2 method: its arguments, formats and answers.
describe("Open311's OpenAPI description", () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [Open311Controller],
      // Only the routes' metadata is read: the use cases are never called.
      providers: [{ provide: GeoReportService, useValue: {} }],
    }).compile();
    app = module.createNestApplication({ logger: false });
    await app.init();
    document = openApiDocument(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const operation = (path: string, method: 'get' | 'post') => {
    const found = document.paths[path]?.[method];
    if (!found) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
    return found;
  };

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
    const form = (submit.requestBody as { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> }).content[
      'application/x-www-form-urlencoded'
    ];
    expect(form.schema.required).toEqual(['api_key', 'jurisdiction_id', 'service_code']);
    expect(Object.keys(form.schema.properties)).toEqual(expect.arrayContaining(['lat', 'long', 'address_string', 'address_id', 'email', 'media_url', 'attribute[anonymous]']));
    expect(submit.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]));
    expect(Object.keys(submit.responses).sort()).toEqual(['200', '400', '403', '404']);
    expect(Object.keys((submit.responses['200'] as { content: object }).content).sort()).toEqual(['application/json', 'text/xml']);
  });

  it("documents GET requests' filters and jurisdiction_id as required", () => {
    const list = operation('/open311/v2/requests.{format}', 'get');
    const names = (list.parameters ?? []).map((p) => ('name' in p ? p.name : ''));
    expect(names).toEqual(expect.arrayContaining(['format', 'jurisdiction_id', 'service_request_id', 'service_code', 'start_date', 'end_date', 'status']));
    expect(list.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'jurisdiction_id', required: true })]));
    expect(Object.keys(operation('/open311/v2/requests/{file}', 'get').responses).sort()).toEqual(['200', '400', '404']);
  });
});
