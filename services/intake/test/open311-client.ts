import { XMLParser } from 'fast-xml-parser';
import { expectConforms, type Open311SchemaName } from './open311-schema-check';

/**
 * A GeoReport v2 client for the e2e tests: every answer, JSON or XML, is checked against the spec's JSON
 * Schema for what was asked (an XML answer after reading it back into the spec's JSON shape).
 */

export interface Open311Answer<T = unknown> {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
  /** The answer in the spec's JSON shape (an XML answer read back). */
  body: T;
}

const LISTS = ['service', 'attribute', 'value', 'request', 'error', 'endpoint', 'format'];
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) });

type Node = Record<string, unknown>;
const items = (list: unknown, name: string): Node[] => (list && typeof list === 'object' ? (((list as Node)[name] as Node[]) ?? []) : []);
const orNull = (value: unknown) => (value === '' || value === undefined ? null : value);
const nullable = (node: Node): Node => Object.fromEntries(Object.entries(node).map(([k, v]) => [k, orNull(v)]));
const asNumber = (value: unknown) => (value === '' || value === undefined ? null : Number(value));

/** XML read back into the spec's JSON shape: lists unwrapped, booleans and numbers typed, empty elements null. */
function fromXml(schema: Open311SchemaName, text: string): unknown {
  const parsed = xml.parse(text) as Node;
  switch (schema) {
    case 'errors':
      return items(parsed.errors, 'error').map((e) => ({ code: Number(e.code), description: e.description }));
    case 'services':
      return items(parsed.services, 'service').map((s) => ({ ...nullable(s), metadata: s.metadata === 'true' }));
    case 'service-definition': {
      const definition = parsed.service_definition as Node;
      return {
        service_code: definition.service_code,
        attributes: items(definition.attributes, 'attribute').map(({ values, ...a }) => ({
          ...nullable(a),
          variable: a.variable === 'true',
          required: a.required === 'true',
          order: Number(a.order),
          ...(values === undefined ? {} : { values: items(values, 'value') }),
        })),
      };
    }
    case 'created-requests':
      return items(parsed.service_requests, 'request').map(nullable);
    case 'service-requests':
      return items(parsed.service_requests, 'request').map((r) => ({ ...nullable(r), lat: asNumber(r.lat), long: asNumber(r.long) }));
    case 'discovery': {
      const discovery = parsed.discovery as Node;
      return {
        ...discovery,
        endpoints: items(discovery.endpoints, 'endpoint').map((e) => ({ ...e, formats: items(e.formats, 'format') })),
      };
    }
    default: {
      const unhandled: never = schema;
      throw new Error(`no XML reading for ${String(unhandled)}`);
    }
  }
}

/** The schema an answer must conform to, from what was asked and how it went. */
function schemaFor(method: string, path: string, status: number): Open311SchemaName {
  if (status >= 400) return 'errors';
  const resource = path.split('?')[0].replace(/^\/open311\/v2\//, '');
  if (resource.startsWith('discovery.')) return 'discovery';
  if (resource.startsWith('services/')) return 'service-definition';
  if (resource.startsWith('services.')) return 'services';
  if (resource.startsWith('requests')) return method === 'POST' ? 'created-requests' : 'service-requests';
  throw new Error(`no schema for ${method} ${path} answered ${status}`);
}

export class Open311Client {
  /** How many answers were checked against a schema, by schema. */
  readonly checked = new Map<Open311SchemaName, number>();
  /** Every answer's text, to look for what must never be shown. */
  readonly texts: string[] = [];

  constructor(private readonly baseUrl: string) {}

  get<T = unknown>(path: string, query: Record<string, string> = {}): Promise<Open311Answer<T>> {
    const search = new URLSearchParams(query).toString();
    return this.call<T>('GET', `/open311/v2/${path}${search ? `?${search}` : ''}`);
  }

  post<T = unknown>(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Open311Answer<T>> {
    return this.call<T>('POST', `/open311/v2/${path}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  private async call<T>(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<Open311Answer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, { method, ...init });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const schema = schemaFor(method, path, response.status);
    const isXml = path.split('?')[0].endsWith('.xml');
    expectContentType(contentType, isXml, `${method} ${path}`);
    if (isXml && !text.startsWith('<?xml version="1.0" encoding="utf-8"?>'))
      throw new Error(`${method} ${path}: no XML declaration:\n${text}`);
    const body = (isXml ? fromXml(schema, text) : JSON.parse(text)) as T;
    expectConforms(schema, body);
    this.checked.set(schema, (this.checked.get(schema) ?? 0) + 1);
    this.texts.push(text);
    return { status: response.status, contentType, headers: response.headers, text, body };
  }
}

function expectContentType(contentType: string, isXml: boolean, what: string): void {
  const expected = isXml ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';
  if (contentType.toLowerCase() !== expected) throw new Error(`${what}: content type "${contentType}", expected "${expected}"`);
}
