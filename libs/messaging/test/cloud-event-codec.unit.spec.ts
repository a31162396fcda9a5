import { KafkaParser } from '@nestjs/microservices/helpers/kafka-parser';
import {
  caseEventToCloudEvent,
  fromKafkaMessage,
  InvalidCloudEventError,
  MalformedMessageError,
  toKafkaBinary,
  type IncomingKafkaMessage,
  type OutgoingKafkaMessage,
} from '../src';
import { recordedCaseEvent } from './fixtures';

/** What kafkajs hands a consumer: Buffers everywhere. */
function asKafkajs(message: OutgoingKafkaMessage, offset = '7'): IncomingKafkaMessage {
  const buffer = (v: string | Buffer | null) => (v === null ? null : Buffer.isBuffer(v) ? v : Buffer.from(v));
  return {
    key: buffer(message.key),
    value: buffer(message.value),
    headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, buffer(v)])),
    offset,
  };
}

/** What Nest's Kafka transport hands a handler (`KafkaContext.getMessage()`): its own parser's output. */
function asNest(message: OutgoingKafkaMessage): IncomingKafkaMessage {
  return new KafkaParser().parse(asKafkajs(message)) as IncomingKafkaMessage;
}

describe('the CloudEvents Kafka binding (binary content mode)', () => {
  const cloudEvent = caseEventToCloudEvent(recordedCaseEvent());
  const message = toKafkaBinary(cloudEvent, cloudEvent.subject ?? null);

  it('puts the data alone in the value and every attribute in a ce_ header', () => {
    expect(JSON.parse(message.value as string)).toEqual(recordedCaseEvent().data);
    expect(message.key).toBe('0b7c2a4e-8d7e-4a8e-9f3c-1d2e3f4a5b6c');
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: '6f1c1c1e-4b8a-4b43-9a53-5d1c5a3b9e01',
      ce_source: '/tenants/sofia',
      ce_type: 'bg.civic.case.CaseRegistered',
      ce_subject: '0b7c2a4e-8d7e-4a8e-9f3c-1d2e3f4a5b6c',
      ce_time: '2025-03-04T09:15:00.000Z',
      ce_tenant: 'sofia',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cmd-1',
      ce_actorid: 'user-5',
      ce_actorrole: 'registrar',
      ce_schemaversion: '2',
      ce_streamrevision: '3',
      ce_position: '0000000000001234/0000000000000042',
      ce_recordedat: '2025-03-04T09:15:00.120Z',
      'content-type': 'application/json',
    });
  });

  it.each([
    ['a raw kafkajs message', asKafkajs],
    ['a message parsed by Nest', asNest],
  ])('reads back the same event from %s', (_, shape) => {
    const decoded = fromKafkaMessage(shape(message));
    expect(decoded).toMatchObject({
      specversion: '1.0',
      id: cloudEvent.id,
      source: cloudEvent.source,
      type: cloudEvent.type,
      subject: cloudEvent.subject,
      time: cloudEvent.time,
      datacontenttype: 'application/json',
      data: cloudEvent.data,
    });
    // Binary mode carries no types: extensions come back as strings.
    expect(decoded.extensions).toEqual(Object.fromEntries(Object.entries(cloudEvent.extensions).map(([k, v]) => [k, String(v)])));
  });

  it('meets Nest’s parsed form: the value already an object, headers strings', () => {
    const nest = asNest(message);
    expect(Buffer.isBuffer(nest.value)).toBe(false);
    expect(typeof nest.value).toBe('object');
    expect(typeof nest.headers?.['ce_id']).toBe('string');
  });

  it('reads structured content mode too', () => {
    const structured = { specversion: '1.0', id: 'e1', source: '/x', type: 't', data: { a: 1 }, tenant: 'plovdiv' };
    const decoded = fromKafkaMessage({
      value: Buffer.from(JSON.stringify(structured)),
      headers: { 'content-type': Buffer.from('application/cloudevents+json; charset=utf-8') },
      offset: '0',
    });
    expect(decoded).toMatchObject({ id: 'e1', source: '/x', type: 't', data: { a: 1 }, extensions: { tenant: 'plovdiv' } });
  });

  it.each<[string, IncomingKafkaMessage, RegExp]>([
    ['no CloudEvent headers', { value: Buffer.from('{}'), headers: {}, offset: '1' }, /not a CloudEvent/],
    ['a value that is not JSON', { ...asKafkajs(message), value: Buffer.from('{not json') }, /not JSON/],
    ['no id', { ...asKafkajs(message), headers: { ...asKafkajs(message).headers, ce_id: Buffer.from('') } }, /id must be/],
    ['a wrong specversion', { ...asKafkajs(message), headers: { ...asKafkajs(message).headers, ce_specversion: '0.3' } }, /specversion/],
    [
      'a non-JSON content type',
      { ...asKafkajs(message), headers: { ...asKafkajs(message).headers, 'content-type': 'text/plain' } },
      /content-type/,
    ],
    [
      'a structured event that is not an object',
      { value: '[1]', headers: { 'content-type': 'application/cloudevents+json' }, offset: '1' },
      /not a JSON object/,
    ],
  ])('rejects a message with %s as malformed, saying why', (_, bad, why) => {
    expect(() => fromKafkaMessage(bad)).toThrow(MalformedMessageError);
    expect(() => fromKafkaMessage(bad)).toThrow(why);
  });

  it('refuses to write an extension name the spec forbids', () => {
    expect(() => toKafkaBinary({ ...cloudEvent, extensions: { correlationId: 'x' } }, null)).toThrow(InvalidCloudEventError);
    expect(() => toKafkaBinary({ ...cloudEvent, extensions: { subject: 'x' } }, null)).toThrow(InvalidCloudEventError);
  });
});
