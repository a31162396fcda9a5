import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { GlobalPosition } from '@civic/event-store';
import type { RelayCheckpoints } from './relay-checkpoints';
import type { RelayLeases, StoredLease } from './relay-lease';
import type { RelayState } from './relay-state';

/** One document per relay name in `relay_leases`. */
export interface RelayLeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
  acquiredAt: Date;
}

/** One document per relay name in `relay_checkpoints`: the position of the last event Kafka acknowledged. */
export interface RelayCheckpointDocument {
  _id: string;
  position: GlobalPosition;
  owner: string;
  updatedAt: Date;
}

export const RELAY_LEASES_COLLECTION = 'relay_leases';
export const RELAY_CHECKPOINTS_COLLECTION = 'relay_checkpoints';
const DUPLICATE_KEY = 11000;

/** The relays' leases and checkpoints in MongoDB (FerretDB here), in the database given. */
export function mongoRelayState(db: Db): RelayState {
  return { leases: new MongoRelayLeases(db), checkpoints: new MongoRelayCheckpoints(db) };
}

/**
 * FerretDB has no transactions, so each step is one conditional single-document write. Acquiring updates where
 * (owner is me OR the lease expired), upserting: when someone else holds a live lease the filter matches
 * nothing, the upsert inserts the same `_id` and fails on the unique `_id` index (11000).
 */
export class MongoRelayLeases implements RelayLeases {
  private readonly collection: Collection<RelayLeaseDocument>;

  constructor(db: Db) {
    this.collection = db.collection<RelayLeaseDocument>(RELAY_LEASES_COLLECTION);
  }

  async acquire(relay: string, owner: string, now: Date, expiresAt: Date): Promise<boolean> {
    try {
      await this.collection.findOneAndUpdate(
        { _id: relay, $or: [{ owner }, { expiresAt: { $lte: now } }] },
        { $set: { owner, expiresAt, acquiredAt: now } },
        { upsert: true, returnDocument: 'after' },
      );
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
    return true;
  }

  async renew(relay: string, owner: string, expiresAt: Date): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: relay, owner }, { $set: { expiresAt } });
    return result.matchedCount === 1;
  }

  async release(relay: string, owner: string): Promise<void> {
    await this.collection.updateOne({ _id: relay, owner }, { $set: { expiresAt: new Date(0) } });
  }

  async find(relay: string): Promise<StoredLease | undefined> {
    const document = await this.collection.findOne({ _id: relay });
    return document ? { owner: document.owner, expiresAt: document.expiresAt } : undefined;
  }
}

export class MongoRelayCheckpoints implements RelayCheckpoints {
  private readonly collection: Collection<RelayCheckpointDocument>;

  constructor(db: Db) {
    this.collection = db.collection<RelayCheckpointDocument>(RELAY_CHECKPOINTS_COLLECTION);
  }

  async load(relay: string): Promise<GlobalPosition | undefined> {
    const document = await this.collection.findOne({ _id: relay });
    return document?.position;
  }

  async save(relay: string, position: GlobalPosition, owner: string): Promise<void> {
    await this.collection.updateOne({ _id: relay }, { $set: { position, owner, updatedAt: new Date() } }, { upsert: true });
  }
}
