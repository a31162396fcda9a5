import type { Collection, Db } from 'mongodb';

export const ATTACHMENTS_COLLECTION = 'intake_attachments';

export type ScanStatus = 'pending' | 'clean' | 'infected';

/**
 * One stored file of a case. Nothing personal in clear: the file's name lives in the case's events,
 * encrypted with the submitter's key; the bytes in object storage, encrypted with the same key. The data
 * subject's id (an opaque UUID, as in every event's metadata) says whose key opens the object.
 */
export interface AttachmentRecord {
  /** The attachment's id (also in the event and the object key). */
  _id: string;
  tenant: string;
  caseId: string;
  dataSubjectId: string;
  /** `<tenant>/<caseId>/<attachmentId>` in the bucket. */
  objectKey: string;
  /** Detected from the content. */
  mediaType: string;
  size: number;
  sha256: string;
  scan: ScanStatus;
  /** When the scan that decided `scan` ran; absent while pending. */
  scannedAt?: Date;
  /** The signature ClamAV named, when infected. */
  signature?: string;
  storedAt: Date;
}

/** The per-file records in MongoDB (`intake_attachments`): one per stored object, written after the object. */
export class AttachmentRecords {
  constructor(private readonly records: Collection<AttachmentRecord>) {}

  static on(db: Db): AttachmentRecords {
    return new AttachmentRecords(db.collection<AttachmentRecord>(ATTACHMENTS_COLLECTION));
  }

  async ensureIndexes(): Promise<void> {
    await this.records.createIndex({ tenant: 1, caseId: 1 }, { name: 'tenant_case' });
    await this.records.createIndex({ dataSubjectId: 1 }, { name: 'data_subject' });
  }

  /** Writes the record once: a retry of the same registration finds it and leaves it as it is. */
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

  /** A scan's verdict on a file still pending; one that was decided stays decided. Returns the record as it stands. */
  async decide(id: string, verdict: { scan: 'clean' | 'infected'; signature?: string; scannedAt: Date }): Promise<AttachmentRecord | null> {
    await this.records.updateOne({ _id: id, scan: 'pending' }, { $set: verdict });
    return this.records.findOne({ _id: id });
  }
}
