import type { GlobalPosition } from '@civic/event-store';

/** Per relay name, the position of the last event Kafka acknowledged (MongoDB or PostgreSQL). */
export interface RelayCheckpoints {
  load(relay: string): Promise<GlobalPosition | undefined>;
  /** Written only after Kafka acknowledged everything up to `position`, so a restart never skips an event. */
  save(relay: string, position: GlobalPosition, owner: string): Promise<void>;
}
