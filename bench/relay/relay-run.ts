import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import type { EventStore } from '@civic/event-store';
import { EventRelay, mongoRelayState, type RelayProgress } from '@civic/messaging';
import { uniqueName } from '@civic/testing';

export class RelayStalledError extends Error {
  constructor(
    readonly progress: RelayProgress,
    readonly expected: number,
  ) {
    super(
      `relay published ${progress.published} of ${expected} events before the time limit (last error: ${progress.lastError ?? 'none'})`,
    );
    this.name = 'RelayStalledError';
  }
}

export interface RelayRun {
  elapsedMs: number;
  progress: RelayProgress;
}

/**
 * A relay of a new name (so it starts from the first event) on a fresh topic: the time from `start()` (lease,
 * producer, subscription included, as the raw run includes its producer's connect) until Kafka acknowledged
 * `expected` events and their checkpoint was written.
 */
export async function runRelay(
  { db, ...options }: { store: EventStore; kafka: Kafka; db: Db; topic: string; maxBatch: number },
  expected: number,
  timeoutMs: number,
): Promise<RelayRun> {
  const relay = new EventRelay({ ...options, state: mongoRelayState(db), name: uniqueName('bench-relay') });
  const started = performance.now();
  relay.start();
  try {
    for (;;) {
      const progress = relay.progress();
      if (progress.published >= expected) return { elapsedMs: performance.now() - started, progress };
      if (performance.now() - started > timeoutMs) throw new RelayStalledError(progress, expected);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } finally {
    await relay.stop();
  }
}
