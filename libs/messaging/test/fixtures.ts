import type { RecordedEvent } from '@civic/event-store';

/** A stored case event as the event store returns it; personal data is an encrypted envelope, as stored. */
export function recordedCaseEvent(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    id: '6f1c1c1e-4b8a-4b43-9a53-5d1c5a3b9e01',
    streamName: 'case-0b7c2a4e-8d7e-4a8e-9f3c-1d2e3f4a5b6c',
    revision: 3,
    position: '0000000000001234/0000000000000042',
    type: 'CaseRegistered',
    data: {
      channel: 'web',
      submitter: { $enc: { v: 1, key: 'subject-77', iv: 'aXY=', tag: 'dGFn', ct: 'Y2lwaGVydGV4dA==' } },
      summary: 'Broken street light',
    },
    metadata: {
      tenant: 'sofia',
      caseId: '0b7c2a4e-8d7e-4a8e-9f3c-1d2e3f4a5b6c',
      actor: { id: 'user-5', role: 'registrar' },
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      occurredAt: '2025-03-04T09:15:00.000Z',
      schemaVersion: 2,
      hash: 'abc',
    },
    recordedAt: '2025-03-04T09:15:00.120Z',
    ...overrides,
  };
}
