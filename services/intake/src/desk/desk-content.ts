import {
  allows,
  type AttachmentMeta,
  type CaseAccess,
  type CaseEvent,
  type CaseFlag,
  type Instant,
  type LocalizedText,
} from '@civic/domain';

/** Whether staff may open a stored file: only once a scan found it clean (C3). */
export type AttachmentScan = 'pending' | 'clean' | 'infected';

/**
 * What an attachment is: a name null once the submitter's data was erased. A file the platform stored (a
 * citizen's upload) has its `id` (to download it) and its scan status; one only described (a registrar's
 * note of a paper enclosure) has `id` and `scan` null: there is no file to open.
 */
export interface DeskAttachment {
  id: string | null;
  name: string | null;
  mediaType: string;
  size: number;
  scan: AttachmentScan | null;
}

/** The stored files' scan status by attachment id (their records: attachment-records.ts). */
export type AttachmentScans = ReadonlyMap<string, AttachmentScan>;

/** How to reach the submitter; a field is absent when they did not give it. */
export interface DeskSubmitter {
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** Something written on the case, by the submitter or in answer to them. */
export interface DeskWriting {
  at: Instant;
  /** Null once the submitter's data was erased (crypto-shredding). */
  text: string | null;
  attachments: DeskAttachment[];
}

/**
 * A flag screening raised for a registrar's decision: the rule's code, why in both languages, the law or charter
 * clause, and the passages of the text that raised it (personal data, like the text: null once erased).
 */
export interface DeskFlag {
  at: Instant;
  code: string;
  reason: LocalizedText;
  source?: string;
  matched: string[] | null;
}

/** What the citizen wrote and who they are, for the staff who work the case (the domain's `caseAccess`). */
export interface DeskCaseContent {
  submission: DeskWriting;
  /**
   * Null when the submission was anonymous, when the data was erased, or when it is withheld from this
   * reader (`submitterWithheld`): a whistleblower's identity is for the designated officer only.
   */
  submitter: DeskSubmitter | null;
  submitterWithheld: boolean;
  /** The submitter's replies to requests for information, oldest first. */
  replies: DeskWriting[];
  /** The answers given, oldest first. */
  answers: DeskWriting[];
  /** The flags screening raised (`CaseFlagged`), for the registrar who decides on them; empty when none. */
  flags: DeskFlag[];
}

const attachmentsOf = (attachments: readonly AttachmentMeta[] | null | undefined, scans: AttachmentScans): DeskAttachment[] =>
  (attachments ?? []).map(({ id, name, mediaType, size }) => ({
    id: id ?? null,
    name: typeof name === 'string' ? name : null,
    mediaType,
    size,
    scan: id === undefined ? null : (scans.get(id) ?? null),
  }));

const writing = (
  at: Instant,
  text: string | null | undefined,
  attachments: readonly AttachmentMeta[] | null | undefined,
  scans: AttachmentScans = new Map(),
): DeskWriting => ({
  at,
  text: typeof text === 'string' ? text : null,
  attachments: attachmentsOf(attachments, scans),
});

/** The submitter's contacts only: never their tracking code (a bearer secret) or preferences. */
function contactsOf(submitter: Record<string, unknown> | null): DeskSubmitter | null {
  if (submitter === null || typeof submitter !== 'object') return null;
  const contacts: DeskSubmitter = {};
  for (const field of ['name', 'email', 'phone', 'address'] as const) {
    const value = submitter[field];
    if (typeof value === 'string' && value !== '') contacts[field] = value;
  }
  return Object.keys(contacts).length > 0 ? contacts : null;
}

const flagsOf = (at: Instant, flags: readonly CaseFlag[]): DeskFlag[] =>
  flags.map(({ code, reason, source, matched }) => ({
    at,
    code,
    reason,
    ...(source === undefined ? {} : { source }),
    // Absent: no passage raised it (e.g. `anonymous`); not an array: erased with the submitter's key.
    matched:
      matched === undefined
        ? []
        : Array.isArray(matched)
          ? matched.filter((passage): passage is string => typeof passage === 'string')
          : null,
  }));

/**
 * The case's content as this access allows: nothing below `content`; the submitter only with `full`; the
 * stored files with their scan status (`scans`).
 * The events are read through the case store, so personal fields are decrypted (or null once erased).
 */
export function deskContent(events: readonly CaseEvent[], access: CaseAccess, scans: AttachmentScans = new Map()): DeskCaseContent | null {
  if (!allows(access, 'content')) return null;
  const registered = events.find((event) => event.type === 'CaseRegistered');
  if (registered?.type !== 'CaseRegistered') return null;
  const identity = allows(access, 'full');
  const replies: DeskWriting[] = [];
  const answers: DeskWriting[] = [];
  const flags: DeskFlag[] = [];
  for (const event of events) {
    if (event.type === 'InformationProvided') replies.push(writing(event.metadata.occurredAt, event.data.text, event.data.attachments));
    if (event.type === 'CaseAnswered') answers.push(writing(event.metadata.occurredAt, event.data.text, event.data.attachments));
    if (event.type === 'CaseFlagged') flags.push(...flagsOf(event.metadata.occurredAt, event.data.flags));
  }
  const { data } = registered;
  return {
    submission: writing(data.receivedAt, data.text, data.attachments, scans),
    submitter: identity ? contactsOf(data.submitter as Record<string, unknown> | null) : null,
    submitterWithheld: !identity && data.submitterGiven,
    replies,
    answers,
    flags,
  };
}
