import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { currentLanguage } from '../../i18n';

/**
 * What became of a save, in words: saved; or why not — 412 (someone changed it since: reload), 409 (still in
 * use: each thing that names it), 400 (each bad field by its path).
 */
export function SaveOutcome({ saved, error, onReload }: { saved: boolean; error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return saved ? <p className="notice notice--success">{t('admin.settings.saved')}</p> : null;
  const status = error instanceof ApiError ? error.status : undefined;
  const body = error instanceof ApiError ? error.body : undefined;
  const message =
    status === 412
      ? t('admin.settings.errors.stale')
      : status === 409
        ? t('admin.settings.errors.inUse')
        : status === 400
          ? t('admin.settings.errors.invalid')
          : status === 403
            ? t('errors.forbidden')
            : status === undefined
              ? t('errors.network')
              : t('admin.settings.errors.generic');
  return (
    <div className="notice notice--error">
      <p>{message}</p>
      {body?.rejection && <p>{body.rejection.message[currentLanguage()]}</p>}
      {(body?.errors.length ?? 0) > 0 && (
        <ul>{body?.errors.map(({ field, reason }) => <li key={`${field}-${reason}`}>{`${field}: ${reason}`}</li>)}</ul>
      )}
      {status === 412 && onReload && (
        <button type="button" className="button" onClick={onReload}>
          {t('admin.settings.reload')}
        </button>
      )}
    </div>
  );
}
