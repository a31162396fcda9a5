import { randomUUID } from 'node:crypto';
import { sample } from 'openapi-sampler';
import type { OpenApiDocument, Operation, Parameter } from './operations';
import { TEST_YEAR, type TenantData } from './tenant-data';

/** A request to send: the operation's path filled in, with a body and headers a handler would accept in form. */
export interface Probe {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Filling {
  /** The tenant named in the path (and as Open311's jurisdiction). */
  tenant: string;
  /** Whose ids fill the other parameters. */
  ids: TenantData;
  token?: string;
  /** The caller's Open311 API key, for Open311's writes. */
  apiKey?: string;
}

/** Path parameters that name no tenant's data (a format, a year, a template, a platform job). */
function neutral(parameter: Parameter, operation: Operation): string {
  const enumerated = (parameter.schema?.enum as string[] | undefined)?.[0];
  if (enumerated) return enumerated;
  switch (parameter.name) {
    case 'year':
      return TEST_YEAR;
    case 'id':
      return randomUUID();
    // A charter's version number, an Open311 key's id: a municipality's own, named by the path's tenant too.
    case 'version':
      return '1';
    case 'keyId':
      return '0123456789ab';
    case 'file':
      return operation.path.endsWith('/reports/{file}') ? `${TEST_YEAR}.pdf` : `${randomUUID()}.json`;
    default:
      throw new Error(
        `${operation.method} ${operation.path}: no value known for path parameter "${parameter.name}"; add it to requests.ts`,
      );
  }
}

function pathValue(parameter: Parameter, operation: Operation, filling: Filling): string {
  const { ids } = filling;
  switch (parameter.name) {
    // The platform operator's routes name a municipality by its slug.
    case 'tenant':
    case 'slug':
      return filling.tenant;
    case 'caseId':
      return ids.caseId;
    case 'attachmentId':
      return ids.attachmentId;
    case 'registryNumber':
      return ids.registryNumber;
    case 'trackingCode':
      return ids.trackingCode;
    case 'notificationId':
      return ids.notificationId;
    case 'userId':
      return ids.userId;
    case 'requestId':
      return ids.requestId;
    case 'file':
      // Open311's single request: `{service_request_id}.json`.
      if (operation.path === '/open311/v2/requests/{file}') return `${ids.open311RequestId}.json`;
      return neutral(parameter, operation);
    default:
      return neutral(parameter, operation);
  }
}

function queryValue(parameter: Parameter, filling: Filling): string | undefined {
  if (parameter.name === 'jurisdiction_id') return filling.tenant;
  if (parameter.name === 'api_key') return filling.apiKey;
  if (!parameter.required) return undefined;
  if (parameter.name === 'from') return `${TEST_YEAR}-01-01T00:00:00.000Z`;
  if (parameter.name === 'to') return `${TEST_YEAR}-12-31T00:00:00.000Z`;
  const enumerated = (parameter.schema?.enum as string[] | undefined)?.[0];
  return enumerated ?? String(parameter.schema?.example ?? 'x');
}

/** The request for `operation` as `filling` says; the body is a sample of its schema. */
export function probe(baseUrl: string, document: OpenApiDocument, operation: Operation, filling: Filling): Probe {
  let path = operation.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(pathValue(parameter, operation, filling)));
    if (parameter.in === 'query') {
      const value = queryValue(parameter, filling);
      if (value !== undefined) query.set(parameter.name, value);
    }
    if (parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key') headers['idempotency-key'] = randomUUID();
  }
  if (filling.token) headers.authorization = `Bearer ${filling.token}`;
  const search = query.size ? `?${query}` : '';
  if (!operation.body) return { method: operation.method, url: `${baseUrl}${path}${search}`, headers };
  headers['content-type'] = 'application/json';
  const body = JSON.stringify(sample(operation.body, { skipReadOnly: true }, document));
  return { method: operation.method, url: `${baseUrl}${path}${search}`, headers, body };
}

export interface Outcome {
  status: number;
  text: string;
}

export async function send(request: Probe): Promise<Outcome> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
  return { status: response.status, text: await response.text() };
}
