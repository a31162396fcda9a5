import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiHeader, ApiPreconditionFailedResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ErrorBodyDto } from '../http/openapi-models';

const CHARTER: SchemaObject = {
  type: 'object',
  additionalProperties: true,
  description:
    "The municipality's charter data, by the schema of the tenant files shipped with the platform (libs/domain/tenants/*.json): slug, name, address, contacts, opening hours, channels, registry prefix, departments, categories, deadlines, local holidays and the rest. Every problem is answered at once, by its path under `charter`.",
} as const;
const REASON: SchemaObject = {
  type: 'string',
  minLength: 1,
  maxLength: 1000,
  description: 'Why, for the record (e.g. the council decision).',
} as const;

export const REGISTRATION_BODY = ApiBody({
  schema: {
    type: 'object',
    required: ['charter', 'reason'],
    additionalProperties: false,
    properties: { charter: CHARTER, reason: REASON },
  },
});

export const REVISION_BODY = ApiBody({
  schema: {
    type: 'object',
    required: ['charter', 'effectiveFrom', 'reason'],
    additionalProperties: false,
    properties: {
      charter: CHARTER,
      effectiveFrom: {
        type: 'string',
        format: 'date',
        description: 'The first day (local) the version applies to what is received: tomorrow at the earliest.',
      },
      reason: REASON,
    },
  },
});

const VERSION_FIELDS = ['version', 'effectiveFrom', 'reason', 'recordedAt', 'recordedBy', 'inForce'];
const VERSION_PROPERTIES: Record<string, SchemaObject> = {
  version: { type: 'integer', minimum: 1 },
  effectiveFrom: { type: 'string', format: 'date' },
  reason: { type: 'string', nullable: true },
  recordedAt: { type: 'string', format: 'date-time', nullable: true },
  recordedBy: { type: 'string', nullable: true, description: 'The user id of who recorded it.' },
  inForce: { type: 'boolean', description: 'Applies today.' },
};

export const VERSION_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['tenant', ...VERSION_FIELDS],
  properties: { tenant: { type: 'string' }, ...VERSION_PROPERTIES },
};

export const RECORD_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['tenant', 'versions', 'charter'],
  properties: {
    tenant: { type: 'string' },
    versions: { type: 'array', items: { type: 'object', required: VERSION_FIELDS, properties: VERSION_PROPERTIES } },
    charter: { ...CHARTER, description: 'The version in force today.' },
  },
};

export const REVISION_ANSWERS = applyDecorators(
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The latest version as its ETag (e.g. "2"), as the record answered: refused with 412 if a version was recorded since.',
  }),
  ApiBadRequestResponse({
    type: ErrorBodyDto,
    description:
      'Each bad field by its path (charter.…); an effective date before tomorrow or before the latest version; a changed slug or registry prefix.',
  }),
  ApiConflictResponse({ type: ErrorBodyDto, description: 'The registry prefix is another municipality’s.' }),
  ApiPreconditionFailedResponse({ type: ErrorBodyDto, description: 'A version was recorded since the one named in If-Match.' }),
);

const LOCALIZED: SchemaObject = { type: 'object', required: ['bg', 'en'], properties: { bg: { type: 'string' }, en: { type: 'string' } } };

export const READINESS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['tenant', 'ready', 'items'],
  properties: {
    tenant: { type: 'string' },
    ready: { type: 'boolean', description: 'No blocking item is open.' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'ok', 'blocking', 'title', 'detail'],
        properties: {
          id: { type: 'string', enum: ['officers', 'opening-hours', 'contacts', 'defaults-to-check', 'open311-clients'] },
          ok: { type: 'boolean' },
          blocking: { type: 'boolean' },
          title: LOCALIZED,
          detail: LOCALIZED,
        },
      },
    },
  },
};

export const TENANT_LIST_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['tenants'],
  properties: {
    tenants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tenant', 'name', 'registryPrefix', 'version', 'latestVersion'],
        properties: {
          tenant: { type: 'string' },
          name: LOCALIZED,
          registryPrefix: { type: 'string' },
          version: { type: 'integer', description: 'The version in force today.' },
          latestVersion: { type: 'integer', description: 'The latest recorded (later than `version` while one waits for its day).' },
        },
      },
    },
  },
};
