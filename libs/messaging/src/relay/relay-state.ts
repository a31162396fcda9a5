import type { RelayCheckpoints } from './relay-checkpoints';
import type { RelayLeases } from './relay-lease';

/**
 * Where relays keep their leases and checkpoints: `mongoRelayState(db)` beside the read models, or
 * `postgresRelayState(pool)` beside the events, so that on the embedded stack the relay needs no MongoDB.
 */
export interface RelayState {
  leases: RelayLeases;
  checkpoints: RelayCheckpoints;
}
