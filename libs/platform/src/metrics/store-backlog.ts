import type { EventFilter, EventStore, GlobalPosition } from '@civic/event-store';

/** Counting stops here: beyond it the exact number changes nothing for ops, and each scrape stays cheap. */
export const BACKLOG_CAP = 1_000;

export interface Backlog {
  /** Events after the position, up to `BACKLOG_CAP`. */
  events: number;
  /** When the store recorded the first of them (ISO-8601); absent when there are none. */
  oldestRecordedAt?: string;
}

/** The events a follower of the store (the relay, a projection) has yet to read after its checkpoint. */
export async function storeBacklog(store: EventStore, from: GlobalPosition | null | undefined, filter?: EventFilter): Promise<Backlog> {
  const events = await store.readAll({ from: from ?? 'start', maxCount: BACKLOG_CAP, filter });
  return { events: events.length, ...(events[0] ? { oldestRecordedAt: events[0].recordedAt } : {}) };
}

/** Whole seconds since `recordedAt` at `now` (epoch ms), never negative; 0 when nothing waits. */
export function backlogAgeSeconds(oldestRecordedAt: string | undefined, now: number): number {
  if (!oldestRecordedAt) return 0;
  return Math.max(0, Math.round((now - Date.parse(oldestRecordedAt)) / 1000));
}
