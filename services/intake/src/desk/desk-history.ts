import { allows, type CaseAccess, type CaseEvent, type Role } from '@civic/domain';

/** Who did it: a member of staff or a process by id and role; the citizen by role only. */
export interface DeskHistoryActor {
  /** Null for the citizen: their pseudonymous id would link their cases. */
  id: string | null;
  role: Role;
}

/**
 * One step of a case as staff see it: what happened, when, by whom in which role, and what it set.
 * Never anything personal: no submitter, no text the citizen wrote (submission, replies, withdrawal reason,
 * rating comments), no answer text (encrypted with the submitter's key), no address a failed message quoted.
 */
export interface DeskHistoryEntry {
  revision: number;
  type: CaseEvent['type'];
  /** Business time: the causing command's `now`. */
  occurredAt: string;
  actor: DeskHistoryActor;
  /** What the event set, by name: only fields that are not personal (see `deskHistoryEntry`). */
  details: Record<string, unknown>;
}

export interface DeskHistory {
  caseId: string;
  /** The stream's revision: the same as the desk view's ETag at the time of the read. */
  revision: number;
  access: CaseAccess;
  /** Oldest first. */
  entries: DeskHistoryEntry[];
}

type Details = Record<string, unknown>;

/**
 * What of each event a reader sees. `record` keeps the facts a queue or a due date shows (unit, officer, dates,
 * status, channel, codes); staff-written free text (reasons, what was asked for) is added for those who work the
 * case (`content`), like what the citizen wrote is in the desk view: a member of staff may have quoted the
 * submitter in it. The citizen's own words and the answer's text are never here.
 */
function detailsOf(event: CaseEvent, access: CaseAccess): Details {
  const staffText = (fields: Details): Details => (allows(access, 'content') ? fields : {});
  switch (event.type) {
    case 'CaseRegistered': {
      const { kind, channel, category, language, receivedAt, submitterGiven, healthSafetyThreat } = event.data;
      return {
        kind,
        channel,
        category,
        language,
        receivedAt,
        submitterGiven,
        healthSafetyThreat,
        attachments: event.data.attachments.length,
      };
    }
    case 'CaseAccepted':
      return { basis: event.data.basis, ...staffText({ reason: event.data.reason }) };
    case 'CaseFlagged':
      // The flags' codes and reasons are screening's words; the passages they matched are the citizen's.
      return { flags: event.data.flags.map((flag) => ({ code: flag.code, reason: flag.reason })) };
    case 'NoProceedingsDecided':
      return { basis: event.data.basis, ground: event.data.ground, ...staffText({ reason: event.data.reason }) };
    case 'CaseRouted':
      return { unit: event.data.unit, urgent: event.data.urgent };
    case 'CaseAssigned':
      return { officerId: event.data.officerId };
    case 'CaseReassigned':
      return { fromOfficerId: event.data.fromOfficerId, officerId: event.data.officerId, ...staffText({ reason: event.data.reason }) };
    case 'CaseRedirected':
      return { authority: event.data.authority, ...staffText({ reason: event.data.reason }) };
    case 'InformationRequested':
      return { pausesClock: event.data.pausesClock, ...staffText({ missing: event.data.missing }) };
    case 'InformationProvided':
      // The reply itself is the citizen's (the desk view's content shows it to those who may read it).
      return { attachments: event.data.attachments.length, resumedClock: event.data.pausedSince !== null };
    case 'DeadlineExtended':
      return { newFinalDate: event.data.newFinalDate, maxFinalDate: event.data.maxFinalDate, ...staffText({ reason: event.data.reason }) };
    case 'CaseAnswered':
      // The answer's text and attachments are encrypted with the submitter's key: personal data, never here.
      return { channel: event.data.channel, attachments: event.data.attachments.length };
    case 'CaseClosed':
      return { outcome: event.data.outcome };
    case 'CaseReopened':
      return staffText({ reason: event.data.reason });
    case 'CaseWithdrawn':
      // The reason is the submitter's own words.
      return {};
    case 'CaseLinkedAsDuplicate':
      return { originalCaseId: event.data.originalCaseId };
    case 'SatisfactionRecorded':
      // The rating only for those who work the case; the comment and recommendation are the citizen's words.
      return staffText({ rating: event.data.rating });
    case 'DeadlineApproaching':
      return { dueDate: event.data.dueDate, workingDaysBefore: event.data.workingDaysBefore };
    case 'DeadlineBreached':
      return { dueDate: event.data.dueDate };
    case 'CaseEscalated':
      return { toRole: event.data.toRole, dueDate: event.data.dueDate };
    case 'NotificationSent':
    case 'NotificationFailed':
      // Who it went to by kind only; a failure's error may quote an address.
      return { template: event.data.template, channel: event.data.channel, recipient: event.data.recipient.kind };
    case 'IdentityDisclosureRecorded':
      return { ground: event.data.ground, ...staffText({ disclosedTo: event.data.disclosedTo, reason: event.data.reason }) };
    case 'PersonalDataErased':
      return { ground: event.data.ground, requestId: event.data.requestId };
  }
}

function actorOf(event: CaseEvent): DeskHistoryActor {
  const { id, role } = event.metadata.actor;
  return { id: role === 'citizen' ? null : id, role };
}

/**
 * The course of a case, event by event, as a reader with this access sees it (at least `record`: below it the
 * case does not exist for them). `revisions[i]` is the stored revision of `events[i]`.
 */
export function deskHistory(
  history: { caseId: string; revision: number; events: readonly CaseEvent[]; revisions: readonly number[] },
  access: CaseAccess,
): DeskHistory {
  return {
    caseId: history.caseId,
    revision: history.revision,
    access,
    entries: history.events.map((event, index) => ({
      revision: history.revisions[index] ?? index,
      type: event.type,
      occurredAt: event.metadata.occurredAt,
      actor: actorOf(event),
      details: detailsOf(event, access),
    })),
  };
}
