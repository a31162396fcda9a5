import { createHash } from 'node:crypto';
import type { AttachmentLimits, AttachmentMediaType } from '@civic/domain';
import type { FieldProblem } from '@civic/platform';
import { judgeContent } from './content-type';

/** A file as it arrived: the name the sender gave it and its bytes. */
export interface Upload {
  name: string;
  bytes: Buffer;
}

/** A file that passed the checks by content: what it is, how large, and its SHA-256 (hex). */
export interface CheckedUpload {
  /** Its place among the request's files: `attachments[index]` in problems, and part of its id. */
  index: number;
  name: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/** The machine codes of C1, on the error item of each refused file. */
export type AttachmentProblemCode =
  | 'attachment-too-large'
  | 'attachment-type-not-allowed'
  | 'attachment-empty'
  | 'attachment-infected'
  | 'too-many-attachments';

export const uploadField = (index: number): string => `attachments[${index}]`;

export const attachmentProblem = (field: string, code: AttachmentProblemCode, reason: string): FieldProblem => ({ field, reason, code });

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * The checks every file passes before it is scanned and stored: the tenant's count and size, then the type
 * by content. Every refused file is named (`attachments[i]`), with its code; the count as `attachments`.
 */
export async function checkUploads(
  uploads: readonly Upload[],
  limits: AttachmentLimits,
): Promise<{ accepted: CheckedUpload[]; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  if (uploads.length > limits.maxFiles) {
    problems.push(
      attachmentProblem('attachments', 'too-many-attachments', `at most ${limits.maxFiles} files; ${uploads.length} were sent`),
    );
  }
  const accepted: CheckedUpload[] = [];
  for (const [index, upload] of uploads.entries()) {
    const field = uploadField(index);
    const size = upload.bytes.length;
    if (size > limits.maxBytesPerFile) {
      problems.push(
        attachmentProblem(field, 'attachment-too-large', `is ${megabytes(size)}; at most ${megabytes(limits.maxBytesPerFile)} per file`),
      );
      continue;
    }
    const verdict = await judgeContent(upload.bytes);
    if (!verdict.ok) {
      problems.push(
        verdict.code === 'attachment-empty'
          ? attachmentProblem(field, 'attachment-empty', 'is empty')
          : attachmentProblem(
              field,
              'attachment-type-not-allowed',
              'is not a file of an accepted type (PDF, JPEG, PNG, WebP, GIF, HEIC, DOCX, XLSX, ODT, ODS or plain UTF-8 text), judged by its content',
            ),
      );
      continue;
    }
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    accepted.push({ index, name: upload.name, mediaType: verdict.mediaType, size, sha256, bytes: upload.bytes });
  }
  return { accepted, problems };
}

/** C0/C1 controls and the characters Windows and Unix refuse in names. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAMES = /[\u0000-\u001F\u007F-\u009F<>:"|?*]/g;
const MAX_NAME_LENGTH = 255;

/**
 * The name to keep for a file: the last part of what the sender gave (browsers may send a path), without
 * control or reserved characters, at most 255 characters (keeping the extension), `file-<n>` if nothing is left.
 * multer (busboy) reads a raw `filename="…"` as Latin-1; a browser sends it as UTF-8, so such a name is
 * read again as UTF-8 when its bytes are valid UTF-8.
 */
export function fileNameOf(sent: string, index: number): string {
  const utf8 = reinterpretedAsUtf8(sent);
  const base = utf8.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(UNSAFE_IN_NAMES, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return `file-${index + 1}`;
  if (clean.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

function reinterpretedAsUtf8(name: string): string {
  // Only a name wholly within Latin-1 (as busboy decodes) that has bytes beyond ASCII may be UTF-8 misread.
  if (!/[\u0080-\u00FF]/.test(name) || /[\u0100-\uFFFF]/.test(name)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}
