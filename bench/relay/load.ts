import type { EventStore } from '@civic/event-store';
import { caseEvents, caseStream, forEachConcurrently, newCaseId } from '../lib/events';

/** Appends `total` case events, `perCase` per case, in appends of up to 10, `writers` cases at a time. */
export async function loadCaseEvents(
  store: EventStore,
  { total, perCase, writers, dataBytes }: { total: number; perCase: number; writers: number; dataBytes: number },
): Promise<void> {
  const cases = Array.from({ length: Math.ceil(total / perCase) }, (_, i) => ({
    caseId: newCaseId(),
    count: Math.min(perCase, total - i * perCase),
  }));
  await forEachConcurrently(cases, writers, async ({ caseId, count }) => {
    for (let revision = 0; revision < count; revision += 10) {
      const events = caseEvents(caseId, revision, Math.min(10, count - revision), dataBytes);
      await store.appendToStream(caseStream(caseId), events, { expectedRevision: revision === 0 ? 'no-stream' : revision - 1 });
    }
  });
}
