import type { Message } from 'kafkajs';
import type { Db } from 'mongodb';
import type { EventStore, RecordedEvent } from '@civic/event-store';
import { caseEventToCloudEvent, MongoRelayCheckpoints, toKafkaBinary } from '@civic/messaging';
import { uniqueName } from '@civic/testing';

/**
 * The relay's pieces timed alone, in the order it runs them for each batch (read → encode → send → checkpoint,
 * one batch after the other), so their sum with the raw send time accounts for the relay's time.
 */

/** The messages the relay sends for these events: the raw producer sends exactly these. */
export function encode(events: RecordedEvent[]): Message[] {
  return events.map((event) => {
    const cloudEvent = caseEventToCloudEvent(event);
    return toKafkaBinary(cloudEvent, cloudEvent.subject ?? null);
  });
}

/** Milliseconds to follow a subscription from the start through `count` case events (no Kafka). */
export async function timeSubscription(store: EventStore, count: number): Promise<number> {
  const started = performance.now();
  const subscription = store.subscribeToAll({ from: 'start', filter: { streamNamePrefixes: ['case-'] } });
  let seen = 0;
  try {
    for await (const _event of subscription) {
      seen += 1;
      if (seen >= count) break;
    }
  } finally {
    await subscription.close();
  }
  return performance.now() - started;
}

/** Milliseconds to turn the events into CloudEvent Kafka messages. */
export function timeEncoding(events: RecordedEvent[]): number {
  const started = performance.now();
  encode(events);
  return performance.now() - started;
}

/** Milliseconds for `writes` checkpoint saves one after the other, as the relay writes one per batch. */
export async function timeCheckpoints(db: Db, writes: number, position: string): Promise<number> {
  const checkpoints = new MongoRelayCheckpoints(db);
  const name = uniqueName('bench-checkpoint');
  const started = performance.now();
  for (let i = 0; i < writes; i += 1) await checkpoints.save(name, position, 'bench');
  return performance.now() - started;
}
