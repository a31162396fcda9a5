/**
 * Schema version 2 of the event types that have one, each FROZEN once shipped. `CaseRegistered`: v2 groups the submitter's personal data in one
 * object (so the event store can encrypt exactly that field per data subject) and records the case's
 * language. Stored v1 events are turned into this shape by `upcast` (upcast.ts).
 */
import type { Channel, Instant, IsoDate, Kind, Language, Official } from '../shared/vocabulary';
import type { AttachmentMeta, CaseEventEnvelope } from './envelope';
import type { Role } from './roles';

/** The person behind a submission. Every field is personal data (АПК чл. 108(2): nobody is persecuted for submitting). */
export interface CaseSubmitter {
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
  preferredChannel?: Channel;
  /** The language to write to them in. */
  language: Language;
  /**
   * The citizen's private code to follow the case (intake's `/public/{tenant}/cases/{code}`), so the
   * acknowledgement can carry it. A bearer secret: kept here because this object is encrypted with the
   * person's key and erased with it; never shown to staff or auditors. Issued by intake before
   * registration (the decider only carries it). Added after v2 shipped, optional: absent on older events,
   * on anonymous submissions, and on staff registrations without any contact.
   */
  trackingCode?: string;
}

export type CaseRegisteredV2 = CaseEventEnvelope<
  'CaseRegistered',
  {
    kind: Kind;
    channel: Channel;
    receivedAt: Instant;
    registryNumber: string;
    category: string | null;
    /** null: anonymous (nobody given at all). Whether a partial identity counts as anonymous is screening's call. */
    submitter: CaseSubmitter | null;
    /**
     * Not personal, so it survives crypto-shredding: replays after erasure still know someone was there
     * to be told about a redirect or a decision.
     */
    submitterGiven: boolean;
    text: string;
    attachments: AttachmentMeta[];
    healthSafetyThreat: boolean;
    violationDate: IsoDate | null;
    /** The language the submission is written in. */
    language: Language;
    /** The official who received it in person (reception days, meetings with the leadership); added after v2 shipped, absent otherwise. */
    receivedBy?: Official;
  },
  2
>;

/** Who is told about a routed case besides the unit that handles it (the matching rule's `inform`). */
export interface RouteInform {
  units: string[];
  roles: Role[];
}

/**
 * v2 records what the matching rule said beyond the unit: whether the case is urgent (a threat to health
 * or safety) and who must be informed (the mayor's office), so a replay shows why someone was told.
 */
export type CaseRoutedV2 = CaseEventEnvelope<
  'CaseRouted',
  { unit: string; ruleId: string; ruleVersion: number; urgent: boolean; inform: RouteInform },
  2
>;
