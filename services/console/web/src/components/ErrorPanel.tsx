import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { currentLanguage } from '../i18n';

/** A failed read: what went wrong in words, and a retry. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : undefined;
  const rejection = error instanceof ApiError ? error.body?.rejection : undefined;
  const message =
    status === 403
      ? t('errors.forbidden')
      : status === 404
        ? t('errors.notFound')
        : status === undefined
          ? t('errors.network')
          : t('errors.generic');
  return (
    <div role="alert" className="notice notice--error">
      <p>{message}</p>
      {rejection && <p>{rejection.message[currentLanguage()]}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
