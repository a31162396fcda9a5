import type { CaseStatus, IsoDate } from '@civic/domain';
import type { ScreeningSummary } from './screening';

/** What registering a case answers, on every channel; Open311 maps it to its own shape. */
export interface RegistrationResponse {
  caseId: string;
  registryNumber: string;
  /** Only for the citizen who submitted, and only in this answer: it is stored as a hash. */
  trackingCode?: string;
  status: CaseStatus;
  screening: ScreeningSummary;
  /** The legal due date while one runs (see due-date.ts). */
  dueDate?: IsoDate;
}

/** The same field order whether the answer is fresh or replayed for an idempotent retry. */
export function withTrackingCode(response: RegistrationResponse, trackingCode: string | undefined): RegistrationResponse {
  const { caseId, registryNumber, trackingCode: _none, ...rest } = response;
  return { caseId, registryNumber, ...(trackingCode === undefined ? {} : { trackingCode }), ...rest };
}
