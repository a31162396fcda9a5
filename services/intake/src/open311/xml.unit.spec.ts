import { XMLParser } from 'fast-xml-parser';
import { seedTenant } from '../../test/seed-tenants';
import type { Open311ServiceRequest } from './documents';
import { formatOfPath, splitFormat } from './format';
import { render } from './render';
import { findService, serviceDefinition, servicesOf } from './services';

const peshtera = seedTenant('peshtera');
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'attribute', 'value', 'request', 'error', 'endpoint', 'format'].includes(name),
});

const request: Open311ServiceRequest = {
  service_request_id: 'PSH-2026-000012',
  status: 'open',
  status_notes: 'Насочена към звено („Екология & отпадъци“).',
  service_name: 'Сигнал: Отпадъци и чистота',
  service_code: 'signal.waste-cleanliness',
  description: null,
  agency_responsible: 'Екология и управление на отпадъците',
  service_notice: null,
  requested_datetime: '2026-03-02T07:15:00Z',
  updated_datetime: '2026-03-02T07:19:00Z',
  expected_datetime: '2026-04-01T23:59:59+03:00',
  address: 'ул. <Дунав> 3',
  address_id: null,
  zipcode: null,
  lat: 42.0345,
  long: 24.2989,
  media_url: null,
};

describe('GeoReport v2 documents as XML and JSON', () => {
  it('starts XML with the declaration and sets the content types the spec gives', () => {
    const xml = render({ kind: 'errors', body: [{ code: 403, description: 'api_key was not provided' }] }, 'xml');
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<errors>')).toBe(true);
    expect(render({ kind: 'errors', body: [] }, 'json')).toEqual({ contentType: 'application/json; charset=utf-8', body: '[]' });
  });

  it('lists services as <services><service> with every field, and JSON as a top-level array', () => {
    const services = servicesOf(peshtera);
    const parsed = parser.parse(render({ kind: 'services', body: services }, 'xml').body);
    expect(parsed.services.service).toHaveLength(services.length);
    expect(parsed.services.service[0]).toEqual({ ...services[0], metadata: String(services[0].metadata) });
    expect(JSON.parse(render({ kind: 'services', body: services }, 'json').body)).toEqual(services);
  });

  it('defines a service as <service_definition><attributes><attribute>…<values><value>', () => {
    const found = findService(peshtera, 'signal.waste-cleanliness');
    if (!found) throw new Error('no signal.waste-cleanliness');
    const definition = serviceDefinition(found);
    const parsed = parser.parse(render({ kind: 'service-definition', body: definition }, 'xml').body);
    const attributes = parsed.service_definition.attributes.attribute;
    expect(parsed.service_definition.service_code).toBe('signal.waste-cleanliness');
    expect(attributes.map((a: { code: string }) => a.code)).toEqual(['anonymous', 'health_safety_threat', 'violation_date', 'language']);
    expect(attributes[0]).toMatchObject({
      variable: 'true',
      datatype: 'singlevaluelist',
      required: 'false',
      order: '1',
      datatype_description: '',
    });
    expect(attributes[0].values.value).toEqual([
      { key: 'true', name: 'Да' },
      { key: 'false', name: 'Не' },
    ]);
    expect(attributes[2].values).toBeUndefined();
  });

  it('answers requests as <service_requests><request>, null as an empty element, text escaped', () => {
    const xml = render({ kind: 'service-requests', body: [request] }, 'xml').body;
    expect(xml).toContain('<description/>');
    expect(xml).toContain('ул. &lt;Дунав&gt; 3');
    const [parsed] = parser.parse(xml).service_requests.request;
    expect(parsed).toMatchObject({
      service_request_id: 'PSH-2026-000012',
      status: 'open',
      description: '',
      lat: '42.0345',
      address: 'ул. <Дунав> 3',
    });
    expect(parsed.status_notes).toBe(request.status_notes);
    const created = parser.parse(
      render(
        { kind: 'created-requests', body: [{ service_request_id: 'PSH-2026-000013', service_notice: 'Регистрирано.', account_id: null }] },
        'xml',
      ).body,
    );
    expect(created.service_requests.request).toEqual([
      { service_request_id: 'PSH-2026-000013', service_notice: 'Регистрирано.', account_id: '' },
    ]);
  });

  it('writes discovery with its endpoints and formats, and errors as <errors><error>', () => {
    const discovery = parser.parse(
      render(
        {
          kind: 'discovery',
          body: {
            changeset: '2026-03-02T10:00:00Z',
            contact: 'c',
            key_service: 'k',
            endpoints: [
              {
                specification: 'http://wiki.open311.org/GeoReport_v2',
                url: 'http://x/open311/v2',
                changeset: '2026-03-02T10:00:00Z',
                type: 'production',
                formats: ['text/xml', 'application/json'],
              },
            ],
          },
        },
        'xml',
      ).body,
    );
    expect(discovery.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    const errors = parser.parse(
      render(
        {
          kind: 'errors',
          body: [
            { code: 400, description: 'service_code: is required' },
            { code: 400, description: 'location: is required' },
          ],
        },
        'xml',
      ).body,
    );
    expect(errors.errors.error).toEqual([
      { code: '400', description: 'service_code: is required' },
      { code: '400', description: 'location: is required' },
    ]);
  });

  it('reads the format from the last dot, since service codes hold dots', () => {
    expect(splitFormat('complaint.waste-cleanliness.xml')).toEqual({ name: 'complaint.waste-cleanliness', format: 'xml' });
    expect(splitFormat('PSH-2026-000012.JSON')).toEqual({ name: 'PSH-2026-000012', format: 'json' });
    expect(splitFormat('PSH-2026-000012.yaml')).toBeUndefined();
    expect(splitFormat('.json')).toBeUndefined();
    expect(formatOfPath('/open311/v2/requests.xml?jurisdiction_id=x')).toBe('xml');
    expect(formatOfPath('/open311/v2/nothing')).toBe('json');
  });
});
