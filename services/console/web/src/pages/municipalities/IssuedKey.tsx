import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedOpen311Key } from '../../api/municipalities';

/**
 * A key just issued, shown this once (intake keeps only its SHA-256): the key with a copy button, and plainly that
 * it will not be shown again. It takes the focus when it appears; "saved" puts it away for good.
 */
export function IssuedKey({ issued, onDone }: { issued: IssuedOpen311Key; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => heading.current?.focus(), [issued.keyId]);

  const copy = () => {
    // Without the clipboard (an insecure origin, a refused permission) the key can still be selected by hand.
    if (!navigator.clipboard) {
      setCopied('no');
      return;
    }
    navigator.clipboard.writeText(issued.apiKey).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };

  return (
    <section className="notice notice--warning issued-key" aria-labelledby="issued-key-title">
      <h3 id="issued-key-title" ref={heading} tabIndex={-1}>
        {t('municipalities.open311.issued.title', { client: issued.client })}
      </h3>
      <p>
        <strong>{t('municipalities.open311.issued.once')}</strong> {t('municipalities.open311.issued.how')}
      </p>
      <p className="issued-key__value">
        <span className="issued-key__label">{t('municipalities.open311.issued.key')}</span> <code className="mono">{issued.apiKey}</code>
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={copy} aria-describedby="issued-key-copied">
          {t('municipalities.open311.issued.copy')}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t('municipalities.open311.issued.done')}
        </button>
      </div>
      <p id="issued-key-copied" aria-live="polite" className="issued-key__copied">
        {copied === 'yes'
          ? t('municipalities.open311.issued.copied')
          : copied === 'no'
            ? t('municipalities.open311.issued.copyFailed')
            : ''}
      </p>
      <p className="muted">{t('municipalities.open311.issued.fingerprint', { keyId: issued.keyId })}</p>
    </section>
  );
}
