import type { CaseStatus, IsoDate, LocalizedText } from '@civic/domain';
import type { ScreeningSummary } from './screening';

/** What registering a case answers, on every channel; Open311 maps it to its own shape. */
export interface RegistrationResponse {
  caseId: string;
  registryNumber: string;
  /**
   * For the citizen who submitted, or for the registrar who registered a person with a contact (to tell
   * them). Only in this answer: intake keeps a hash, and the case keeps it encrypted with the person's data.
   */
  trackingCode?: string;
  /**
   * On a late replay to the public (the same Idempotency-Key again, from the web form or Open311, past
   * PUBLIC_REPLAY_CODE_MS): the code is not given again, to nobody in particular; this says where to find it.
   */
  trackingCodeWithheld?: LocalizedText;
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

export const TRACKING_CODE_WITHHELD: LocalizedText = {
  bg: 'Кодът за проследяване беше даден в първия отговор и в потвърждението за получаване, изпратено на посочения адрес или телефон; деловодството може да издаде нов.',
  en: 'The tracking code was given in the first answer and in the acknowledgement sent to the address or phone given; the registry can issue a new one.',
};
