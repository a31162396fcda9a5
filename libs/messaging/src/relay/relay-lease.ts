/**
 * "Exactly one relay publishes": a lease per relay name, kept in `RelayLeases` (MongoDB or PostgreSQL), where
 * every step is one atomic conditional write:
 *   - acquire: taken when the owner is me or the lease expired;
 *   - renew (every ttl/3): extended when the owner is me; no match means another owner took it;
 *   - release (on stop): expire it at once, so a standby takes over without waiting a whole ttl.
 * The holder also stops publishing once its own last successful renewal is older than the ttl, so a relay
 * cut off from the store steps down before a standby can acquire. Expiry uses the relays' clocks (never the
 * store's): keep the ttl far above their skew. A deposed relay may finish a send that was already in flight:
 * that is a duplicate, which at-least-once delivery allows and consumers remove by event id.
 */
export interface RelayLeases {
  /** One write: `owner` takes the lease when it holds it already or it expired by `now`. True when it holds it now. */
  acquire(relay: string, owner: string, now: Date, expiresAt: Date): Promise<boolean>;
  /** Moves the expiry when `owner` still holds the lease; false when another owner holds it. */
  renew(relay: string, owner: string, expiresAt: Date): Promise<boolean>;
  /** Expires the lease at once, when `owner` holds it. */
  release(relay: string, owner: string): Promise<void>;
  /** The stored lease, live or expired. */
  find(relay: string): Promise<StoredLease | undefined>;
}

export interface StoredLease {
  owner: string;
  expiresAt: Date;
}

export class RelayLease {
  private validUntil = 0;

  constructor(
    private readonly leases: RelayLeases,
    readonly relay: string,
    readonly owner: string,
    readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True when this owner now holds the lease. */
  async tryAcquire(): Promise<boolean> {
    const now = this.clock();
    if (!(await this.leases.acquire(this.relay, this.owner, new Date(now), new Date(now + this.ttlMs)))) return false;
    this.validUntil = now + this.ttlMs;
    return true;
  }

  /** False when another owner holds it now. */
  async renew(): Promise<boolean> {
    const now = this.clock();
    if (!(await this.leases.renew(this.relay, this.owner, new Date(now + this.ttlMs)))) {
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
    await this.leases.release(this.relay, this.owner);
  }

  /** Who holds it, for health pages and tests. */
  async holder(): Promise<StoredLease | undefined> {
    const lease = await this.leases.find(this.relay);
    return lease && lease.expiresAt.getTime() > this.clock() ? { owner: lease.owner, expiresAt: lease.expiresAt } : undefined;
  }
}
