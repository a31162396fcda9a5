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

/** A scan's verdict on a pending file. */
export interface ScanVerdict {
  scan: 'clean' | 'infected';
  signature?: string;
  scannedAt: Date;
}

/**
 * The per-file records: one per stored object, written after the object. Two adapters: PostgreSQL
 * (`postgres-attachment-records.ts`, `intake.attachments`, wherever the event store is PostgreSQL) and
 * MongoDB (`mongo-attachment-records.ts`, `intake_attachments`).
 */
export abstract class AttachmentRecords {
  /** Writes the record once: a retry of the same registration finds it and leaves it as it is. */
  abstract save(record: AttachmentRecord): Promise<void>;

  abstract find(tenant: string, caseId: string, attachmentId: string): Promise<AttachmentRecord | null>;

  abstract ofCase(tenant: string, caseId: string): Promise<AttachmentRecord[]>;
  /** One record goes, after its object was deleted (GDPR art. 17). */
  abstract remove(id: string): Promise<void>;

  /** A scan's verdict on a file still pending; one that was decided stays decided. Returns the record as it stands. */
  abstract decide(id: string, verdict: ScanVerdict): Promise<AttachmentRecord | null>;
}
