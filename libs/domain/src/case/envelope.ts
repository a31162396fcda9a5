import type { Instant, TenantSlug } from '../shared/vocabulary';
import type { Actor } from './roles';

/**
 * The envelope every case event is stored in. Frozen like the event shapes themselves: adding an optional
 * field is compatible, anything else needs a new schema version and an upcaster (see VERSIONING.md).
 */
export interface CaseEventMetadata<V extends number = number> {
  tenant: TenantSlug;
  caseId: string;
  actor: Actor;
  /** The whole conversation (e.g. one web request and everything it causes). */
  correlationId: string;
  /** The command that produced this event: its `commandId`. */
  causationId: string;
  /** The command's `now`: the domain has no clock of its own. */
  occurredAt: Instant;
  schemaVersion: V;
  /**
   * The opaque id (a UUID, never an e-mail) of the person whose data the event carries: the event store
   * encrypts the personal fields with that subject's key, and erasing the key erases them everywhere.
   */
  dataSubjectId?: string;
}

export interface CaseEventEnvelope<T extends string, D, V extends number = 1> {
  type: T;
  data: D;
  metadata: CaseEventMetadata<V>;
}

/** What every command carries besides its data. Ids and time are inputs, never generated here. */
export interface CaseCommandMetadata {
  tenant: TenantSlug;
  caseId: string;
  actor: Actor;
  commandId: string;
  correlationId: string;
  now: Instant;
  /** The submitter's data-subject id (a UUID), copied to every event so its personal data can be encrypted. */
  dataSubjectId?: string;
  /**
   * The units the actor heads, as the application found them in the tenant's units: their authority over a
   * case of those units (authority.ts). Not recorded: the event names the actor, the units are the tenant's.
   */
  unitsHeaded?: readonly string[];
}

export interface CaseCommandEnvelope<T extends string, D> {
  type: T;
  data: D;
  metadata: CaseCommandMetadata;
}

/**
 * Attachments are described, never carried: the files live in object storage. A file the platform stored
 * itself (a citizen's upload) has its `id` there and the SHA-256 of its content (hex); a file only
 * described (a registrar's note of a paper enclosure, older events) has neither.
 */
export interface AttachmentMeta {
  name: string;
  mediaType: string;
  /** Bytes. */
  size: number;
  id?: string;
  sha256?: string;
}
