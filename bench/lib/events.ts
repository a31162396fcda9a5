import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@civic/event-store';

/**
 * Case events shaped like the real ones (see libs/messaging/test/int-helpers.ts): `data` padded to about
 * `dataBytes` of JSON, and the metadata every case event carries (tenant, case, actor, correlation, causation,
 * business time, schema version, and a hash-chain link). Both contenders of a case write these same objects.
 */
export function caseEvent(caseId: string, revision: number, dataBytes: number): EventToAppend {
  const data = { n: revision, channel: 'web', category: 'street-lighting', summary: '' };
  data.summary = 'x'.repeat(Math.max(0, dataBytes - JSON.stringify(data).length));
  return {
    id: randomUUID(),
    type: revision === 0 ? 'CaseRegistered' : 'CaseNoteAdded',
    data,
    metadata: {
      tenant: 'sofia',
      caseId,
      actor: { id: 'user-1', role: 'registrar' },
      correlationId: `corr-${caseId}`,
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      hash: 'f'.repeat(64),
    },
  };
}

/** `count` consecutive events of one case starting at `fromRevision`. */
export function caseEvents(caseId: string, fromRevision: number, count: number, dataBytes: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => caseEvent(caseId, fromRevision + i, dataBytes));
}

export function newCaseId(): string {
  return randomUUID();
}

export function caseStream(caseId: string): string {
  return `case-${caseId}`;
}

/** Runs `work` over `items` with at most `concurrency` at a time (bulk loading before a measurement). */
export async function forEachConcurrently<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }),
  );
}

/** The JSON size of one sample event's data and metadata, for the report. */
export function eventSizes(dataBytes: number): { data: number; metadata: number } {
  const sample = caseEvent(newCaseId(), 1, dataBytes);
  return { data: JSON.stringify(sample.data).length, metadata: JSON.stringify(sample.metadata).length };
}
