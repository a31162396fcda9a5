import type { AttachmentMeta } from '@civic/domain';
import type { SubjectKeys } from '@civic/event-store';
import type { FieldProblem } from '@civic/platform';
import { v5 as uuidV5 } from 'uuid';
import { AttachmentRecords, type AttachmentRecord } from './attachment-records';
import { AttachmentNotOpenedError } from './errors';
import { openObject, sealObject } from './object-cipher';
import type { ObjectStore } from './object-storage';
import { attachmentProblem, uploadField, type CheckedUpload } from './uploads';
import type { ScanOutcome, VirusScanner } from './virus-scanner';

/** A file that passed the checks, with what the scanner said of it: clean, or not known yet (the scanner was down). */
export interface ScannedUpload extends CheckedUpload {
  scan: Exclude<ScanOutcome, { status: 'infected' }>;
}

export interface StoreRequest {
  tenant: string;
  caseId: string;
  dataSubjectId: string;
  uploads: readonly ScannedUpload[];
  now: Date;
}

export interface OpenRequest {
  tenant: string;
  caseId: string;
  attachmentId: string;
  now: Date;
}

/** No stored file with this id on this case. */
export class AttachmentNotFoundError extends Error {
  constructor(readonly attachmentId: string) {
    super(`No stored file ${attachmentId} on this case`);
    this.name = 'AttachmentNotFoundError';
  }
}

/**
 * The id of a file of a registration: fixed by the case id (the idempotency record's) and the file's place
 * and content, so a retry of the same submission names the same object and writes nothing twice.
 */
export const attachmentIdOf = (caseId: string, upload: Pick<CheckedUpload, 'index' | 'sha256'>): string =>
  uuidV5(`${upload.index}:${upload.sha256}`, caseId);

export const objectKeyOf = (tenant: string, caseId: string, attachmentId: string): string => `${tenant}/${caseId}/${attachmentId}`;

/**
 * Citizens' files: scanned as plain bytes, encrypted with the submitter's data-subject key, stored in object
 * storage under `<tenant>/<caseId>/<attachmentId>`, and described by a record (attachment-records.ts).
 * Staff open a file only once it is clean; a pending one is scanned when first opened.
 */
export class AttachmentVault {
  constructor(
    private readonly objects: ObjectStore,
    private readonly scanner: VirusScanner,
    private readonly records: AttachmentRecords,
    private readonly keys: SubjectKeys,
  ) {}

  /**
   * Scans each file; an infected one is a problem next to it (`attachment-infected`), an unreachable scanner is
   * not: the files are kept pending. Once the scanner failed, the rest are not sent to it (each try may wait
   * for the scanner's whole timeout, and the citizen is waiting).
   */
  async scan(uploads: readonly CheckedUpload[]): Promise<{ scanned: ScannedUpload[]; problems: FieldProblem[] }> {
    const scanned: ScannedUpload[] = [];
    const problems: FieldProblem[] = [];
    let down: ScanOutcome | undefined;
    for (const upload of uploads) {
      const outcome = down ?? (await this.scanner.scan(upload.bytes));
      if (outcome.status === 'unavailable') down = outcome;
      if (outcome.status === 'infected') {
        problems.push(
          attachmentProblem(uploadField(upload.index), 'attachment-infected', `contains malware (${outcome.signature}); it was not stored`),
        );
      } else {
        scanned.push({ ...upload, scan: outcome });
      }
    }
    return { scanned, problems };
  }

  /**
   * Stores the files of a registration before its event names them: each object first, then its record, so a
   * record always has its object. A retry finds the records and stores nothing again. Returns them as the
   * event describes them.
   */
  async store(request: StoreRequest): Promise<AttachmentMeta[]> {
    const { tenant, caseId, dataSubjectId, now } = request;
    const key = request.uploads.length > 0 ? await this.keys.getOrCreate(dataSubjectId) : undefined;
    const described: AttachmentMeta[] = [];
    for (const upload of request.uploads) {
      const id = attachmentIdOf(caseId, upload);
      const objectKey = objectKeyOf(tenant, caseId, id);
      const existing = await this.records.find(tenant, caseId, id);
      if (!existing && key) {
        await this.objects.put(objectKey, sealObject(key, objectKey, upload.bytes));
        await this.records.save({
          _id: id,
          tenant,
          caseId,
          dataSubjectId,
          objectKey,
          mediaType: upload.mediaType,
          size: upload.size,
          sha256: upload.sha256,
          ...(upload.scan.status === 'clean' ? { scan: 'clean', scannedAt: now } : { scan: 'pending' }),
          storedAt: now,
        });
      } else if (existing?.scan === 'pending' && upload.scan.status === 'clean') {
        await this.records.decide(id, { scan: 'clean', scannedAt: now });
      }
      described.push({ id, name: upload.name, mediaType: upload.mediaType, size: upload.size, sha256: upload.sha256 });
    }
    return described;
  }

  /** The case's stored files by id, for the desk's content (their scan status). */
  async recordsOf(tenant: string, caseId: string): Promise<Map<string, AttachmentRecord>> {
    return new Map((await this.records.ofCase(tenant, caseId)).map((record) => [record._id, record]));
  }

  /**
   * Deletes the case's files and their records (GDPR art. 17): each object first, then its record, so an
   * interrupted erasure leaves records that a retry finds and finishes (deleting a missing object is no error).
   */
  async eraseCase(tenant: string, caseId: string): Promise<number> {
    const records = await this.records.ofCase(tenant, caseId);
    for (const record of records) {
      await this.objects.delete(record.objectKey);
      await this.records.remove(record._id);
    }
    return records.length;
  }

  /**
   * A file's plain bytes, for staff: refused while infected, once the submitter is erased, and while no scan
   * has found it clean; a pending file is scanned now, and the verdict kept.
   */
  async open(request: OpenRequest): Promise<{ bytes: Buffer; record: AttachmentRecord }> {
    const record = await this.records.find(request.tenant, request.caseId, request.attachmentId);
    if (!record) throw new AttachmentNotFoundError(request.attachmentId);
    if (record.scan === 'infected') throw new AttachmentNotOpenedError('AttachmentInfected');
    const key = await this.keys.find(record.dataSubjectId);
    if (!key) throw new AttachmentNotOpenedError('AttachmentErased');
    const sealed = await this.objects.get(record.objectKey);
    if (!sealed) throw new Error(`attachment ${record._id} has a record but no object at ${record.objectKey}`);
    const bytes = openObject(key, record.objectKey, sealed);
    if (record.scan === 'clean') return { bytes, record };

    const outcome = await this.scanner.scan(bytes);
    if (outcome.status === 'unavailable') throw new AttachmentNotOpenedError('AttachmentNotScanned');
    const verdict = outcome.status === 'clean' ? { scan: 'clean' as const } : { scan: 'infected' as const, signature: outcome.signature };
    const decided = (await this.records.decide(record._id, { ...verdict, scannedAt: request.now })) ?? record;
    if (decided.scan !== 'clean') throw new AttachmentNotOpenedError('AttachmentInfected');
    return { bytes, record: decided };
  }
}
