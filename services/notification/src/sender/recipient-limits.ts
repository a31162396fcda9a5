import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { SERVICE_CONFIG } from '@civic/platform';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { NotificationConfig } from '../config';
import type { MessageId } from '../messages/catalog';

export const RECIPIENT_COUNTS_COLLECTION = 'notification_recipient_counts';

/** One address's messages of one bucket on one day: which notifications were let through. */
interface RecipientCount {
  /** `<bucket>:<address hash>:<YYYY-MM-DD>`. */
  _id: string;
  ids: string[];
  n: number;
  /** Two days after the day began: the TTL index removes the counter then. */
  expiresAt: Date;
}

export type LimitBucket = 'acknowledgement' | 'other';

/** An address as one mailbox or one handset: case and spaces do not make a second one. */
export function normalizedAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.includes('@') ? trimmed : trimmed.replace(/[^\d+]/g, '');
}

/**
 * The address never stored as such: a SHA-256 under a fixed label. It is not secret (an address one knows
 * can be hashed and looked for) but the collection is no list of addresses to read off either.
 */
export const addressKey = (address: string) =>
  createHash('sha256')
    .update(`civic-recipient:${normalizedAddress(address)}`)
    .digest('hex');

export type Admission = { admitted: true } | { admitted: false; reason: string };

/**
 * How many messages one address gets from the platform per day, across every municipality (issue 21 item 5):
 * a stranger who types a victim's address into fifty forms must not mail them fifty times under a
 * municipality's name. Acknowledgements of new cases have their own, smaller allowance; every other message
 * to a submitter counts in the second. Staff alerts (the staff directory's addresses) are not limited.
 * A message is counted once however often it is attempted (its notification id is kept), so a retry after
 * an SMTP failure never uses up the allowance.
 */
@Injectable()
export class RecipientLimits implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** The last day this process removed expired counters on; see `sweep`. */
  private sweptOn = '';

  async onModuleInit(): Promise<void> {
    try {
      await this.collection().createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    } catch {
      // FerretDB (the local servers) has no TTL indexes: a plain one, and `sweep` does the removing.
      await this.collection().createIndex({ expiresAt: 1 });
    }
  }

  /** Once a day per process: counters past their time go, with or without a TTL index. */
  private async sweep(day: string, now: Date): Promise<void> {
    if (this.sweptOn === day) return;
    this.sweptOn = day;
    await this.collection().deleteMany({ expiresAt: { $lt: now } });
  }

  static bucketOf(template: MessageId): LimitBucket {
    return template === 'acknowledgement' ? 'acknowledgement' : 'other';
  }

  limitOf(bucket: LimitBucket): number {
    return bucket === 'acknowledgement'
      ? this.config.NOTIFICATION_ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY
      : this.config.NOTIFICATION_MESSAGES_PER_ADDRESS_PER_DAY;
  }

  /** Lets one message to `address` through on the platform clock's day `now` (UTC), or says why not. */
  async admit(notificationId: string, template: MessageId, address: string, now: Date): Promise<Admission> {
    const bucket = RecipientLimits.bucketOf(template);
    const limit = this.limitOf(bucket);
    const day = now.toISOString().slice(0, 10);
    const _id = `${bucket}:${addressKey(address)}:${day}`;
    const counts = this.collection();
    await this.sweep(day, now);
    const expiresAt = new Date(Date.parse(`${day}T00:00:00.000Z`) + 2 * 86_400_000);
    await counts.updateOne({ _id }, { $setOnInsert: { ids: [], n: 0, expiresAt } }, { upsert: true });
    // Counted already (an earlier attempt of the same message), or counted now while under the limit.
    const taken = await counts.updateOne(
      { _id, ids: { $ne: notificationId }, n: { $lt: limit } },
      { $push: { ids: notificationId }, $inc: { n: 1 } },
    );
    if (taken.modifiedCount === 1) return { admitted: true };
    const found = await counts.findOne({ _id });
    if (found?.ids.includes(notificationId)) return { admitted: true };
    const what = bucket === 'acknowledgement' ? 'acknowledgements' : 'messages other than acknowledgements';
    return {
      admitted: false,
      // No date in it: the outbox blanks long runs of digits as phone numbers.
      reason: `recipient limit: ${limit} ${what} to this address were sent already that day (UTC); held, not sent (the case can be followed on the portal with its tracking code)`,
    };
  }

  private collection(): Collection<RecipientCount> {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db.collection<RecipientCount>(RECIPIENT_COUNTS_COLLECTION);
  }
}
