import type { EventStore } from '@civic/event-store';
import { caseEventFromRecorded, caseStreamName } from '@civic/platform';

/**
 * The tracking code a case's registration carries in its submitter, read through the case store
 * (decrypted): how a retry that finds the case already registered answers with the same code. Undefined
 * when the registration carries none (anonymous, no contact) or the person's data was erased since.
 */
export async function registeredTrackingCode(cases: EventStore, caseId: string): Promise<string | undefined> {
  const [first] = await cases.readStream(caseStreamName(caseId), { toRevision: 0, maxCount: 1 });
  if (!first) return undefined;
  const event = caseEventFromRecorded(first);
  return event.type === 'CaseRegistered' ? event.data.submitter?.trackingCode : undefined;
}
