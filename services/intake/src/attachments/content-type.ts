import { isAttachmentMediaType, type AttachmentMediaType } from '@civic/domain';
import { fromBuffer } from 'file-type';

/** What a file's bytes say it is: an accepted type, or why it is refused (the C1 codes). */
export type ContentVerdict =
  | { ok: true; mediaType: AttachmentMediaType }
  | { ok: false; code: 'attachment-empty' }
  | { ok: false; code: 'attachment-type-not-allowed'; detected: string | null };

/** C0 controls but tab, LF and CR; DEL; C1 controls: no plain text a person writes has them. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Plain text: valid UTF-8 (a byte-order mark allowed) without control characters other than tab, CR and LF. */
export function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !CONTROL_CHARACTERS.test(text);
}

/**
 * Judges a file by its content alone: its name and the sender's Content-Type say nothing (a program named
 * `letter.pdf` is a program). file-type reads the signature (and, for ZIP-based office files, the entries
 * inside); what it does not recognise is accepted only as plain UTF-8 text.
 */
export async function judgeContent(bytes: Buffer): Promise<ContentVerdict> {
  if (bytes.length === 0) return { ok: false, code: 'attachment-empty' };
  const detected = await fromBuffer(bytes);
  if (detected) {
    return isAttachmentMediaType(detected.mime)
      ? { ok: true, mediaType: detected.mime }
      : { ok: false, code: 'attachment-type-not-allowed', detected: detected.mime };
  }
  return isPlainText(bytes) ? { ok: true, mediaType: 'text/plain' } : { ok: false, code: 'attachment-type-not-allowed', detected: null };
}
