import { useTranslation } from 'react-i18next';
import { isCaseKind, type CaseHistoryEntry, type Channel } from '../../api/cases';
import { useCaseLabels } from '../../components/useCaseLabels';
import { useFormat } from '../../format/useFormat';
import { currentLanguage } from '../../i18n';
import { detail } from './timeline';

const STAFF_ROLES = [
  'registrar',
  'officer',
  'head-of-unit',
  'secretary',
  'mayor',
  'anti-corruption-officer',
  'tenant-admin',
  'ops',
  'auditor',
  'data-protection-officer',
] as const;
const MESSAGES = [
  'acknowledgement',
  'no-proceedings',
  'redirect',
  'information-request',
  'extension',
  'answer',
  'survey',
  'staff-assigned',
  'staff-deadline-approaching',
  'staff-deadline-breached',
  'staff-escalated',
] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/** Role names in the chosen language, the citizen and the platform included; an unknown one as it is. */
export function useActorRole() {
  const { t } = useTranslation();
  return (role: string) =>
    role === 'citizen'
      ? t('case.timeline.citizen')
      : role === 'system'
        ? t('case.timeline.system')
        : isOneOf(STAFF_ROLES, role)
          ? t(`roles.${role}`)
          : role;
}

/** What one entry of the course says, in words (the event, and what it set), in the chosen language. */
export function TimelineText({ entry }: { entry: CaseHistoryEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCaseLabels();
  const roleName = useActorRole();
  const d = (name: string) => detail(entry, name);
  const date = (name: string) => {
    const value = d(name);
    return value ? format.date(value) : '';
  };
  const channel = (name: string) => {
    const value = d(name);
    return value ? labels.channel(value as Channel) : '';
  };
  const message = () => {
    const template = d('template');
    return isOneOf(MESSAGES, template) ? t(`case.timeline.messages.${template}`) : (template ?? '');
  };
  const kind = d('kind');

  switch (entry.type) {
    case 'CaseRegistered':
      return (
        <>
          {t('case.timeline.events.CaseRegistered', {
            kind: kind && isCaseKind(kind) ? labels.kind(kind) : '',
            channel: channel('channel'),
          })}
        </>
      );
    case 'CaseRouted':
      return (
        <>{t(d('urgent') === 'true' ? 'case.timeline.events.CaseRoutedUrgent' : 'case.timeline.events.CaseRouted', { unit: d('unit') })}</>
      );
    case 'CaseAssigned':
      return <>{t('case.timeline.events.CaseAssigned', { officer: d('officerId') })}</>;
    case 'CaseReassigned':
      return <>{t('case.timeline.events.CaseReassigned', { from: d('fromOfficerId'), officer: d('officerId') })}</>;
    case 'CaseRedirected':
      return <>{t('case.timeline.events.CaseRedirected', { authority: d('authority') })}</>;
    case 'CaseFlagged': {
      const flags = Array.isArray(entry.details.flags)
        ? (entry.details.flags as { reason?: { bg: string; en: string }; code?: string }[])
        : [];
      return (
        <>
          {t('case.timeline.events.CaseFlagged', { flags: flags.map((flag) => flag.reason?.[currentLanguage()] ?? flag.code).join(', ') })}
        </>
      );
    }
    case 'InformationRequested':
      return (
        <>
          {t(d('pausesClock') === 'true' ? 'case.timeline.events.InformationRequestedPaused' : 'case.timeline.events.InformationRequested')}
        </>
      );
    case 'DeadlineExtended':
      return <>{t('case.timeline.events.DeadlineExtended', { date: date('newFinalDate') })}</>;
    case 'CaseAnswered':
      return <>{t('case.timeline.events.CaseAnswered', { channel: channel('channel') })}</>;
    case 'CaseClosed':
      return (
        <>{t(d('outcome') === 'no-proceedings' ? 'case.timeline.events.CaseClosedNoProceedings' : 'case.timeline.events.CaseClosed')}</>
      );
    case 'SatisfactionRecorded':
      return (
        <>
          {d('rating')
            ? t('case.timeline.events.SatisfactionRated', { rating: d('rating') })
            : t('case.timeline.events.SatisfactionRecorded')}
        </>
      );
    case 'DeadlineApproaching':
      return <>{t('case.timeline.events.DeadlineApproaching', { date: date('dueDate'), days: d('workingDaysBefore') })}</>;
    case 'DeadlineBreached':
      return <>{t('case.timeline.events.DeadlineBreached', { date: date('dueDate') })}</>;
    case 'CaseEscalated':
      return <>{t('case.timeline.events.CaseEscalated', { role: roleName(d('toRole') ?? '') })}</>;
    case 'NotificationSent':
    case 'NotificationFailed':
      return (
        <>
          {t(`case.timeline.events.${entry.type}`, {
            message: message(),
            channel: t(`case.timeline.channels.${d('channel') === 'sms' ? 'sms' : d('channel') === 'letter' ? 'letter' : 'email'}`),
            recipient: t(`case.timeline.recipients.${d('recipient') === 'submitter' ? 'submitter' : 'staff'}`),
          })}
        </>
      );
    default:
      return <>{t(`case.timeline.events.${entry.type}`)}</>;
  }
}

/** The staff-written words of an entry, for those who work the case: an extension's reasons, what was asked for, a reopening's reason. */
export function staffWords(entry: CaseHistoryEntry): string | undefined {
  return detail(entry, 'reason') ?? detail(entry, 'missing');
}
