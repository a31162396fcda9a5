import type { MutationStatus } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseHistoryEntry } from '../../api/cases';
import { ApiError } from '../../api/errors';
import { currentLanguage } from '../../i18n';
import { TimelineItem } from './CaseTimeline';
import { isFieldError } from './fieldErrors';
import type { OfficerAction } from './useCaseAction';

export const ACTION_KEYS = { 'information-requests': 'ask', extensions: 'extend', answer: 'answer', close: 'close' } as const;

interface Props {
  action: OfficerAction;
  status: MutationStatus;
  error: Error | null;
  reloading: boolean;
  /** On a 412: what happened to the case since the revision the person acted on. */
  meanwhile: CaseHistoryEntry[];
}

/** What became of the last action: done, refused and why, or (412) what someone else did meanwhile. Field errors show at the fields. */
export function ActionOutcome({ action, status, error, reloading, meanwhile }: Props) {
  const { t } = useTranslation();
  const key = ACTION_KEYS[action];
  if (status === 'success') {
    return (
      <p role="status" className="notice notice--success">
        {t(`case.${key}.done`)}
      </p>
    );
  }
  if (status !== 'error' || !error) return null;
  if (isFieldError(error)) {
    return (
      <p role="alert" className="notice notice--error">
        {t('case.action.errors.fix')}
      </p>
    );
  }
  if (error instanceof ApiError && error.status === 412) {
    return (
      <div role="alert" className="notice notice--warning">
        <p>{t('case.action.conflict')}</p>
        {reloading ? (
          <p>{t('case.action.reloading')}</p>
        ) : (
          <>
            {meanwhile.length > 0 && (
              <>
                <p>
                  <strong>{t('case.action.meanwhile')}</strong>
                </p>
                <ol className="timeline timeline--meanwhile">
                  {meanwhile.map((entry) => (
                    <TimelineItem key={entry.revision} entry={entry} />
                  ))}
                </ol>
              </>
            )}
            <p>{t('case.action.reloaded')}</p>
          </>
        )}
      </div>
    );
  }
  const rejection = error instanceof ApiError ? error.body?.rejection : undefined;
  const message =
    error instanceof ApiError && error.status === 403
      ? t('case.action.errors.forbidden')
      : error instanceof ApiError && error.status === 409 && !rejection
        ? t('case.action.errors.inProgress')
        : error instanceof ApiError
          ? t('case.action.errors.refused')
          : t('errors.network');
  return (
    <div role="alert" className="notice notice--error">
      <p>{message}</p>
      {rejection && <p>{rejection.message[currentLanguage()]}</p>}
    </div>
  );
}
