import { StreamNotFoundError } from './errors';
import type { EventStore, ReadStreamOptions, RecordedEvent } from './port';

/**
 * The stream's events, or undefined when it has none: for readers to whom a missing stream is an answer
 * (a case not in this store, a set-up never changed), not a failure. Every other error is thrown.
 */
export async function readStreamIfExists(
  store: EventStore,
  streamName: string,
  options?: ReadStreamOptions,
): Promise<RecordedEvent[] | undefined> {
  try {
    return await store.readStream(streamName, options);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
