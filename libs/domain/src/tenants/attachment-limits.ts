import { z } from 'zod';
import type { TenantCharter } from './charter.schema';

/**
 * What a citizen may attach to a submission: how many files, how large each, and of which types. The
 * types are the platform's (what staff can open safely and a municipality files: documents, scans,
 * photos, spreadsheets); the counts are the tenant's, from its charter, else the defaults below.
 */
export interface AttachmentLimits {
  maxFiles: number;
  maxBytesPerFile: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFiles: 5, maxBytesPerFile: 10 * 1024 * 1024 };

/** The most any charter may allow: the platform's upload parser is sized from these. */
export const ATTACHMENT_LIMITS_CEILING: AttachmentLimits = { maxFiles: 20, maxBytesPerFile: 50 * 1024 * 1024 };

/** The media types a file may have, judged by its content (never by its name or the sender's word). */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/heif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export const isAttachmentMediaType = (mediaType: string): mediaType is AttachmentMediaType =>
  (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(mediaType);

/** A charter's own limits, where it sets them (with the clause or decision they come from). */
export const attachmentLimitsSchema = z
  .object({
    maxFiles: z.number().int().min(1).max(ATTACHMENT_LIMITS_CEILING.maxFiles),
    maxBytesPerFile: z.number().int().min(1024).max(ATTACHMENT_LIMITS_CEILING.maxBytesPerFile),
    source: z.string().min(1),
  })
  .strict();

/** The tenant's limits: its charter's, else the defaults (5 files, 10 MB each). */
export function attachmentLimitsOf(charter: Pick<TenantCharter, 'attachments'>): AttachmentLimits {
  const own = charter.attachments;
  return own ? { maxFiles: own.maxFiles, maxBytesPerFile: own.maxBytesPerFile } : { ...DEFAULT_ATTACHMENT_LIMITS };
}
