import { InvalidCloudEventError, MalformedMessageError } from '../errors';
import {
  CLOUDEVENTS_SPEC_VERSION,
  CONTEXT_ATTRIBUTES,
  type CloudEvent,
  type ExtensionValue,
  isJsonContentType,
  validateCloudEvent,
} from './cloud-event';
import { headerText, type IncomingKafkaMessage, type OutgoingKafkaMessage } from './kafka-message';

/**
 * The CloudEvents Kafka protocol binding (spec `kafka-protocol-binding.md`).
 *
 * We WRITE binary content mode: the value is the event data alone (JSON), each attribute is a `ce_<name>`
 * header, and `datacontenttype` is the `content-type` header. So the value is the stored event data byte for
 * byte (Nest's `@Payload()` is the data), headers stay small strings, and no envelope is parsed twice.
 * We READ both modes: binary, and structured (`content-type: application/cloudevents+json`, whole event as JSON).
 */
export const HEADER_PREFIX = 'ce_';
export const CONTENT_TYPE_HEADER = 'content-type';
export const JSON_CONTENT_TYPE = 'application/json';
const STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json';

/** Binary mode. `key` is the Kafka key (the case id on `case-events`, so each case keeps its order). */
export function toKafkaBinary(event: CloudEvent, key: string | null): OutgoingKafkaMessage {
  validateCloudEvent(event);
  const headers: Record<string, string> = {
    [`${HEADER_PREFIX}specversion`]: event.specversion,
    [`${HEADER_PREFIX}id`]: event.id,
    [`${HEADER_PREFIX}source`]: event.source,
    [`${HEADER_PREFIX}type`]: event.type,
  };
  if (event.subject !== undefined) headers[`${HEADER_PREFIX}subject`] = event.subject;
  if (event.time !== undefined) headers[`${HEADER_PREFIX}time`] = event.time;
  for (const [name, value] of Object.entries(event.extensions)) headers[`${HEADER_PREFIX}${name}`] = String(value);
  const contentType = event.datacontenttype ?? JSON_CONTENT_TYPE;
  headers[CONTENT_TYPE_HEADER] = contentType;
  if (!isJsonContentType(contentType)) throw new InvalidCloudEventError(`only JSON data is carried, not ${contentType}`);
  return { key, value: event.data === undefined ? null : JSON.stringify(event.data), headers };
}

/**
 * Reads a CloudEvent from a Kafka message in either content mode. Extension values arrive as strings (the binary
 * mode carries no types). Throws `MalformedMessageError` naming what is wrong.
 */
export function fromKafkaMessage(message: IncomingKafkaMessage): CloudEvent {
  const headers = message.headers ?? {};
  const contentType = headerText(headers[CONTENT_TYPE_HEADER]);
  if (contentType?.split(';')[0].trim().toLowerCase() === STRUCTURED_CONTENT_TYPE) return fromStructured(message.value);
  if (headerText(headers[`${HEADER_PREFIX}specversion`]) === undefined) {
    throw new MalformedMessageError(`no ${HEADER_PREFIX}specversion header and not ${STRUCTURED_CONTENT_TYPE}: not a CloudEvent`);
  }
  const attributes: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    if (!name.toLowerCase().startsWith(HEADER_PREFIX)) continue;
    const text = headerText(headers[name]);
    if (text !== undefined) attributes[name.slice(HEADER_PREFIX.length).toLowerCase()] = text;
  }
  if (contentType !== undefined && !isJsonContentType(contentType))
    throw new MalformedMessageError(`unsupported content-type ${contentType}`);
  const { specversion, id, source, type, subject, time, ...extensions } = attributes;
  delete extensions['datacontenttype'];
  return checked({
    specversion: specversion as typeof CLOUDEVENTS_SPEC_VERSION,
    id,
    source,
    type,
    subject,
    time,
    datacontenttype: contentType ?? JSON_CONTENT_TYPE,
    data: parseData(message.value),
    extensions,
  });
}

function fromStructured(value: IncomingKafkaMessage['value']): CloudEvent {
  const parsed = parseData(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new MalformedMessageError('structured event is not a JSON object');
  const { specversion, id, source, type, subject, time, datacontenttype, data, ...rest } = parsed as Record<string, unknown>;
  const extensions: Record<string, ExtensionValue> = {};
  for (const [name, value] of Object.entries(rest)) {
    if ((CONTEXT_ATTRIBUTES as readonly string[]).includes(name)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') extensions[name] = value;
  }
  return checked({
    specversion: specversion as typeof CLOUDEVENTS_SPEC_VERSION,
    id: id as string,
    source: source as string,
    type: type as string,
    subject: optionalString(subject, 'subject'),
    time: optionalString(time, 'time'),
    datacontenttype: optionalString(datacontenttype, 'datacontenttype'),
    data,
    extensions,
  });
}

function checked(event: CloudEvent): CloudEvent {
  try {
    validateCloudEvent(event);
  } catch (error) {
    throw new MalformedMessageError((error as Error).message);
  }
  if (event.subject === undefined) delete event.subject;
  if (event.time === undefined) delete event.time;
  return event;
}

/** JSON from bytes or text; an object means Nest already parsed it. An empty value is an event without data. */
function parseData(value: IncomingKafkaMessage['value']): unknown {
  if (value === null || value === undefined) return undefined;
  if (!Buffer.isBuffer(value) && typeof value === 'object') return value;
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedMessageError(`value is not JSON (${(error as Error).message})`);
  }
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MalformedMessageError(`${name} must be a string`);
  return value;
}
