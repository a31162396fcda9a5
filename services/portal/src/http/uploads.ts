import type { Request, Response } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import type { Problem } from '../i18n';
import type { AttachmentLimits } from '../intake/public-api';
import type { UploadedFile } from '../forms/submission-form';

/** The most any upload may be, whatever a tenant allows: beyond it the request is cut short. */
export const HARD_LIMITS = { maxFiles: 20, maxBytesPerFile: 50_000_000 } as const;

interface StoredFile extends Express.Multer.File {
  tooLarge: boolean;
}

/**
 * Memory storage that keeps at most `maxBytes` of a file: a file over the tenant's limit is read to its end (so
 * the rest of the form arrives) but its bytes are dropped, and it is marked too large, for a message next to the
 * field rather than a broken request.
 */
class BoundedMemoryStorage implements StorageEngine {
  constructor(private readonly maxBytes: number) {}

  _handleFile(_req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<StoredFile>) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    file.stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= this.maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    file.stream.on('error', (error) => callback(error));
    file.stream.on('end', () => {
      const tooLarge = size > this.maxBytes;
      callback(null, { buffer: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), size, tooLarge });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    (file as { buffer?: Buffer }).buffer = undefined;
    callback(null);
  }
}

export type Uploads = { files: UploadedFile[]; problem?: Problem };

/**
 * Reads a multipart form (multer, in memory): its fields into `req.body`, its files named `attachments` within the
 * tenant's limits (C2). A request past the hard limits ends with a problem on the field, and the fields read
 * before it kept, so the form can be shown again.
 */
/**
 * multer (busboy) reads a part's file name as Latin-1, while browsers send UTF-8: "снимка.pdf" would arrive as
 * mojibake. Re-read as UTF-8 when that decodes cleanly; a name that does not is kept as it came.
 */
export function utf8FileName(name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}

export function readUploads(req: Request, res: Response, limits: AttachmentLimits): Promise<Uploads> {
  const maxFiles = Math.min(limits.maxFiles, HARD_LIMITS.maxFiles);
  const upload = multer({
    storage: new BoundedMemoryStorage(Math.min(limits.maxBytesPerFile, HARD_LIMITS.maxBytesPerFile)),
    limits: { files: maxFiles, fileSize: HARD_LIMITS.maxBytesPerFile, fields: 40, fieldSize: 256_000, parts: 40 + maxFiles },
  }).array('attachments');
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      const files = ((req.files as StoredFile[] | undefined) ?? []).map((file) => ({
        name: utf8FileName(file.originalname),
        mediaType: file.mimetype,
        size: file.size,
        buffer: file.buffer,
        tooLarge: file.tooLarge,
      }));
      if (!error) return resolve({ files });
      if (!(error instanceof MulterError)) return reject(error);
      req.body ??= {};
      if (error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE') {
        return resolve({ files: [], problem: { field: 'attachments', key: 'filesTooMany', args: [limits.maxFiles] } });
      }
      if (error.code === 'LIMIT_FILE_SIZE') {
        return resolve({ files: [], problem: { field: 'attachments', key: 'filesTooLarge' } });
      }
      resolve({ files: [], problem: { field: 'summary', key: 'notAccepted', detail: error.message } });
    });
  });
}

export const isMultipart = (req: Request): boolean => (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
