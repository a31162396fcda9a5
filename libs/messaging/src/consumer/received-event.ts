import type { CloudEvent, ExtensionValue } from '../cloud-events/cloud-event';
import { fromKafkaMessage } from '../cloud-events/kafka-binding';
import { keyText, type IncomingKafkaMessage } from '../cloud-events/kafka-message';

/**
 * A CloudEvent as a handler receives it: the attributes, the extensions the platform relies on by name, and
 * where it came from in Kafka. `data` is typed by the caller and not checked here: validate it (zod) when the
 * shape matters. On `case-events` it is the stored data, personal fields still encrypted.
 */
export interface ReceivedEvent<D = unknown> {
  id: string;
  type: string;
  source: string;
  subject?: string;
  time?: string;
  data: D;
  tenant?: string;
  correlationId?: string;
  causationId?: string;
  /** Every extension as it arrived (strings in binary mode). */
  extensions: Record<string, ExtensionValue>;
  kafka: { topic: string; partition: number; offset: string; key: string | null };
}

/** Throws `MalformedMessageError` for a message that is not a readable CloudEvent. */
export function decodeEvent<D = unknown>(message: IncomingKafkaMessage, topic: string, partition: number): ReceivedEvent<D> {
  const event: CloudEvent = fromKafkaMessage(message);
  return {
    id: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: event.time,
    data: event.data as D,
    tenant: extension(event, 'tenant'),
    correlationId: extension(event, 'correlationid'),
    causationId: extension(event, 'causationid'),
    extensions: event.extensions,
    kafka: { topic, partition, offset: message.offset, key: keyText(message.key) },
  };
}

function extension(event: CloudEvent, name: string): string | undefined {
  const value = event.extensions[name];
  return value === undefined ? undefined : String(value);
}
