import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@civic/event-store';
import { caseCommandsOn, CaseReader } from '@civic/platform';
import { CaseScript } from '../../test/cases';
import type { OutboxEntry } from '../outbox/outbox.store';
import { CaseRecorder } from './case-recorder';

// The application service without servers: the case command handler on the in-memory event store.
const NOW = new Date('2026-03-10T09:00:00.000Z');

async function answeredCase(store: InMemoryEventStore): Promise<CaseScript> {
  const script = new CaseScript()
    .accept()
    .routeAndAssign('environment-waste', 'ew-1')
    .add({ type: 'AnswerCase', data: { text: 'Извозено.', attachments: [], channel: 'email' } });
  const commands = caseCommandsOn(store);
  for (const command of script.commands) {
    const outcome = await commands.handle(command);
    if (!outcome.ok) throw new Error(outcome.rejection.type);
  }
  return script;
}

const entryFor = (script: CaseScript, triggeredBy: string): OutboxEntry => ({
  _id: randomUUID(),
  tenant: script.tenant,
  caseId: script.caseId,
  registryNumber: 'PSH-2026-000001',
  dataSubjectId: script.dataSubjectId,
  triggeredBy,
  triggerType: 'CaseAnswered',
  correlationId: script.correlationId,
  template: 'answer',
  recipient: { kind: 'submitter' },
  channel: 'email',
  status: 'sent',
  recorded: false,
  todo: true,
  attempts: 1,
  nextAttemptAt: NOW,
  leaseUntil: NOW,
  leaseOwner: null,
  createdAt: NOW,
});

describe('CaseRecorder: a message outcome on its case, in memory', () => {
  it('records NotificationSent once, however often it is asked (a retry, another instance)', async () => {
    const store = new InMemoryEventStore();
    const script = await answeredCase(store);
    const recorder = new CaseRecorder(caseCommandsOn(store), { now: () => NOW });
    const answered = (await new CaseReader(store).read(script.caseId)).recorded.at(-1);
    const entry = entryFor(script, answered?.id ?? '');

    expect(await recorder.record(entry, 'sent')).toBe('recorded');
    expect(await recorder.record(entry, 'sent')).toBe('already-recorded');
    const { events } = await new CaseReader(store).read(script.caseId);
    expect(events.filter((event) => event.type === 'NotificationSent')).toMatchObject([
      { data: { notificationId: entry._id, template: 'answer', channel: 'email' }, metadata: { occurredAt: NOW.toISOString() } },
    ]);
  });

  it('a case the store does not have cannot take it, and that is not retried', async () => {
    const store = new InMemoryEventStore();
    const recorder = new CaseRecorder(caseCommandsOn(store), { now: () => NOW });
    expect(await recorder.record(entryFor(new CaseScript(), randomUUID()), 'failed', 'refused')).toBe('not-recordable');
  });
});
