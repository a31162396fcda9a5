import { useTranslation } from 'react-i18next';
import type { BrokenLinkReason } from '../../api/audit';

// The event types of a case stream (libs/domain), named in words. A type this build does not know is shown as it is.
const EVENT_TYPES = [
  'CaseRegistered',
  'CaseAccepted',
  'CaseFlagged',
  'NoProceedingsDecided',
  'CaseRouted',
  'CaseAssigned',
  'CaseReassigned',
  'CaseRedirected',
  'InformationRequested',
  'InformationProvided',
  'DeadlineExtended',
  'CaseAnswered',
  'CaseClosed',
  'CaseReopened',
  'CaseWithdrawn',
  'CaseLinkedAsDuplicate',
  'SatisfactionRecorded',
  'DeadlineApproaching',
  'DeadlineBreached',
  'CaseEscalated',
  'NotificationSent',
  'NotificationFailed',
  'IdentityDisclosureRecorded',
  'PersonalDataErased',
] as const;
type EventType = (typeof EVENT_TYPES)[number];

const REASONS: readonly BrokenLinkReason[] = ['hash-mismatch', 'previous-hash-mismatch', 'missing-event', 'missing-hash'];

const isEventType = (type: string): type is EventType => (EVENT_TYPES as readonly string[]).includes(type);

export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    event: (type: string) => (isEventType(type) ? t(`audit.events.${type}`) : type),
    reason: (reason: string) =>
      (REASONS as readonly string[]).includes(reason) ? t(`audit.verification.reasons.${reason as BrokenLinkReason}`) : reason,
  };
}
