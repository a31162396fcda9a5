import { Inject, Injectable } from '@nestjs/common';
import { foldOpen311Clients, keysInUse, open311ClientsStreamName, type Open311ClientKey } from '@civic/domain';
import { readStreamIfExists, type EventStore } from '@civic/event-store';
import { EVENT_STORE } from '@civic/platform';

/** How long a tenant's issued keys are trusted before its stream is read again: a revocation holds everywhere within it. */
const FRESH_MS = 1_000;

/** The keys issued to a municipality's Open311 clients through the API, from `open311clients-<tenant>`. */
@Injectable()
export class IssuedOpen311Keys {
  private readonly cache = new Map<string, { at: number; keys: Promise<Open311ClientKey[]> }>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every key issued, revoked or not, as recorded. */
  async all(tenant: string): Promise<Open311ClientKey[]> {
    const recorded = (await readStreamIfExists(this.store, open311ClientsStreamName(tenant))) ?? [];
    return foldOpen311Clients(recorded).keys;
  }

  /** The SHA-256 of each key in use, read at most once a second per tenant. */
  async digests(tenant: string, now = Date.now()): Promise<Buffer[]> {
    let cached = this.cache.get(tenant);
    if (!cached || now - cached.at >= FRESH_MS) {
      cached = { at: now, keys: this.all(tenant).then((keys) => keysInUse({ keys })) };
      cached.keys.catch(() => this.cache.delete(tenant));
      this.cache.set(tenant, cached);
    }
    return (await cached.keys).map((key) => Buffer.from(key.digest, 'hex'));
  }

  /** After a change by this instance: read again on the next request. */
  forget(tenant: string): void {
    this.cache.delete(tenant);
  }
}
