import type { CaseEvent } from '@civic/domain';
import type { JsonObject } from '@civic/event-store';

/** What an auditor reads where the submitter's tracking code is. */
export const TRACKING_CODE_WITHHELD = '[tracking code withheld]';

/** What an auditor reads where a whistleblower's identity is (ЗЗЛПСПОИН чл. 31: disclosed to the designated officer only). */
export const IDENTITY_WITHHELD = '[identity withheld: whistleblower report]';

/**
 * An event's data as the auditor's replay shows it. A whistleblower report's submitter is withheld whole. The submitter's tracking code
 * (`submitter.trackingCode`) is a bearer secret: whoever has it acts as the citizen (sees the case,
 * withdraws it, rates it), and an audit is no reason to hand it on. That there was one shows as a marker.
 * Only the view changes: the chain is verified on the events as stored.
 */
export function auditedData(event: CaseEvent): JsonObject {
  // A whistleblower's identity is never shown outside the designated officer, auditors included.
  if (event.type === 'CaseRegistered' && event.data.kind === 'whistleblower-report' && event.data.submitter !== null) {
    return { ...event.data, submitter: IDENTITY_WITHHELD } as unknown as JsonObject;
  }
  if (event.type === 'CaseRegistered' && event.data.submitter?.trackingCode !== undefined) {
    return { ...event.data, submitter: { ...event.data.submitter, trackingCode: TRACKING_CODE_WITHHELD } } as unknown as JsonObject;
  }
  return event.data as unknown as JsonObject;
}
