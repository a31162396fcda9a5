import type { MutationStatus } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { currentLanguage } from '../../i18n';

/** What became of the last answer sent; field errors (400) are shown by the form, next to their fields. */
export function AnswerOutcome({ status, error, reloading }: { status: MutationStatus; error: Error | null; reloading: boolean }) {
  const { t } = useTranslation();
  if (status === 'success') {
    return (
      <p role="status" className="notice notice--success">
        {t('case.answer.sent')}
      </p>
    );
  }
  if (status !== 'error' || !error) return null;
  if (error instanceof ApiError && error.status === 400) {
    return (
      <p role="alert" className="notice notice--error">
        {t('case.answer.errors.fix')}
      </p>
    );
  }
  if (error instanceof ApiError && error.status === 412) {
    return (
      <div role="alert" className="notice notice--warning">
        <p>{t('case.answer.conflict')}</p>
        <p>{reloading ? t('case.answer.reloading') : t('case.answer.reloaded')}</p>
      </div>
    );
  }
  const rejection = error instanceof ApiError ? error.body?.rejection : undefined;
  const message =
    error instanceof ApiError && error.status === 403
      ? t('case.answer.errors.forbidden')
      : error instanceof ApiError && error.status === 409 && !rejection
        ? t('case.answer.errors.inProgress')
        : error instanceof ApiError
          ? t('case.answer.errors.refused')
          : t('errors.network');
  return (
    <div role="alert" className="notice notice--error">
      <p>{message}</p>
      {rejection && <p>{rejection.message[currentLanguage()]}</p>}
    </div>
  );
}
