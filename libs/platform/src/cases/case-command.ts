import { randomUUID } from 'node:crypto';
import type { Actor, CaseCommandBody, CaseCommandMetadata, Instant } from '@civic/domain';

/** Who asks, about which case, in which conversation and when: what every case command carries besides its data. */
export interface CaseCommandContext {
  tenant: string;
  caseId: string;
  actor: Actor;
  /** The whole conversation: a web request and everything it causes, or the event a consumer reacts to. */
  correlationId: string;
  now: Instant;
  /**
   * The command's id, which its events carry as `causationId`. Give a name-based one when the command must
   * take effect once however often it is issued (a redelivered event, a request retried with the same
   * Idempotency-Key): the command handler answers a repeat with the first one's events. Default: a fresh UUID.
   */
  commandId?: string;
  /** The submitter's data-subject id, copied to every event so the case store encrypts their data with their key. */
  dataSubjectId?: string;
  /** The units the actor heads (CaseAccessPolicy.unitsHeadedBy): the decider's authority of a unit's head. */
  unitsHeaded?: readonly string[];
}

/** The one place a case command's envelope is built. */
export function caseCommand<B extends CaseCommandBody>(body: B, context: CaseCommandContext): B & { metadata: CaseCommandMetadata } {
  const { commandId = randomUUID(), dataSubjectId, ...rest } = context;
  const metadata: CaseCommandMetadata = { ...rest, commandId, ...(dataSubjectId === undefined ? {} : { dataSubjectId }) };
  return { ...body, metadata };
}
