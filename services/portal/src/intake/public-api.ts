import type {
  PublicActions,
  PublicCaseView as SharedPublicCaseView,
  PublicInformation as DomainPublicInformation,
  PublicStatus,
  PublicStep,
} from '@civic/domain';

/**
 * The shapes of intake's public API (`/public/:tenant…`, services/intake/src/INTAKE.md) as the portal reads them.
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
  /** A form sent again long after the first time: intake does not give the code again (it says where it is). */
  trackingCodeWithheld?: { bg: string; en: string };
  status: string;
  dueDate?: string;
}

/**
 * The tracking view: intake's public contract, shared through the domain. What C4 added (what is addressed to the
 * citizen, what they may do) is optional here: an intake from before it is still read (tracking/actions.ts).
 */
type C4Part = 'informationRequest' | 'extension' | 'answer' | 'actions';
export type PublicCaseView = Omit<SharedPublicCaseView, C4Part> & Partial<Pick<SharedPublicCaseView, C4Part>>;
export type { PublicStatus, PublicStep };
export type InformationRequest = NonNullable<PublicCaseView['informationRequest']>;
export type Extension = NonNullable<PublicCaseView['extension']>;
export type PublicAnswer = NonNullable<PublicCaseView['answer']>;
export type CitizenActions = PublicActions;

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
