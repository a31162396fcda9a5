import { CloudEvent as SdkCloudEvent, Kafka as SdkKafka, type Message } from 'cloudevents';
import { caseEventToCloudEvent, fromKafkaMessage, toKafkaBinary } from '../src';
import { recordedCaseEvent } from './fixtures';

/** Our codec against the CloudEvents JavaScript SDK (v10): each side reads what the other writes. */
describe('interoperability with the CloudEvents SDK', () => {
  const ours = caseEventToCloudEvent(recordedCaseEvent());

  it('the SDK reads and validates the binary-mode messages the relay writes', () => {
    const message = toKafkaBinary(ours, ours.subject ?? null);
    const asSdkMessage = {
      key: message.key,
      value: message.value,
      headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, v.toString()])),
      body: message.value,
    } as unknown as Message;
    const event = SdkKafka.toEvent(asSdkMessage) as SdkCloudEvent<unknown>;
    expect(event.validate()).toBe(true);
    expect(event).toMatchObject({
      specversion: '1.0',
      id: ours.id,
      source: ours.source,
      type: ours.type,
      subject: ours.subject,
      time: ours.time,
      data: ours.data,
      tenant: 'sofia',
      correlationid: 'corr-1',
      streamrevision: '3',
      partitionkey: ours.subject,
    });
  });

  it('we read the SDK’s structured and binary messages', () => {
    const sdkEvent = new SdkCloudEvent({
      id: 'e-1',
      source: '/tenants/varna',
      type: 'bg.civic.case.CaseAccepted',
      subject: 'c-1',
      datacontenttype: 'application/json',
      data: { unit: 'roads' },
      tenant: 'varna',
    });
    const structured = SdkKafka.structured(sdkEvent);
    const fromStructured = fromKafkaMessage({ value: String(structured.value), headers: structured.headers, offset: '0' });
    expect(fromStructured).toMatchObject({
      id: 'e-1',
      type: 'bg.civic.case.CaseAccepted',
      subject: 'c-1',
      data: { unit: 'roads' },
      extensions: { tenant: 'varna' },
    });

    const binary = SdkKafka.binary(sdkEvent);
    const headers = Object.fromEntries(Object.entries(binary.headers).filter(([, v]) => v !== undefined));
    const fromBinary = fromKafkaMessage({ value: JSON.stringify(binary.value), headers, offset: '0' });
    expect(fromBinary).toMatchObject({ id: 'e-1', source: '/tenants/varna', data: { unit: 'roads' }, extensions: { tenant: 'varna' } });
  });
});
