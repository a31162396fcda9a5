import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  numbers: string[];
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The step before an erasure, which cannot be undone (the person's key is shredded): how many cases, which, and
 * what stays. It takes the focus when it opens; cancelling hands it back to the page.
 */
export function ErasureConfirm({ numbers, pending, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="notice notice--warning erase-confirm" aria-labelledby="erase-confirm-title">
      <h3 id="erase-confirm-title" ref={heading} tabIndex={-1}>
        {t('dataSubjects.confirm.title', { count: numbers.length })}
      </h3>
      <p>{t('dataSubjects.confirm.text')}</p>
      <ul>
        {numbers.map((number) => (
          <li key={number} className="code">
            {number}
          </li>
        ))}
      </ul>
      <p>
        <strong>{t('dataSubjects.confirm.final')}</strong>
      </p>
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {pending ? t('dataSubjects.confirm.erasing') : t('dataSubjects.confirm.yes', { count: numbers.length })}
        </button>
        <button type="button" className="button button--quiet" disabled={pending} onClick={onCancel}>
          {t('dataSubjects.confirm.cancel')}
        </button>
      </div>
    </section>
  );
}
