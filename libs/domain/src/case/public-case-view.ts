import type { Channel, Instant, IsoDate, Kind } from '../shared/vocabulary';
import type { NoProceedingsGround } from './events.v1';

/**
 * What anyone holding a case's tracking code may see: where the case is and what happened to it, in the
 * platform's words, and the texts the municipality wrote *to* the submitter, which the law says they must be
 * told: what is missing (АПК чл. 111(3)), the reasons and final date of an extension (АПК чл. 118; the
 * charters: a written notice of the reasons and the final date) and the answer (АПК чл. 118, 123; the
 * charters: the answer in writing). Never names, contacts, the citizen's own words, reasons written for
 * staff (screening, reassignment, reopening), or who on the staff did what: the tracking code proves
 * possession of a receipt, not who someone is. A view that shows those texts is recorded in the tenant's
 * audit log (the answer's text is the submitter's personal data, encrypted with their key).
 */
export type PublicStatus =
  | 'registered'
  | 'under-review'
  | 'no-proceedings'
  | 'accepted'
  | 'in-progress'
  | 'awaiting-information'
  | 'answered'
  | 'closed'
  | 'redirected'
  | 'withdrawn'
  | 'duplicate';

export type PublicStep =
  | { step: 'registered'; at: Instant }
  | { step: 'under-review'; at: Instant }
  | { step: 'accepted'; at: Instant }
  | { step: 'no-proceedings'; at: Instant; ground: NoProceedingsGround }
  | { step: 'sent-to-unit'; at: Instant; unit: string }
  | { step: 'assigned'; at: Instant }
  | { step: 'redirected'; at: Instant; authority: string }
  | { step: 'information-requested'; at: Instant }
  | { step: 'information-provided'; at: Instant }
  | { step: 'deadline-extended'; at: Instant; newFinalDate: IsoDate }
  | { step: 'answered'; at: Instant; channel: Channel }
  | { step: 'closed'; at: Instant }
  | { step: 'reopened'; at: Instant }
  | { step: 'withdrawn'; at: Instant }
  | { step: 'linked-as-duplicate'; at: Instant }
  | { step: 'rated'; at: Instant; rating: number };

export interface PublicCaseView {
  registryNumber: string;
  kind: Kind;
  category: string | null;
  status: PublicStatus;
  receivedAt: Instant;
  registeredAt: Instant;
  /** The legal due date while one runs. */
  dueDate: IsoDate | null;
  history: PublicStep[];
  /** What the municipality asks for, while the case waits for the submitter (status `awaiting-information`). */
  informationRequest: { at: Instant; missing: string } | null;
  /** The latest extension of the term: its reasons and the new final date. */
  extension: { at: Instant; reason: string; newFinalDate: IsoDate } | null;
  /**
   * The latest answer: its text (null once the submitter's data was erased) and, while there is a text, where
   * it is served as a PDF letter (a path on intake).
   */
  answer: { at: Instant; text: string | null; channel: Channel; letterUrl: string | null } | null;
  /** What the holder of the code may do now, as the decider would judge it. */
  actions: PublicActions;
}

export interface PublicActions {
  /** Withdraw the case: while it is open. */
  withdraw: boolean;
  /** Answer a request for information: while the case waits for the submitter. */
  provideInformation: boolean;
  /** Rate the answer: once answered, and only if the case has no rating yet. */
  rate: boolean;
}
