import type { Collection, Db } from 'mongodb';
import { AttachmentRecords, type AttachmentRecord, type ScanVerdict } from './attachment-records';

export const ATTACHMENTS_COLLECTION = 'intake_attachments';

/** The per-file records in MongoDB (`intake_attachments`). */
export class MongoAttachmentRecords extends AttachmentRecords {
  constructor(private readonly records: Collection<AttachmentRecord>) {
    super();
  }

  static on(db: Db): MongoAttachmentRecords {
    return new MongoAttachmentRecords(db.collection<AttachmentRecord>(ATTACHMENTS_COLLECTION));
  }

  async ensureIndexes(): Promise<void> {
    await this.records.createIndex({ tenant: 1, caseId: 1 }, { name: 'tenant_case' });
    await this.records.createIndex({ dataSubjectId: 1 }, { name: 'data_subject' });
  }

  async save(record: AttachmentRecord): Promise<void> {
    const { _id, ...fields } = record;
    await this.records.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
  }

  async find(tenant: string, caseId: string, attachmentId: string): Promise<AttachmentRecord | null> {
    return this.records.findOne({ _id: attachmentId, tenant, caseId });
  }

  async ofCase(tenant: string, caseId: string): Promise<AttachmentRecord[]> {
    return this.records.find({ tenant, caseId }).toArray();
  }

  async remove(id: string): Promise<void> {
    await this.records.deleteOne({ _id: id });
  }

  async decide(id: string, verdict: ScanVerdict): Promise<AttachmentRecord | null> {
    await this.records.updateOne({ _id: id, scan: 'pending' }, { $set: verdict });
    return this.records.findOne({ _id: id });
  }
}
