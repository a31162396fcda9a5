/** The answers' shapes for the OpenAPI document (plain JSON Schema: the answers are built in code, not DTOs). */
import { CHANNELS, KINDS, NO_PROCEEDINGS_GROUNDS } from '@civic/domain';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CASE_STATUSES } from '../cases/case-query';
import { BACKLOG_AGES, RATINGS } from '../kpis/kpis';
import { REBUILD_STATUSES } from '../rebuild/rebuild-progress';

const integer: SchemaObject = { type: 'integer', minimum: 0 };
const nullableNumber: SchemaObject = { type: 'number', nullable: true };
const counts = (keys: readonly string[]): SchemaObject => ({
  type: 'object',
  properties: Object.fromEntries(keys.map((key) => [key, integer])),
});

export const KPIS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    received: integer,
    answered: { ...integer, description: 'Answered at least once; the first answer is the one measured.' },
    answeredOnTime: integer,
    answeredWithTerm: { ...integer, description: 'First answers to kinds with a legal term: the base of the on-time rate.' },
    onTimeRate: { ...nullableNumber, description: 'Percent, one decimal.' },
    daysToAnswer: {
      type: 'object',
      description: 'Calendar days from receipt to the first answer: median, and 90th percentile by nearest rank.',
      properties: { median: nullableNumber, p90: nullableNumber },
    },
    backlog: {
      type: 'object',
      description: 'Cases still open now, by calendar days since receipt.',
      properties: { open: integer, overdue: integer, byAge: counts(BACKLOG_AGES.map((age) => age.bucket)) },
    },
    breaches: { ...integer, description: 'DeadlineBreached events.' },
    escalations: { ...integer, description: "CaseEscalated events: a term in danger handed to the tenant's escalation role." },
    extensions: { ...integer, description: 'DeadlineExtended events.' },
    redirects: { ...integer, description: 'Cases sent on to the competent authority.' },
    noProceedings: { type: 'object', properties: { total: integer, byGround: counts(NO_PROCEEDINGS_GROUNDS) } },
    satisfaction: {
      type: 'object',
      properties: {
        ratings: integer,
        average: { ...nullableNumber, description: 'Two decimals.' },
        distribution: counts(RATINGS),
        recommendations: { ...integer, description: 'Ratings that came with a recommendation (counted; the text is personal data).' },
      },
    },
  },
};

export const KPI_ANSWER_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    tenant: { type: 'string' },
    asOf: { type: 'string', format: 'date', description: "The tenant's date the backlog is counted on." },
    from: { type: 'string', format: 'date', nullable: true },
    to: { type: 'string', format: 'date', nullable: true },
    by: { type: 'string', nullable: true },
    total: KPIS_SCHEMA,
    groups: {
      type: 'array',
      description: 'Per value of `by` (months without gaps: the trend series); empty without `by`.',
      items: { type: 'object', properties: { key: { type: 'string', nullable: true }, kpis: KPIS_SCHEMA } },
    },
  },
};

export const CASE_LIST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    tenant: { type: 'string' },
    asOf: { type: 'string', format: 'date' },
    page: integer,
    pageSize: integer,
    total: integer,
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          caseId: { type: 'string', format: 'uuid' },
          registryNumber: { type: 'string' },
          kind: { type: 'string', enum: [...KINDS] },
          channel: { type: 'string', enum: [...CHANNELS] },
          category: { type: 'string', nullable: true },
          status: { type: 'string', enum: [...CASE_STATUSES] },
          unit: { type: 'string', nullable: true },
          officerId: { type: 'string', nullable: true },
          urgent: { type: 'boolean' },
          receivedAt: { type: 'string', format: 'date-time' },
          dueDate: { type: 'string', format: 'date', nullable: true },
          overdue: { type: 'boolean' },
          answeredAt: { type: 'string', format: 'date-time', nullable: true },
          onTime: { type: 'boolean', nullable: true },
          extensions: integer,
          breaches: integer,
        },
      },
    },
  },
};

export const REBUILD_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: [...REBUILD_STATUSES] },
    applied: integer,
    total: { type: 'integer', nullable: true, description: 'Null while counting; grows with events appended during the rebuild.' },
    percentage: nullableNumber,
    ratePerSecond: nullableNumber,
    elapsedMs: integer,
    requestedBy: { type: 'string' },
    startedAt: { type: 'string', format: 'date-time' },
    switchedAt: { type: 'string', format: 'date-time', nullable: true },
    generation: { type: 'string' },
    previousGeneration: { type: 'string', nullable: true },
    error: { type: 'string', nullable: true },
  },
};
