/**
 * The Kafka message shapes the codec meets. Outgoing: what kafkajs `send` takes. Incoming: either a raw kafkajs
 * message (Buffers) or one already parsed by Nest's Kafka transport (`KafkaContext.getMessage()`: strings, and
 * values or headers starting with `{`/`[` turned into objects), so one decoder serves both.
 */
export interface OutgoingKafkaMessage {
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: Record<string, string | Buffer>;
}

export interface IncomingKafkaMessage {
  key?: Buffer | string | null;
  value: Buffer | string | object | null;
  headers?: Record<string, unknown>;
  offset: string;
  timestamp?: string;
}

/** A header as text: kafkajs gives Buffers (arrays when repeated: the last wins), Nest strings or parsed JSON. */
export function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return headerText(value[value.length - 1]);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The key as text (the case id on `case-events`). */
export function keyText(key: IncomingKafkaMessage['key']): string | null {
  if (key === undefined || key === null) return null;
  return Buffer.isBuffer(key) ? key.toString('utf8') : key;
}

/** The message value as the producer wrote it, for forwarding unchanged (Nest's parsed JSON is re-serialised). */
export function rawValue(value: IncomingKafkaMessage['value']): string | Buffer | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Every header as a string or Buffer, for forwarding to a dead-letter topic. */
export function rawHeaders(headers: IncomingKafkaMessage['headers']): Record<string, string | Buffer> {
  const out: Record<string, string | Buffer> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (Buffer.isBuffer(value)) out[name] = value;
    else {
      const text = headerText(value);
      if (text !== undefined) out[name] = text;
    }
  }
  return out;
}
