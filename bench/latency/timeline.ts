import { Client } from 'pg';

/** When a case's events were recorded (the event store's recorded_at, ms since the epoch). */
export interface CaseTimes {
  registered?: number;
  routed?: number;
  acknowledged?: number;
}

/**
 * Reads, for the given cases, when each was registered, routed and its acknowledgement recorded as sent (the
 * notification service records NotificationSent once the mail or SMS server accepted the message). The first
 * of each, straight from the event store's table.
 */
export async function caseTimeline(client: Client, caseIds: string[]): Promise<Map<string, CaseTimes>> {
  const { rows } = await client.query<{ stream_name: string; event_type: string; at: Date }>(
    `select stream_name, event_type, min(recorded_at) as at from event_store.events
      where stream_name = any($1::text[])
        and (event_type in ('CaseRegistered', 'CaseRouted') or (event_type = 'NotificationSent' and data->>'template' = 'acknowledgement'))
      group by stream_name, event_type`,
    [caseIds.map((id) => `case-${id}`)],
  );
  const times = new Map<string, CaseTimes>();
  const field = { CaseRegistered: 'registered', CaseRouted: 'routed', NotificationSent: 'acknowledged' } as const;
  for (const row of rows) {
    const caseId = row.stream_name.slice('case-'.length);
    times.set(caseId, { ...times.get(caseId), [field[row.event_type as keyof typeof field]]: row.at.getTime() });
  }
  return times;
}
