import { InvalidCloudEventError } from '../errors';

/**
 * A CloudEvent (https://github.com/cloudevents/spec, v1.0) with the spec's attribute names. Extensions are kept
 * apart from the context attributes here for typing; on the wire they sit beside them (as `ce_<name>` headers).
 */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';

export type ExtensionValue = string | number | boolean;

export interface CloudEvent<D = unknown> {
  specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  id: string;
  /** A URI-reference naming the context the event happened in; `source` + `id` is unique. */
  source: string;
  type: string;
  subject?: string;
  /** RFC 3339. */
  time?: string;
  datacontenttype?: string;
  data?: D;
  extensions: Record<string, ExtensionValue>;
}

/** Context attributes the spec defines; an extension may not reuse these names. */
export const CONTEXT_ATTRIBUTES = [
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'dataschema',
  'data',
] as const;

/** The spec: extension names are lower-case ASCII letters and digits only (and should be at most 20 long). */
const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;

export function isExtensionName(name: string): boolean {
  return EXTENSION_NAME.test(name) && !(CONTEXT_ATTRIBUTES as readonly string[]).includes(name);
}

export function validateCloudEvent(event: CloudEvent): void {
  if (event.specversion !== CLOUDEVENTS_SPEC_VERSION) throw new InvalidCloudEventError(`specversion must be ${CLOUDEVENTS_SPEC_VERSION}`);
  for (const attribute of ['id', 'source', 'type'] as const) {
    if (typeof event[attribute] !== 'string' || event[attribute].length === 0) {
      throw new InvalidCloudEventError(`${attribute} must be a non-empty string`);
    }
  }
  if (event.time !== undefined && Number.isNaN(Date.parse(event.time)))
    throw new InvalidCloudEventError(`time "${event.time}" is not RFC 3339`);
  for (const name of Object.keys(event.extensions)) {
    if (!isExtensionName(name)) throw new InvalidCloudEventError(`extension name "${name}" must be 1-20 lower-case letters or digits`);
  }
}

/** JSON data (`application/json`, `text/json`, or any `+json` suffix), the only kind this platform carries. */
export function isJsonContentType(contentType: string): boolean {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || mediaType === 'text/json' || mediaType.endsWith('+json');
}
