import { MongoServerError, type Collection, type Db } from 'mongodb';

/**
 * "Exactly one relay publishes": a lease document per relay name in `relay_leases`. FerretDB has no
 * transactions, so everything is one conditional single-document write:
 *   - acquire: update where (owner is me OR the lease expired), upserting; when someone else holds a live lease
 *     the filter matches nothing, the upsert inserts the same `_id` and fails on the unique `_id` index (11000);
 *   - renew (every ttl/3): update where owner is me; no match means another owner took it;
 *   - release (on stop): expire it at once, so a standby takes over without waiting a whole ttl.
 * The holder also stops publishing once its own last successful renewal is older than the ttl, so a relay
 * cut off from MongoDB steps down before a standby can acquire. Expiry uses the relays' clocks: keep the ttl
 * far above their skew. A deposed relay may finish a send that was already in flight: that is a duplicate,
 * which at-least-once delivery allows and consumers remove by event id.
 */
export interface RelayLeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
  acquiredAt: Date;
}

export const RELAY_LEASES_COLLECTION = 'relay_leases';
const DUPLICATE_KEY = 11000;

export class RelayLease {
  private readonly collection: Collection<RelayLeaseDocument>;
  private validUntil = 0;

  constructor(
    db: Db,
    readonly relay: string,
    readonly owner: string,
    readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.collection = db.collection<RelayLeaseDocument>(RELAY_LEASES_COLLECTION);
  }

  /** True when this owner now holds the lease. */
  async tryAcquire(): Promise<boolean> {
    const now = this.clock();
    try {
      await this.collection.findOneAndUpdate(
        { _id: this.relay, $or: [{ owner: this.owner }, { expiresAt: { $lte: new Date(now) } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now + this.ttlMs), acquiredAt: new Date(now) } },
        { upsert: true, returnDocument: 'after' },
      );
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
    this.validUntil = now + this.ttlMs;
    return true;
  }

  /** False when another owner holds it now. */
  async renew(): Promise<boolean> {
    const now = this.clock();
    const result = await this.collection.updateOne(
      { _id: this.relay, owner: this.owner },
      { $set: { expiresAt: new Date(now + this.ttlMs) } },
    );
    if (result.matchedCount !== 1) {
      this.validUntil = 0;
      return false;
    }
    this.validUntil = now + this.ttlMs;
    return true;
  }

  /** Held by the last successful acquire or renewal, judged by this relay's clock. */
  isHeld(): boolean {
    return this.clock() < this.validUntil;
  }

  async release(): Promise<void> {
    this.validUntil = 0;
    await this.collection.updateOne({ _id: this.relay, owner: this.owner }, { $set: { expiresAt: new Date(0) } });
  }

  /** Who holds it, for health pages and tests. */
  async holder(): Promise<{ owner: string; expiresAt: Date } | undefined> {
    const document = await this.collection.findOne({ _id: this.relay });
    return document && document.expiresAt.getTime() > this.clock() ? { owner: document.owner, expiresAt: document.expiresAt } : undefined;
  }
}
