import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';

const MOMENT_FIELDS = ['at', 'revision', 'to', 'from'];

/**
 * A refused audit read in words: no events at that moment (404 naming the moment), a parameter the service named
 * (400), the audit log that could not record the read (503); anything else through the common error panel.
 */
export function AuditError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return <ErrorPanel error={error} onRetry={onRetry} />;
  const fields = error.body?.errors ?? [];
  let messages: string[] = [];
  if (error.status === 404 && fields.some(({ field }) => MOMENT_FIELDS.includes(field))) messages = [t('audit.errors.noEvents')];
  else if (error.status === 400 && fields.length > 0)
    messages = fields.map(({ field, reason }) => t('audit.errors.badParameter', { field, reason }));
  else if (error.status === 503) messages = [t('audit.errors.notRecorded')];
  if (messages.length === 0) return <ErrorPanel error={error} onRetry={onRetry} />;
  return (
    <div role="alert" className="notice notice--error">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
