import { Inject, Injectable } from '@nestjs/common';
import { readStreamIfExists, withHashChain, WrongExpectedRevisionError, type EventStore, type SignedCheckpoint } from '@civic/event-store';
import { EVENT_STORE } from '@civic/platform';
import { randomUUID } from 'node:crypto';

export const CHAIN_CHECKPOINT_SIGNED = 'ChainCheckpointSigned';

/**
 * The checkpoints of one stream live in a stream of their own, `checkpoint-<stream>` (category `checkpoint`,
 * so the relay, which publishes `case-` streams only, never puts them on Kafka): verifying a case reads its
 * few checkpoints, not a tenant's whole log. The log is hash-chained like everything else, but its worth is
 * the signatures: an entry cannot be forged without the key, only removed (AUDIT.md says what that means).
 */
export const checkpointStreamOf = (streamName: string) => `checkpoint-${streamName}`;

@Injectable()
export class CheckpointLog {
  private readonly chained: EventStore;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.chained = withHashChain(store);
  }

  /** In the order they were signed; none for a stream never checkpointed. */
  async read(streamName: string): Promise<SignedCheckpoint[]> {
    const events = (await readStreamIfExists(this.store, checkpointStreamOf(streamName), { direction: 'forwards' })) ?? [];
    return events.filter((event) => event.type === CHAIN_CHECKPOINT_SIGNED).map((event) => event.data as unknown as SignedCheckpoint);
  }

  async append(checkpoint: SignedCheckpoint): Promise<void> {
    const event = {
      id: randomUUID(),
      type: CHAIN_CHECKPOINT_SIGNED,
      data: { statement: { ...checkpoint.statement }, signature: checkpoint.signature, keyId: checkpoint.keyId },
      metadata: { tenant: checkpoint.statement.tenant, occurredAt: checkpoint.statement.signedAt, schemaVersion: 1 },
    };
    // Two instances checkpointing at once: the chain's exact expected revision refuses one; it retries on the new head.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.chained.appendToStream(checkpointStreamOf(checkpoint.statement.stream), [event], { expectedRevision: 'any' });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= 5) throw error;
      }
    }
  }
}
