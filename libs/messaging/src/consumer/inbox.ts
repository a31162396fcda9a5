import { MongoServerError, type Collection, type Db } from 'mongodb';

/**
 * The events a consumer group has handled successfully, by event id: a redelivered or duplicated event is
 * skipped. Recorded AFTER the handler succeeds, so a crash between the two means the handler runs again on
 * redelivery: handlers must be idempotent writers themselves (append with an expected revision or a
 * deterministic event id, read models that store the position they have seen). The inbox turns the common
 * duplicates (relay re-sends, rebalances) into no-ops; the handler's own idempotency covers that last gap.
 */
export interface Inbox {
  has(eventId: string): Promise<boolean>;
  record(eventId: string, where: InboxEntryOrigin): Promise<void>;
}

export interface InboxEntryOrigin {
  type: string;
  topic: string;
  partition: number;
  offset: string;
}

interface InboxDocument extends InboxEntryOrigin {
  _id: string;
  handledAt: Date;
}

const DUPLICATE_KEY = 11000;

/** One collection per consumer group, `inbox_<group>`, keyed by event id (`_id` is unique by nature). */
export class MongoInbox implements Inbox {
  private readonly collection: Collection<InboxDocument>;

  constructor(
    db: Db,
    readonly group: string,
  ) {
    this.collection = db.collection<InboxDocument>(inboxCollectionName(group));
  }

  async has(eventId: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: eventId }, { limit: 1 })) > 0;
  }

  async record(eventId: string, where: InboxEntryOrigin): Promise<void> {
    try {
      await this.collection.insertOne({ _id: eventId, ...where, handledAt: new Date() });
    } catch (error) {
      // Another member of the group handled it during a rebalance: it is recorded, which is all we want.
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return;
      throw error;
    }
  }

  /**
   * Forgets entries handled before `before`. Safe once Kafka can no longer redeliver them (older than the
   * topic's retention and the relay's possible re-send window).
   */
  async prune(before: Date): Promise<number> {
    return (await this.collection.deleteMany({ handledAt: { $lt: before } })).deletedCount;
  }
}

export function inboxCollectionName(group: string): string {
  return `inbox_${group}`;
}
