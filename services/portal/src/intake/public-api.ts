import type { Channel, Kind, NoProceedingsGround, PublicInformation as DomainPublicInformation } from '@civic/domain';

/**
 * The shapes of intake's public API (`/public/:tenant…`, services/intake/src/INTAKE.md) as the portal reads them.
 * What the shared contract adds (C2: attachment limits; C4: what is addressed to the citizen and what they may do)
 * is optional here until every intake the portal talks to has it.
 */

/** C2: the tenant's limits on attached files. */
export interface AttachmentLimits {
  maxFiles: number;
  maxBytesPerFile: number;
  /** Empty: intake did not say (the portal names no types then). */
  mediaTypes: string[];
}

/** C2 is in the domain's public information now (its `attachments`, defaults included). */
export type PublicInformation = DomainPublicInformation;

/** What registering answers (201). */
export interface Registration {
  caseId: string;
  registryNumber: string;
  trackingCode?: string;
  status: string;
  dueDate?: string;
}

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
  | { step: 'registered'; at: string }
  | { step: 'under-review'; at: string }
  | { step: 'accepted'; at: string }
  | { step: 'no-proceedings'; at: string; ground: NoProceedingsGround }
  | { step: 'sent-to-unit'; at: string; unit: string }
  | { step: 'assigned'; at: string }
  | { step: 'redirected'; at: string; authority: string }
  | { step: 'information-requested'; at: string }
  | { step: 'information-provided'; at: string }
  | { step: 'deadline-extended'; at: string; newFinalDate: string }
  | { step: 'answered'; at: string; channel: Channel }
  | { step: 'closed'; at: string }
  | { step: 'reopened'; at: string }
  | { step: 'withdrawn'; at: string }
  | { step: 'linked-as-duplicate'; at: string }
  | { step: 'rated'; at: string; rating: number };

/** C4's parts of the view. */
export interface InformationRequest {
  at: string;
  missing: string;
}
export interface Extension {
  at: string;
  reason: string;
  newFinalDate: string;
}
export interface PublicAnswer {
  at: string;
  text: string;
  channel: Channel;
  /** A path under `/public/:tenant/cases/:trackingCode/` serving the answer as a PDF letter. */
  letterUrl: string | null;
}
export interface CitizenActions {
  withdraw: boolean;
  provideInformation: boolean;
  rate: boolean;
}

export interface PublicCaseView {
  registryNumber: string;
  kind: Kind;
  category: string | null;
  status: PublicStatus;
  receivedAt: string;
  registeredAt: string;
  dueDate: string | null;
  history: PublicStep[];
  informationRequest?: InformationRequest | null;
  extension?: Extension | null;
  answer?: PublicAnswer | null;
  actions?: CitizenActions;
}

/** intake's error body. */
export interface ErrorItem {
  field: string;
  reason: string;
  /** C1: a machine code on attachment errors. */
  code?: string;
}
export interface ErrorBody {
  statusCode: number;
  errors: ErrorItem[];
  rejection?: { type: string; message: { bg: string; en: string } };
}
