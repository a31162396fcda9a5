import type { PostgresEventStore } from '@civic/event-store';
import type { Timing } from '../lib/measure';
import type { RawPgEvents } from './raw-pg';

/** What every event-store case gets: both contenders on one fresh database, and the run's knobs. */
export interface EventStoreBench {
  url: string;
  adapter: PostgresEventStore;
  raw: RawPgEvents;
  timing: Timing;
  dataBytes: number;
  /** Concurrent writers of the concurrent-append case, also used to load data before a case. */
  writers: number;
  /** Streams of 20 events for the read cases. */
  readStreams: number;
  readAllPage: number;
  /** Existing streams per contender for the appends with an exact expected revision. */
  appendStreams: number;
  /** Also measure the raw baseline with the adapter's steps added one by one. */
  anatomy: boolean;
}
