import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** An id in monospace with a button that copies it; `what` names it for screen readers ("correlation id, revision 3"). */
export function CopyableId({ value, what }: { value: string | null; what: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = window.setTimeout(() => setCopied(null), 4000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  if (value === null) return <span className="muted">{t('audit.none')}</span>;

  const copy = () => {
    // Without the clipboard (an insecure origin, a refused permission) the id can still be selected by hand.
    if (!navigator.clipboard) {
      setCopied('no');
      return;
    }
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };

  return (
    <span className="copyable">
      <code className="mono">{value}</code>
      <button type="button" className="button button--quiet button--small" onClick={copy}>
        {t('audit.copy')}
        <span className="visually-hidden"> {what}</span>
      </button>
      <span aria-live="polite" className="copyable__done">
        {copied === 'yes' ? t('audit.copied') : copied === 'no' ? t('audit.copyFailed') : ''}
      </span>
    </span>
  );
}
