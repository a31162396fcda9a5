import type { paths as AnalyticsPaths } from './generated/analytics';
import type { components as IntakeComponents } from './generated/intake';
import type { components as NotificationComponents } from './generated/notification';

export type CaseList = AnalyticsPaths['/tenants/{tenant}/cases']['get']['responses'][200]['content']['application/json'];
export type CaseListItem = NonNullable<CaseList['items']>[number];
export type DueFilter = NonNullable<NonNullable<AnalyticsPaths['/tenants/{tenant}/cases']['get']['parameters']['query']>['due']>;
export type CaseKind = NonNullable<CaseListItem['kind']>;
export type CaseStatus = NonNullable<CaseListItem['status']>;
export type Channel = NonNullable<CaseListItem['channel']>;

export type DeskCaseView = IntakeComponents['schemas']['DeskCaseViewDto'];
export type AnswerBody = IntakeComponents['schemas']['AnswerDto'];
export type InformationRequestBody = IntakeComponents['schemas']['InformationRequestDto'];
export type ExtensionBody = IntakeComponents['schemas']['ExtensionDto'];
export type CloseBody = IntakeComponents['schemas']['CloseDto'];
export type DeskAction = DeskCaseView['actions'][number];
export type CaseHistory = IntakeComponents['schemas']['DeskHistoryDto'];
export type CaseHistoryEntry = CaseHistory['entries'][number];
export type AnswerPreview = NotificationComponents['schemas']['AnswerPreviewDto'];

export const CHANNELS: readonly Channel[] = [
  'in-person',
  'post',
  'email',
  'web-form',
  'phone',
  'fax',
  'mailbox',
  'reception-day',
  'leadership-meeting',
  'information-board',
  'hotline',
  'open311',
];

const STATUSES: readonly string[] = [
  'Registered',
  'Flagged',
  'Accepted',
  'Routed',
  'Assigned',
  'AwaitingSubmitter',
  'NoProceedings',
  'Answered',
  'Closed',
  'Redirected',
  'Withdrawn',
  'Duplicate',
];

export function isCaseStatus(value: string): value is CaseStatus {
  return STATUSES.includes(value);
}

/** Every kind of case the platform knows (the domain's KINDS), in the order pages offer them. */
export const KINDS: readonly CaseKind[] = [
  'complaint',
  'signal',
  'proposal',
  'public-information-request',
  'whistleblower-report',
  'opinion',
  'praise',
  'recommendation',
  'question',
];

export function isCaseKind(value: string): value is CaseKind {
  return (KINDS as readonly string[]).includes(value);
}
