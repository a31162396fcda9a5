/**
 * Upcasting: stored events keep the shape they were written in; reading turns them into today's shape.
 * The event-store layer calls `upcast` on every event it reads, AFTER decrypting personal data, so the
 * domain only ever folds current shapes. Each step is pure and tested (test/case/upcast.unit.spec.ts).
 */
import type { Language } from '../shared/vocabulary';
import type { CaseEvent, CaseRegistered, CaseRouted, StoredCaseEvent } from './events';
import type { CaseRegisteredV1, CaseRoutedV1 } from './events.v1';
import type { CaseSubmitter } from './events.v2';

/** v1 had no language field: the platform then served Bulgarian only. */
const V1_LANGUAGE: Language = 'bg';

function isCaseRegisteredV1(event: StoredCaseEvent): event is CaseRegisteredV1 {
  return event.type === 'CaseRegistered' && event.metadata.schemaVersion === 1;
}

/** CaseRegistered v1 → v2: the flat submitter fields become one `submitter` object; the language is added. */
export function upcastCaseRegisteredV1(event: CaseRegisteredV1): CaseRegistered {
  const { submitterName, submitterEmail, submitterPhone, submitterAddress, submitterGiven, ...rest } = event.data;
  const submitter: CaseSubmitter | null = submitterGiven
    ? {
        ...(submitterName !== null && { name: submitterName }),
        ...(submitterEmail !== null && { email: submitterEmail }),
        ...(submitterPhone !== null && { phone: submitterPhone }),
        ...(submitterAddress !== null && { address: submitterAddress }),
        language: V1_LANGUAGE,
      }
    : null;
  return {
    type: 'CaseRegistered',
    data: { ...rest, submitter, submitterGiven, language: V1_LANGUAGE },
    metadata: { ...event.metadata, schemaVersion: 2 },
  };
}

function isCaseRoutedV1(event: StoredCaseEvent): event is CaseRoutedV1 {
  return event.type === 'CaseRouted' && event.metadata.schemaVersion === 1;
}

/**
 * CaseRouted v1 → v2: v1 did not record the rule's `urgent` and `inform`. The documented default is the
 * rule action's own default (not urgent, nobody else informed): what a v1 replay could show anyway.
 */
export function upcastCaseRoutedV1(event: CaseRoutedV1): CaseRouted {
  return {
    type: 'CaseRouted',
    data: { ...event.data, urgent: false, inform: { units: [], roles: [] } },
    metadata: { ...event.metadata, schemaVersion: 2 },
  };
}

/** Any stored case event → its current shape. Current shapes pass through unchanged. */
export function upcast(event: StoredCaseEvent): CaseEvent {
  if (isCaseRegisteredV1(event)) return upcastCaseRegisteredV1(event);
  if (isCaseRoutedV1(event)) return upcastCaseRoutedV1(event);
  return event;
}
