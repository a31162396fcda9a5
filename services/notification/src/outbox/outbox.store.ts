import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { NotificationChannel, NotificationRecipient } from '@civic/domain';
import { MongoServerError, type Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { MessageId } from '../messages/catalog';

const DUPLICATE_KEY = 11000;
export const OUTBOX_COLLECTION = 'notification_outbox';
const NEVER = new Date(0);

/**
 * pending: to be sent; sent / failed: the outcome (recorded on the case once `recorded`); skipped: nothing
 * could be sent and nothing recorded (the person's data was erased before it went out); held: waits, unsent
 * and unrecorded, until the submitter confirms their address (`skipReason` says so), then pending again.
 */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped' | 'held';

/** One message owed, by id. Nothing personal: addresses and texts are read from the case when it is sent. */
export interface OutboxEntry {
  /** The notification id: (triggering event, recipient, template), so the same message is never queued twice. */
  _id: string;
  tenant: string;
  caseId: string;
  registryNumber: string;
  /** The case's data subject (a pseudonymous UUID): a failure's error is encrypted under it on the case. */
  dataSubjectId: string | null;
  triggeredBy: string;
  triggerType: string;
  correlationId: string;
  template: MessageId;
  recipient: NotificationRecipient;
  channel: NotificationChannel;
  status: OutboxStatus;
  /** The outcome is on the case's stream (NotificationSent / NotificationFailed). */
  recorded: boolean;
  /** Work remains (send, or record the outcome): what the sender looks for. */
  todo: boolean;
  attempts: number;
  /** Wall-clock times: they schedule the machine's work, not the case's. */
  nextAttemptAt: Date;
  leaseUntil: Date;
  leaseOwner: string | null;
  /** Business times, from the platform's clock. */
  createdAt: Date;
  sentAt?: Date;
  failedAt?: Date;
  /** The last error with e-mail addresses and phone numbers blanked out. */
  lastError?: string;
  skipReason?: string;
  /** A letter (PDF) was kept for this message: for post, and with every written answer. */
  letter?: boolean;
}

export type NewOutboxEntry = Pick<
  OutboxEntry,
  | '_id'
  | 'tenant'
  | 'caseId'
  | 'registryNumber'
  | 'dataSubjectId'
  | 'triggeredBy'
  | 'triggerType'
  | 'correlationId'
  | 'template'
  | 'recipient'
  | 'channel'
>;

/** Addresses and phone numbers out of an error before it is kept in plain text (the case keeps it encrypted). */
export function redactContacts(text: string): string {
  return text.replace(/[^\s<>"',;:()]+@[^\s<>"',;:()]+/g, '<address>').replace(/\+?\d(?:[\s/()-]?\d){7,}/g, '<number>');
}

/**
 * The outbox in MongoDB (`notification_outbox`): the consumer only inserts (by notification id, so a
 * redelivered event adds nothing); the sender claims due entries with a lease, sends, and records.
 * Every state change is conditional on holding the lease, so an instance that lost it changes nothing.
 */
@Injectable()
export class OutboxStore implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    const outbox = this.collection();
    await outbox.createIndex({ todo: 1, nextAttemptAt: 1 });
    await outbox.createIndex({ tenant: 1, status: 1 });
    await outbox.createIndex({ caseId: 1 });
  }

  /** Queues a message; false when it was queued before (a redelivery). */
  async enqueue(entry: NewOutboxEntry, now: Date): Promise<boolean> {
    try {
      await this.collection().insertOne({
        ...entry,
        status: 'pending',
        recorded: false,
        todo: true,
        attempts: 0,
        nextAttemptAt: new Date(),
        leaseUntil: NEVER,
        leaseOwner: null,
        createdAt: now,
      });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  /** Takes the next due entry for `leaseMs`, or none. */
  async claim(owner: string, leaseMs: number): Promise<OutboxEntry | null> {
    const wallNow = new Date();
    return this.collection().findOneAndUpdate(
      { todo: true, nextAttemptAt: { $lte: wallNow }, leaseUntil: { $lte: wallNow } },
      { $set: { leaseOwner: owner, leaseUntil: new Date(wallNow.getTime() + leaseMs) } },
      { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
    );
  }

  /** Changes an entry this owner holds; false when the lease was lost (another instance has it now). */
  async update(id: string, owner: string, set: Partial<OutboxEntry>): Promise<boolean> {
    const result = await this.collection().updateOne({ _id: id, leaseOwner: owner }, { $set: set });
    return result.matchedCount === 1;
  }

  /** After a restart: the SMTP server took these (the local journal says so), whatever the outbox says. */
  async markAcceptedBeforeCrash(id: string, now: Date): Promise<boolean> {
    const result = await this.collection().updateOne(
      { _id: id, status: 'pending' },
      {
        $set: { status: 'sent', sentAt: now, todo: true, nextAttemptAt: new Date(), leaseUntil: NEVER, leaseOwner: null },
        $inc: { attempts: 1 },
      },
    );
    return result.modifiedCount === 1;
  }

  get(id: string): Promise<OutboxEntry | null> {
    return this.collection().findOne({ _id: id });
  }

  /** The tenant's messages that failed for good, newest first: the registrar's list. */
  failed(tenant: string, limit = 500): Promise<OutboxEntry[]> {
    return this.collection().find({ tenant, status: 'failed' }).sort({ failedAt: -1 }).limit(limit).toArray();
  }

  /** How many messages failed for good, per tenant and channel (indexed by tenant and status): the ops figure. */
  async failedCounts(): Promise<{ tenant: string; channel: NotificationChannel; count: number }[]> {
    const groups = await this.collection()
      .aggregate<{ _id: { tenant: string; channel: NotificationChannel }; count: number }>([
        { $match: { status: 'failed' } },
        { $group: { _id: { tenant: '$tenant', channel: '$channel' }, count: { $sum: 1 } } },
      ])
      .toArray();
    return groups.map(({ _id, count }) => ({ tenant: _id.tenant, channel: _id.channel, count }));
  }

  /** Sends a failed message again from the first attempt (a registrar fixed the address or the mail server). */
  async retry(tenant: string, id: string): Promise<OutboxEntry | null> {
    return this.collection().findOneAndUpdate(
      { _id: id, tenant, status: 'failed' },
      {
        $set: {
          status: 'pending',
          recorded: false,
          todo: true,
          attempts: 0,
          nextAttemptAt: new Date(),
          leaseUntil: NEVER,
          leaseOwner: null,
        },
      },
      { returnDocument: 'after' },
    );
  }

  /**
   * The case's personal data were erased (GDPR art. 17): a message to the submitter that has not gone out
   * never will (`skipped`, as when the sender finds the person erased), and the plain-text error kept beside
   * each of their messages goes (blanked, it may still quote them; the case's encrypted copy went with the
   * key). Staff's messages stay as they are. How many entries changed: 0 when done before.
   */
  async eraseSubmitter(tenant: string, caseId: string): Promise<number> {
    const submitters = { tenant, caseId, 'recipient.kind': 'submitter' };
    const cancelled = await this.collection().updateMany(
      { ...submitters, status: { $in: ['pending', 'held'] } },
      // Taking the lease away too: a sender holding it can no longer mark the entry (its update is conditional).
      { $set: { status: 'skipped', skipReason: 'erased', todo: false, leaseUntil: NEVER, leaseOwner: null } },
    );
    const blanked = await this.collection().updateMany({ ...submitters, lastError: { $exists: true } }, { $unset: { lastError: '' } });
    return cancelled.modifiedCount + blanked.modifiedCount;
  }

  /** The submitter confirmed their address: what waited for it is due now. How many entries. */
  async releaseHeld(tenant: string, caseId: string): Promise<number> {
    const result = await this.collection().updateMany(
      { tenant, caseId, 'recipient.kind': 'submitter', status: 'held' },
      {
        $set: { status: 'pending', todo: true, nextAttemptAt: new Date(), leaseUntil: NEVER, leaseOwner: null },
        $unset: { skipReason: '' },
      },
    );
    return result.modifiedCount;
  }

  forCase(tenant: string, caseId: string): Promise<OutboxEntry[]> {
    return this.collection().find({ tenant, caseId }).sort({ createdAt: 1 }).toArray();
  }

  private collection(): Collection<OutboxEntry> {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db.collection<OutboxEntry>(OUTBOX_COLLECTION);
  }
}
