import { randomUUID } from 'node:crypto';
import { caseDecider, upcast, type CaseCommand, type StoredCaseEvent } from '@civic/domain';
import { createCommandHandler, type RecordedEvent } from '../../src';
import { InMemoryEventStore } from '../../src/memory/in-memory-event-store';
import { caseCommand, registration } from './case-commands';

function setup() {
  const store = new InMemoryEventStore();
  let reads = 0;
  const counted = new Proxy(store, {
    get(target, property) {
      if (property === 'readStream') reads += 1;
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const handler = createCommandHandler({
    store: counted,
    decider: caseDecider,
    streamName: (command: CaseCommand) => `case-${command.metadata.caseId}`,
    fromRecorded: (e: RecordedEvent) => upcast({ type: e.type, data: e.data, metadata: e.metadata } as unknown as StoredCaseEvent),
  });
  return { store, handler, reads: () => reads };
}

const accept = (caseId: string) => caseCommand(caseId, 'ScreenCase', 'system', { outcome: 'accept' });

describe('command handler: several commands on one stream, one read and one append', () => {
  it('decides each on the state the ones before it left, appends all their events at once, and answers the state', async () => {
    const { store, handler, reads } = setup();
    const caseId = randomUUID();
    const register = registration(caseId);
    const screen = accept(caseId);
    const outcome = await handler.handleAll([register, screen]);

    expect(outcome).toMatchObject({ ok: true, attempts: 1, nextExpectedRevision: 1, state: { status: 'Accepted' } });
    expect(outcome.ok && outcome.events.map((e) => [e.type, e.revision, e.metadata.causationId])).toEqual([
      ['CaseRegistered', 0, register.metadata.commandId],
      ['CaseAccepted', 1, screen.metadata.commandId],
    ]);
    expect(store.appends).toHaveLength(1);
    expect(store.appends[0].expectedRevision).toBe('no-stream');
    expect(reads()).toBe(1);
  });

  it('the first rejection is answered and nothing is appended', async () => {
    const { store, handler } = setup();
    const caseId = randomUUID();
    const outcome = await handler.handleAll([registration(caseId), accept(caseId), accept(caseId)]);
    expect(outcome).toMatchObject({ ok: false, attempts: 1 });
    expect(store.appends).toHaveLength(0);
  });

  it('a retry decides only what is not done yet; when all is done it answers as a duplicate of the first', async () => {
    const { store, handler } = setup();
    const caseId = randomUUID();
    const register = registration(caseId);
    const screen = accept(caseId);
    const registered = await handler.handle(register);

    const finished = await handler.handleAll([register, screen]);
    expect(finished).toMatchObject({ ok: true, state: { status: 'Accepted' } });
    expect(finished.ok && finished.events.map((e) => e.type)).toEqual(['CaseAccepted']);
    expect(finished.ok && finished.duplicate).toBeFalsy();

    const again = await handler.handleAll([register, screen]);
    expect(again).toMatchObject({ ok: true, duplicate: true, state: { status: 'Accepted' }, nextExpectedRevision: 1 });
    expect(again.ok && again.events.map((e) => e.id)).toEqual(registered.ok && registered.events.map((e) => e.id));
    expect(store.appends).toHaveLength(2);
  });

  it('refuses commands on different streams', async () => {
    const { handler } = setup();
    await expect(handler.handleAll([registration(randomUUID()), accept(randomUUID())])).rejects.toThrow(TypeError);
  });
});
