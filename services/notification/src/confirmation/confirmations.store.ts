import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { SERVICE_CONFIG } from '@civic/platform';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { NotificationConfig } from '../config';
import { addressKey } from '../sender/recipient-limits';

export const CONFIRMATIONS_COLLECTION = 'contact_confirmations';

/** A confirmation link sent (`token:<sha-256 of the token>`), or a confirmed address of a case (`confirmed:<case>:<address key>`). */
interface ConfirmationDoc {
  _id: string;
  tenant: string;
  caseId: string;
  addressKey: string;
  /** Tokens only: after this the link confirms nothing. */
  expiresAt?: Date;
  confirmedAt?: Date;
}

/** A token as issued: 32 random bytes, base64url (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const tokenId = (token: string) => `token:${createHash('sha256').update(token).digest('hex')}`;
const confirmedId = (caseId: string, key: string) => `confirmed:${caseId}:${key}`;

export type ConfirmOutcome = { outcome: 'confirmed'; tenant: string; caseId: string } | { outcome: 'unknown' } | { outcome: 'expired' };

/**
 * Confirmation of a submitter's address (issue 21 item 5): the acknowledgement to an address nobody confirmed
 * carries a link with a random token; only the token's hash is kept, with the case and the address's key,
 * for `CONTACT_CONFIRMATION_DAYS`. Following the link (the portal's page POSTs the token) marks the address
 * confirmed for that case, and only for the address the token was sent to: a changed address needs its own.
 * Kept beside the outbox, not on the case: it is a fact about a delivery route, not about the proceedings,
 * and the case's NotificationSent events already show where each message went.
 */
@Injectable()
export class ContactConfirmations implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.collection().createIndex({ caseId: 1 });
  }

  /** Whether links are sent and messages held at all: only with a page to confirm on (`CONTACT_CONFIRMATION_URL`). */
  get enabled(): boolean {
    return Boolean(this.config.CONTACT_CONFIRMATION_URL);
  }

  /** A new token for `address` on the case, valid for the configured days from `now`; its link. */
  async issue(tenant: string, caseId: string, address: string, now: Date): Promise<string | null> {
    const url = this.config.CONTACT_CONFIRMATION_URL;
    if (!url) return null;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.CONTACT_CONFIRMATION_DAYS * 86_400_000);
    await this.collection().insertOne({ _id: tokenId(token), tenant, caseId, addressKey: addressKey(address), expiresAt });
    return url.replace(/\{tenant\}/g, encodeURIComponent(tenant)).replace(/\{token\}/g, token);
  }

  /** Confirms the address a token was sent to; the same token again confirms again (harmless), until it expires. */
  async confirm(tenant: string, token: string, now: Date): Promise<ConfirmOutcome> {
    const found = await this.collection().findOne({ _id: tokenId(token), tenant });
    if (!found) return { outcome: 'unknown' };
    if (!found.expiresAt || found.expiresAt.getTime() <= now.getTime()) return { outcome: 'expired' };
    await this.collection().updateOne(
      { _id: confirmedId(found.caseId, found.addressKey) },
      { $setOnInsert: { tenant, caseId: found.caseId, addressKey: found.addressKey, confirmedAt: now } },
      { upsert: true },
    );
    return { outcome: 'confirmed', tenant, caseId: found.caseId };
  }

  async isConfirmed(caseId: string, address: string): Promise<boolean> {
    return (await this.collection().countDocuments({ _id: confirmedId(caseId, addressKey(address)) })) > 0;
  }

  /** The person was erased (GDPR art. 17): nothing of their address stays, hashed or not. */
  async eraseCase(caseId: string): Promise<number> {
    return (await this.collection().deleteMany({ caseId })).deletedCount;
  }

  private collection(): Collection<ConfirmationDoc> {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db.collection<ConfirmationDoc>(CONFIRMATIONS_COLLECTION);
  }
}
