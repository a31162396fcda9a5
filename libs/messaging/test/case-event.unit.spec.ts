import { caseEventFromKafka, caseEventToCloudEvent, caseEventType, decodeEvent, toKafkaBinary } from '../src';
import { recordedCaseEvent } from './fixtures';

describe('a stored case event as a CloudEvent', () => {
  it('maps type, source, subject, id, time and the extensions from the stored event', () => {
    const event = caseEventToCloudEvent(recordedCaseEvent());
    expect(event).toMatchObject({
      specversion: '1.0',
      id: '6f1c1c1e-4b8a-4b43-9a53-5d1c5a3b9e01',
      type: 'bg.civic.case.CaseRegistered',
      source: '/tenants/sofia',
      subject: '0b7c2a4e-8d7e-4a8e-9f3c-1d2e3f4a5b6c',
      time: '2025-03-04T09:15:00.000Z',
      extensions: {
        tenant: 'sofia',
        correlationid: 'corr-1',
        causationid: 'cmd-1',
        streamrevision: 3,
        position: '0000000000001234/0000000000000042',
      },
    });
    expect(caseEventType(event.type)).toBe('CaseRegistered');
  });

  it('carries the data exactly as stored: an encrypted personal field stays the same envelope, untouched', () => {
    const stored = recordedCaseEvent();
    const snapshot = structuredClone(stored.data);
    const event = caseEventToCloudEvent(stored);
    expect(event.data).toBe(stored.data);
    expect(stored.data).toEqual(snapshot);
    expect(JSON.parse(toKafkaBinary(event, null).value as string)).toEqual(snapshot);
  });

  it('falls back to the recorded time when the business time is missing or not a date', () => {
    const stored = recordedCaseEvent();
    expect(caseEventToCloudEvent({ ...stored, metadata: { ...stored.metadata, occurredAt: undefined } }).time).toBe(stored.recordedAt);
    expect(caseEventToCloudEvent({ ...stored, metadata: { ...stored.metadata, occurredAt: 'soon' } }).time).toBe(stored.recordedAt);
  });

  it('leaves out what the metadata lacks instead of inventing it', () => {
    const event = caseEventToCloudEvent(recordedCaseEvent({ metadata: {} }));
    expect(event.source).toBe('/event-store');
    expect(Object.keys(event.extensions).sort()).toEqual(['position', 'recordedat', 'streamrevision']);
  });

  it('comes back from Kafka as the stored envelope a consumer can decrypt and upcast', () => {
    const stored = recordedCaseEvent();
    const cloudEvent = caseEventToCloudEvent(stored);
    const message = toKafkaBinary(cloudEvent, cloudEvent.subject ?? null);
    const received = decodeEvent<typeof stored.data>({ ...message, offset: '5' }, 'case-events', 2);
    expect(received.kafka).toEqual({ topic: 'case-events', partition: 2, offset: '5', key: '0b7c2a4e-8d7e-4a8e-9f3c-1d2e3f4a5b6c' });
    expect(caseEventFromKafka(received)).toEqual({
      id: stored.id,
      type: 'CaseRegistered',
      data: stored.data,
      metadata: {
        tenant: 'sofia',
        caseId: '0b7c2a4e-8d7e-4a8e-9f3c-1d2e3f4a5b6c',
        actor: { id: 'user-5', role: 'registrar' },
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        occurredAt: '2025-03-04T09:15:00.000Z',
        schemaVersion: 2,
      },
      streamRevision: 3,
    });
  });
});
