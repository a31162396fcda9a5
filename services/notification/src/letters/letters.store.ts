import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { decryptValue, encryptValue, type EncryptedValue, type SubjectKeys } from '@civic/event-store';
import { SUBJECT_KEYS } from '@civic/platform';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';

export const LETTERS_COLLECTION = 'notification_letters';
const PATH = 'letter';

interface LetterDocument {
  /** The notification id: one letter per message. */
  _id: string;
  tenant: string;
  caseId: string;
  registryNumber: string;
  template: string;
  createdAt: Date;
  /** The PDF names the person and may quote them: sealed with their data-subject key, like their data in events. */
  dataSubjectId: string;
  pdf: Omit<EncryptedValue, '$enc'> & { alg: EncryptedValue['$enc'] };
}

export interface LetterSummary {
  notificationId: string;
  caseId: string;
  registryNumber: string;
  template: string;
  createdAt: Date;
}

/** A letter whose person was erased: it can no longer be read (crypto-shredding). */
export class LetterErasedError extends Error {
  constructor(readonly notificationId: string) {
    super(`The letter ${notificationId} belongs to a person whose data was erased`);
    this.name = 'LetterErasedError';
  }
}

/**
 * Printable letters kept for the registrar (`notification_letters`): posted answers and notices, and a copy
 * of every written answer. Encrypted with the submitter's data-subject key, so erasing the person makes
 * their letters unreadable too. Stored by notification id, so keeping it again changes nothing.
 */
@Injectable()
export class LettersStore implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeys,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.collection().createIndex({ tenant: 1, caseId: 1 });
  }

  /** Throws `SubjectErasedError` (from the key store) when the person was erased meanwhile. */
  async keep(
    letter: Omit<LetterSummary, 'notificationId'> & { notificationId: string; tenant: string; dataSubjectId: string; pdf: Buffer },
  ): Promise<void> {
    const key = await this.keys.getOrCreate(letter.dataSubjectId);
    // MongoDB field names must not start with `$`: the envelope's marker is stored as `alg`.
    const { $enc, ...sealed } = encryptValue(key, letter.pdf.toString('base64'), { subjectId: letter.dataSubjectId, path: PATH });
    await this.collection().updateOne(
      { _id: letter.notificationId },
      {
        $setOnInsert: {
          tenant: letter.tenant,
          caseId: letter.caseId,
          registryNumber: letter.registryNumber,
          template: letter.template,
          createdAt: letter.createdAt,
          dataSubjectId: letter.dataSubjectId,
          pdf: { alg: $enc, ...sealed },
        },
      },
      { upsert: true },
    );
  }

  async list(tenant: string, caseId: string): Promise<LetterSummary[]> {
    const documents = await this.collection()
      .find({ tenant, caseId }, { projection: { pdf: 0 } })
      .sort({ createdAt: 1 })
      .toArray();
    return documents.map((d) => ({
      notificationId: d._id,
      caseId: d.caseId,
      registryNumber: d.registryNumber,
      template: d.template,
      createdAt: d.createdAt,
    }));
  }

  /** The PDF, or undefined when there is no such letter for the case; `LetterErasedError` once the person was erased. */
  async pdf(tenant: string, caseId: string, notificationId: string): Promise<Buffer | undefined> {
    const document = await this.collection().findOne({ _id: notificationId, tenant, caseId });
    if (!document) return undefined;
    const key = await this.keys.find(document.dataSubjectId);
    if (!key) throw new LetterErasedError(notificationId);
    const { alg, ...rest } = document.pdf;
    const base64 = decryptValue(key, { $enc: alg, ...rest }, { subjectId: document.dataSubjectId, path: PATH });
    return Buffer.from(base64 as string, 'base64');
  }

  /**
   * Deletes the case's letters once its personal data were erased (GDPR art. 17): shredding the key already
   * made them unreadable, but a copy that cannot be read is still a copy. The number deleted (0 the second time).
   */
  async deleteForCase(tenant: string, caseId: string): Promise<number> {
    return (await this.collection().deleteMany({ tenant, caseId })).deletedCount;
  }

  private collection(): Collection<LetterDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db.collection<LetterDocument>(LETTERS_COLLECTION);
  }
}
