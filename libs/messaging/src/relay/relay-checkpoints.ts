import type { Collection, Db } from 'mongodb';
import type { GlobalPosition } from '@civic/event-store';

/** One document per relay name in `relay_checkpoints`: the position of the last event Kafka acknowledged. */
export interface RelayCheckpointDocument {
  _id: string;
  position: GlobalPosition;
  owner: string;
  updatedAt: Date;
}

export const RELAY_CHECKPOINTS_COLLECTION = 'relay_checkpoints';

export class RelayCheckpoints {
  private readonly collection: Collection<RelayCheckpointDocument>;

  constructor(db: Db) {
    this.collection = db.collection<RelayCheckpointDocument>(RELAY_CHECKPOINTS_COLLECTION);
  }

  async load(relay: string): Promise<GlobalPosition | undefined> {
    const document = await this.collection.findOne({ _id: relay });
    return document?.position;
  }

  /** Written only after Kafka acknowledged everything up to `position`, so a restart never skips an event. */
  async save(relay: string, position: GlobalPosition, owner: string): Promise<void> {
    await this.collection.updateOne({ _id: relay }, { $set: { position, owner, updatedAt: new Date() } }, { upsert: true });
  }
}
