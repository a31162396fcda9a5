import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskCaseView, ExtensionBody } from '../../api/cases';
import { useFormat } from '../../format/useFormat';
import { InputField, OtherErrors, TextAreaField } from './Fields';
import { useFormErrors } from './useFormErrors';

const MAX = 2000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Props {
  deadline: NonNullable<DeskCaseView['deadline']>;
  etag: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (body: ExtensionBody, etag: string) => void;
}

/**
 * The reasons and the new final date (АПК чл. 118(2); the charters: the submitter is told both). The legal maximum
 * is shown; the service judges it, and its refusal is shown next to the date.
 */
export function ExtensionForm({ deadline, etag, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const { errors, other, check } = useFormErrors(['reason', 'newFinalDate'] as const, error, { reason: reasonRef, newFinalDate: dateRef });
  const max = deadline.maxFinalDate ?? undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { reason?: string; newFinalDate?: string } = {};
    if (reason.trim() === '') found.reason = t('case.extend.errors.reasonRequired');
    else if (reason.length > MAX) found.reason = t('case.action.errors.tooLong', { max: MAX });
    if (!ISO_DATE.test(date)) found.newFinalDate = t('case.extend.errors.dateRequired');
    if (check(found)) onSubmit({ reason, newFinalDate: date }, etag);
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="case-extend">
      <TextAreaField
        id="extend-reason"
        label={t('case.extend.reason')}
        hint={t('case.extend.reasonHint')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        inputRef={reasonRef}
      />
      <InputField
        id="extend-date"
        type="date"
        label={t('case.extend.date')}
        hint={
          <>
            {deadline.due && t('case.extend.current', { date: format.date(deadline.due) })}{' '}
            {max && t('case.extend.max', { date: format.date(max) })}
          </>
        }
        value={date}
        min={deadline.due ?? undefined}
        max={max}
        onChange={setDate}
        error={errors.newFinalDate}
        inputRef={dateRef}
      />
      <OtherErrors errors={other} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('case.action.sending') : t('case.extend.send')}
      </button>
    </form>
  );
}
