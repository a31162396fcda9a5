/**
 * An attachment as the case desk describes it (issue 15's contract C3): intake gives each stored file an `id` and
 * the virus scan's verdict `scan`. Written by hand because the generated types (`api/generated/intake.d.ts`) lag
 * until intake's committed OpenAPI document is regenerated; once they carry `id` and `scan`, use those instead.
 * Attachments described before files were stored have neither, and are only described.
 */
export interface DeskAttachment {
  /** Null (or absent) for a file only described (a paper submission, events before files were stored). */
  id?: string | null;
  /** Null once the submitter's personal data was erased. */
  name: string | null;
  mediaType: string;
  size: number;
  scan?: 'pending' | 'clean' | 'infected' | null;
}

/**
 * What staff may do with it: download a clean file; wait while it is being scanned; nothing with an infected one
 * (intake refuses it, 409); a description without a stored file (or with its name erased) offers nothing either.
 */
export type AttachmentAvailability = 'download' | 'pending' | 'infected' | 'described';

export function attachmentAvailability(attachment: DeskAttachment): AttachmentAvailability {
  if (attachment.id == null || attachment.scan == null) return 'described';
  if (attachment.scan === 'infected') return 'infected';
  if (attachment.scan === 'pending') return 'pending';
  return attachment.name === null ? 'described' : 'download';
}

/** Where the console's proxy forwards the download to intake, with the person's session. */
export function attachmentDownloadPath(tenant: string, caseId: string, attachmentId: string): string {
  return `/api/intake/tenants/${encodeURIComponent(tenant)}/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

const KILOBYTE = 1024;
const MEGABYTE = KILOBYTE * KILOBYTE;

/** A file's size in words, in the reader's language: "12 байта", "850 килобайта", "2,4 megabytes". */
export function sizeInWords(bytes: number, language: string): string {
  const [amount, unit] =
    bytes < KILOBYTE ? [bytes, 'byte'] : bytes < MEGABYTE ? [bytes / KILOBYTE, 'kilobyte'] : [bytes / MEGABYTE, 'megabyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(amount);
}
