import { Inject, Injectable } from '@nestjs/common';
import {
  checkCheckpoints,
  checkpointStatement,
  readStreamIfExists,
  signCheckpoint,
  type CheckpointSigner,
  type CheckpointsCheck,
  type EventStore,
  type RecordedEvent,
  type SignedCheckpoint,
} from '@civic/event-store';
import { CLOCK, EVENT_STORE, type Clock } from '@civic/platform';
import { CheckpointLog } from './checkpoint-log';
import { headVerdict } from './head-verdict';
import { CHECKPOINT_SIGNER, SigningKeys } from './signing-keys';

export type HeadSigning =
  | { signed: true; checkpoint: SignedCheckpoint; checkpoints: SignedCheckpoint[] }
  | { signed: false; reason: string; detail: string };

/** Signs stream heads (through the signing port) and checks streams against their checkpoints. */
@Injectable()
export class Checkpoints {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly log: CheckpointLog,
    private readonly keys: SigningKeys,
  ) {}

  read(streamName: string): Promise<SignedCheckpoint[]> {
    return this.log.read(streamName);
  }

  check(streamName: string, stored: readonly RecordedEvent[], checkpoints: readonly SignedCheckpoint[]): CheckpointsCheck {
    return checkCheckpoints(streamName, stored, checkpoints, this.keys.published());
  }

  /**
   * The signed head of the stream as read (`stored` and its `checkpoints`, one snapshot): the newest checkpoint
   * when it already names this head, else a new one, signed and logged. Refused while the chain or an earlier
   * checkpoint does not hold. Returns the checkpoints including the new one.
   */
  async signHead(
    tenant: string,
    streamName: string,
    stored: readonly RecordedEvent[],
    checkpoints: SignedCheckpoint[],
  ): Promise<HeadSigning> {
    const verdict = headVerdict(streamName, stored, checkpoints, this.keys.published());
    if (verdict.kind === 'refused') return { signed: false, reason: verdict.reason, detail: verdict.detail };
    if (verdict.kind === 'covered') return { signed: true, checkpoint: verdict.checkpoint, checkpoints };
    const statement = checkpointStatement(tenant, verdict.head, this.clock.now().toISOString(), this.signer.keyId);
    const checkpoint = await signCheckpoint(this.signer, statement);
    await this.log.append(checkpoint);
    return { signed: true, checkpoint, checkpoints: [...checkpoints, checkpoint] };
  }

  /** Reads the stream as stored and its checkpoints, then `signHead`. */
  async signStream(tenant: string, streamName: string): Promise<HeadSigning> {
    const stored = (await readStreamIfExists(this.store, streamName, { direction: 'forwards' })) ?? [];
    return this.signHead(tenant, streamName, stored, await this.log.read(streamName));
  }
}
