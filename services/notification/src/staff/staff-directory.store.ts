import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Role } from '@civic/domain';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';

export const STAFF_CONTACTS_COLLECTION = 'staff_contacts';

/** Where a member of staff is written to: their work e-mail address, kept by the tenant admin. */
export interface StaffContact {
  userId: string;
  email: string;
  /** The roles they are written to as (the secretary's alerts, the mayor's), besides their own messages. */
  roles: Role[];
  changedBy: string;
  changedAt: string;
}

interface StaffContactDocument extends StaffContact {
  /** `<tenant>/<userId>`: one contact per person and tenant. */
  _id: string;
  tenant: string;
}

/**
 * The tenant's staff directory (`staff_contacts`): real work addresses set by the tenant admin, so staff alerts
 * reach people, not made-up addresses. A document per person, replaced or deleted as a whole: an address is
 * personal data, and one that is removed is gone (no history of old addresses is kept).
 */
@Injectable()
export class StaffDirectory implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    await this.collection().createIndex({ tenant: 1, roles: 1 });
  }

  async list(tenant: string): Promise<StaffContact[]> {
    const documents = await this.collection().find({ tenant }).sort({ userId: 1 }).toArray();
    return documents.map(contactOf);
  }

  async get(tenant: string, userId: string): Promise<StaffContact | undefined> {
    const document = await this.collection().findOne({ _id: idOf(tenant, userId) });
    return document ? contactOf(document) : undefined;
  }

  async put(tenant: string, contact: StaffContact): Promise<StaffContact> {
    await this.collection().replaceOne({ _id: idOf(tenant, contact.userId) }, { tenant, ...contact }, { upsert: true });
    return contact;
  }

  /** Whether there was one to remove. */
  async remove(tenant: string, userId: string): Promise<boolean> {
    return (await this.collection().deleteOne({ _id: idOf(tenant, userId) })).deletedCount === 1;
  }

  /** The addresses of everyone written to as this role, in a stable order. */
  async emailsOfRole(tenant: string, role: Role): Promise<string[]> {
    const documents = await this.collection().find({ tenant, roles: role }).sort({ userId: 1 }).toArray();
    return documents.map((document) => document.email);
  }

  private collection(): Collection<StaffContactDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('MongoDB is not connected');
    return db.collection<StaffContactDocument>(STAFF_CONTACTS_COLLECTION);
  }
}

const idOf = (tenant: string, userId: string) => `${tenant}/${userId}`;

function contactOf({ userId, email, roles, changedBy, changedAt }: StaffContactDocument): StaffContact {
  return { userId, email, roles, changedBy, changedAt };
}
