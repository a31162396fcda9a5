import { PostgresEventStore, type RecordedEvent } from '@civic/event-store';
import { listMail } from '@civic/testing';
import type { Accepted } from './workload';

/** Every case stream's events as stored, by stream (personal data still encrypted: only types and ids are read). */
export async function caseStreams(url: string): Promise<Map<string, RecordedEvent[]>> {
  const store = await PostgresEventStore.connect({ url });
  try {
    const streams = new Map<string, RecordedEvent[]>();
    let from: string | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ from, maxCount: 2_000, filter: { streamNamePrefixes: ['case-'] } });
      for (const event of page) streams.set(event.streamName, [...(streams.get(event.streamName) ?? []), event]);
      const last = page.at(-1);
      if (!last || page.length < 2_000) return streams;
      from = last.position;
    }
  } finally {
    await store.close();
  }
}

const countOf = (events: readonly RecordedEvent[], type: string) => events.filter((event) => event.type === type).length;

/** What must hold after the run, each a count that must be 0. */
export interface Invariants {
  /** Accepted, but no case in the event store. */
  lostCases: number;
  /** One request (idempotency key) that became two cases, or a case registered twice. */
  duplicateRegistrations: number;
  /** A fact recorded twice on one case: routed, assigned, the same notification, a breach, an escalation. */
  duplicateEvents: number;
  /** Accepted cases never routed and assigned, or never acknowledged. */
  neverProcessed: number;
  /** More than one e-mail to one citizen (each writes once, with an address of their own). */
  duplicateEmails: number;
  /** A citizen with no acknowledgement e-mail. */
  missingEmails: number;
  /** A breach recorded twice on one case, or none where the due date had passed. */
  timersFiredTwice: number;
  timersMissed: number;
}

const ONCE_PER_CASE = ['CaseRegistered', 'CaseRouted', 'CaseAssigned', 'DeadlineBreached', 'CaseEscalated'];

export async function invariants(
  url: string,
  accepted: readonly Accepted[],
  citizens: readonly string[],
  breachedBy: (entry: Accepted) => boolean,
): Promise<Invariants> {
  const streams = await caseStreams(url);
  const casesByKey = new Map<string, Set<string>>();
  for (const entry of accepted) casesByKey.set(entry.key, new Set([...(casesByKey.get(entry.key) ?? []), entry.caseId]));
  const events = (entry: Accepted) => streams.get(`case-${entry.caseId}`) ?? [];
  const unique = [...new Map(accepted.map((entry) => [entry.caseId, entry])).values()];

  let duplicateEvents = 0;
  for (const [, stream] of streams) {
    for (const type of ONCE_PER_CASE.slice(1)) duplicateEvents += Math.max(0, countOf(stream, type) - 1);
    const sent = stream
      .filter((event) => event.type === 'NotificationSent')
      .map((event) => (event.data as { notificationId: string }).notificationId);
    duplicateEvents += sent.length - new Set(sent).size;
  }
  const mail = await listMail();
  const mailsTo = (address: string) => mail.filter((message) => message.To.some((to) => to.Address === address)).length;
  return {
    lostCases: unique.filter((entry) => countOf(events(entry), 'CaseRegistered') === 0).length,
    duplicateRegistrations:
      [...casesByKey.values()].filter((cases) => cases.size > 1).length +
      [...streams.values()].filter((stream) => countOf(stream, 'CaseRegistered') > 1).length,
    duplicateEvents,
    neverProcessed: unique.filter(
      (entry) => countOf(events(entry), 'CaseAssigned') === 0 || !events(entry).some((event) => event.type === 'NotificationSent'),
    ).length,
    duplicateEmails: citizens.filter((address) => mailsTo(address) > 1).length,
    missingEmails: citizens.filter((address) => mailsTo(address) === 0).length,
    timersFiredTwice: unique.filter((entry) => countOf(events(entry), 'DeadlineBreached') > 1).length,
    timersMissed: unique.filter((entry) => breachedBy(entry) && countOf(events(entry), 'DeadlineBreached') === 0).length,
  };
}
