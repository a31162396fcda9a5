import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseBody } from '../../api/cases';

/** Closing an answered case takes nothing but the decision. */
export function CloseForm({
  etag,
  pending,
  onSubmit,
}: {
  etag: string;
  pending: boolean;
  onSubmit: (body: CloseBody, etag: string) => void;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({}, etag);
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="case-close">
      <p>{t('case.close.explain')}</p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('case.action.sending') : t('case.close.send')}
      </button>
    </form>
  );
}
