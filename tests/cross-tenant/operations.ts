import type { Service } from './platform';

type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  service: Service;
  method: string;
  /** The path template, e.g. `/tenants/{tenant}/cases/{caseId}`. */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: Schema;
  /** Callable without a token (no security requirement in the document). */
  public: boolean;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] }>
  >;
  components?: Record<string, unknown>;
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Every operation of a service's OpenAPI document. */
export function operationsOf(service: Service, document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({
        service,
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        ...(operation.requestBody?.content?.['application/json']?.schema
          ? { body: operation.requestBody.content['application/json'].schema }
          : {}),
        public: !operation.security?.length,
      })),
  );
}

export const pathParameters = (operation: Operation) =>
  operation.parameters.filter((parameter) => parameter.in === 'path').map((p) => p.name);

export const describeOperation = (operation: Operation) => `${operation.service} ${operation.method} ${operation.path}`;

/**
 * The path parameters that name something a tenant holds: with another tenant's value, they must find nothing.
 * Not `userId`: a staff contact is the tenant's own entry under whatever id its admin gives (the identity
 * provider's subject, opaque to the platform); an entry under A names nothing of B's.
 */
const ID_PARAMETERS = new Set(['caseId', 'attachmentId', 'registryNumber', 'trackingCode', 'notificationId', 'requestId']);

/** The operation's path parameters that take a tenant's id (Open311's single request names it in `{file}`). */
export const idParametersOf = (operation: Operation) =>
  pathParameters(operation).filter(
    (name) => ID_PARAMETERS.has(name) || (name === 'file' && operation.path === '/open311/v2/requests/{file}'),
  );
