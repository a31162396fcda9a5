import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffContact } from '../../api/admin';
import { SaveOutcome } from './SaveOutcome';
import { useSaveContact } from './useStaffContacts';

/** One officer's work e-mail address: saved on its own (PUT), or removed when emptied (DELETE). */
export function ContactRow({ userId, contact, index }: { userId: string; contact: StaffContact | undefined; index: number }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(contact?.email ?? '');
  const save = useSaveContact();
  const id = `contact-${index}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ userId, email: email.trim(), roles: contact?.roles ?? [] });
  };
  const unchanged = email.trim() === (contact?.email ?? '');
  return (
    <form className="contact" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('admin.settings.officers.emailOf', { officer: userId })}</label>
        <input id={id} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <button type="submit" className="button" disabled={save.isPending || unchanged}>
        {email.trim() === '' && contact ? t('admin.settings.officers.removeEmail') : t('admin.settings.officers.saveEmail')}
      </button>
      <div role="status" className="outcome">
        <SaveOutcome saved={save.isSuccess} error={save.error} />
      </div>
    </form>
  );
}
