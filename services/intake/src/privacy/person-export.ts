import type { CaseEvent, Instant, RegisteredCase } from '@civic/domain';
import { deskContent, type DeskCaseContent } from '../desk/desk-content';
import { fieldsShown } from '../desk/personal-data-read';

/** A rating as the person gave it: their own words included (GDPR art. 15). */
export interface ExportedRating {
  at: Instant;
  rating: number;
  comment: string | null;
  recommendation: string | null;
}

/** One case as its person gets it: its course and everything they wrote or were answered, decrypted. */
export interface ExportedCase {
  caseId: string;
  registryNumber: string;
  kind: string;
  channel: string;
  receivedAt: Instant;
  status: string;
  /** When its personal data were erased: then every text below is null. */
  erasedAt: Instant | null;
  content: DeskCaseContent | null;
  ratings: ExportedRating[];
  /** Their reason for withdrawing it, when they did. */
  withdrawalReason: string | null;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One case of the person's export, from its stream read through the decrypting store. */
export function exportedCase(state: RegisteredCase, events: readonly CaseEvent[]): ExportedCase {
  const { facts } = state;
  const ratings: ExportedRating[] = [];
  let withdrawalReason: string | null = null;
  for (const event of events) {
    if (event.type === 'SatisfactionRecorded') {
      ratings.push({
        at: event.metadata.occurredAt,
        rating: event.data.rating,
        comment: textOrNull(event.data.comment),
        recommendation: textOrNull(event.data.recommendation),
      });
    }
    if (event.type === 'CaseWithdrawn') withdrawalReason = textOrNull(event.data.reason);
  }
  return {
    caseId: facts.caseId,
    registryNumber: facts.registryNumber,
    kind: facts.kind,
    channel: facts.channel,
    receivedAt: facts.receivedAt,
    status: state.status,
    erasedAt: facts.erasedAt,
    // The person's own case: everything, their name and contacts included.
    content: deskContent(events, 'full'),
    ratings,
    withdrawalReason,
  };
}

/** The fields an export showed, by name, for the audit log (never their values). */
export function exportedFields(exported: ExportedCase): string[] {
  if (!exported.content) return [];
  return [
    ...fieldsShown(exported.content),
    ...(exported.ratings.length > 0 ? ['ratings'] : []),
    ...(exported.withdrawalReason === null ? [] : ['withdrawal.reason']),
  ];
}
