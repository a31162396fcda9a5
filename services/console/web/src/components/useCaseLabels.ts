import { useTranslation } from 'react-i18next';
import { isCaseKind, isCaseStatus, type Channel } from '../api/cases';

/** Names of kinds, statuses and channels in the chosen language; an unknown value is shown as it is. */
export function useCaseLabels() {
  const { t } = useTranslation();
  return {
    kind: (kind: string | undefined) => (kind === undefined ? '' : isCaseKind(kind) ? t(`kinds.${kind}`) : kind),
    status: (status: string | undefined) => (status === undefined ? '' : isCaseStatus(status) ? t(`statuses.${status}`) : status),
    channel: (channel: Channel) => t(`channels.${channel}`),
  };
}
