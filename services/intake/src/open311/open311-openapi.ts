import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ATTRIBUTE_DATATYPES } from './documents';
import { OPEN311_FORMATS } from './format';

/**
 * The GeoReport v2 answers as OpenAPI schemas, for the served document only (the controller builds the
 * answers from documents.ts). XML has the same fields, wrapped in the spec's elements.
 */

const text = (description?: string): SchemaObject => ({ type: 'string', ...(description ? { description } : {}) });
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const object = (properties: Record<string, SchemaObject>, required: string[] = Object.keys(properties)): SchemaObject => ({
  type: 'object',
  properties,
  required,
});

export const FORMAT_PARAM = {
  name: 'format',
  enum: [...OPEN311_FORMATS],
  description: 'json (application/json) or xml (text/xml), per the spec.',
} as const;

export const JURISDICTION_QUERY = {
  name: 'jurisdiction_id',
  required: true,
  description: 'The municipality, e.g. `peshtera`: required, since this endpoint serves several.',
  example: 'peshtera',
} as const;

export const errorsSchema: SchemaObject = {
  type: 'array',
  description: 'GeoReport v2 errors; as XML `<errors><error><code/><description/></error></errors>`.',
  items: object({ code: { type: 'integer' }, description: text() }),
};

export const discoverySchema: SchemaObject = object({
  changeset: text(),
  contact: text(),
  key_service: text(),
  endpoints: {
    type: 'array',
    items: object({
      specification: text(),
      url: text(),
      changeset: text(),
      type: { type: 'string', enum: ['production', 'test'] },
      formats: { type: 'array', items: text() },
    }),
  },
});

export const servicesSchema: SchemaObject = {
  type: 'array',
  description: "One service per kind × category of the tenant's charter; as XML `<services><service>`.",
  items: object({
    service_code: text('`<kind>.<category>`, e.g. complaint.waste-cleanliness'),
    service_name: text('In Bulgarian.'),
    description: text('In English.'),
    metadata: { type: 'boolean', description: 'true: read services/{service_code} for its attributes.' },
    type: { type: 'string', enum: ['realtime'] },
    keywords: text('Comma-separated.'),
    group: text('The category, in Bulgarian.'),
  }),
};

export const serviceDefinitionSchema: SchemaObject = object({
  service_code: text(),
  attributes: {
    type: 'array',
    items: object(
      {
        variable: { type: 'boolean' },
        code: text('Send as attribute[code]=value.'),
        datatype: { type: 'string', enum: [...ATTRIBUTE_DATATYPES] },
        required: { type: 'boolean' },
        datatype_description: nullable(text()),
        order: { type: 'integer' },
        description: text(),
        values: { type: 'array', items: object({ key: text(), name: text() }) },
      },
      ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
    ),
  },
});

export const createdRequestsSchema: SchemaObject = {
  type: 'array',
  description: 'As XML `<service_requests><request>`.',
  items: object({
    service_request_id: text('The registry number, e.g. PSH-2026-000012.'),
    service_notice: nullable(text()),
    account_id: nullable(text()),
  }),
};

export const serviceRequestsSchema: SchemaObject = {
  type: 'array',
  description: "As XML `<service_requests><request>`. Never the submitter's data: `description` is always null.",
  items: object({
    service_request_id: text('The registry number.'),
    status: { type: 'string', enum: ['open', 'closed'] },
    status_notes: nullable(text('The detail, in Bulgarian.')),
    service_name: text(),
    service_code: text(),
    description: nullable(text()),
    agency_responsible: nullable(text('The unit the case was routed to.')),
    service_notice: nullable(text()),
    requested_datetime: text('When the case was received (w3 format).'),
    updated_datetime: text(),
    expected_datetime: nullable(text("The end of the legal due date, in the tenant's zone.")),
    address: nullable(text()),
    address_id: nullable(text()),
    zipcode: nullable(text()),
    lat: nullable({ type: 'number' }),
    long: nullable({ type: 'number' }),
    media_url: nullable(text()),
  }),
};

export const submitFormSchema: SchemaObject = {
  type: 'object',
  required: ['api_key', 'jurisdiction_id', 'service_code'],
  properties: {
    api_key: text("The client's key for this jurisdiction (OPEN311_API_KEYS)."),
    jurisdiction_id: text('The municipality, e.g. peshtera.'),
    service_code: text('From services.json, e.g. signal.waste-cleanliness.'),
    lat: { type: 'number', description: 'With long; or address_string; or address_id.' },
    long: { type: 'number' },
    address_string: text(),
    address_id: text(),
    email: text(),
    device_id: text('Accepted, not stored.'),
    account_id: text('Echoed in the answer, not stored.'),
    first_name: text(),
    last_name: text(),
    phone: text(),
    description: text('Up to 4000 characters, no HTML.'),
    media_url: text(),
    'attribute[anonymous]': { type: 'string', enum: ['true', 'false'] },
    'attribute[health_safety_threat]': { type: 'string', enum: ['true', 'false'] },
    'attribute[violation_date]': text('YYYY-MM-DD, or a date and time with a zone.'),
    'attribute[language]': { type: 'string', enum: ['bg', 'en'] },
  },
};
