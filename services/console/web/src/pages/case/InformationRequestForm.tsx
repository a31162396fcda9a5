import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InformationRequestBody } from '../../api/cases';
import { OtherErrors, TextAreaField } from './Fields';
import { useFormErrors } from './useFormErrors';

const MAX = 2000;

interface Props {
  etag: string;
  pending: boolean;
  error: Error | null;
  pausesClock: boolean;
  onSubmit: (body: InformationRequestBody, etag: string) => void;
}

/** What the submitter is asked for, in the words they will be told (АПК чл. 111(3)). */
export function InformationRequestForm({ etag, pending, error, pausesClock, onSubmit }: Props) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState('');
  const missingRef = useRef<HTMLTextAreaElement>(null);
  const { errors, other, check } = useFormErrors(['missing'] as const, error, { missing: missingRef });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = check(
      missing.trim() === ''
        ? { missing: t('case.ask.errors.required') }
        : missing.length > MAX
          ? { missing: t('case.action.errors.tooLong', { max: MAX }) }
          : {},
    );
    if (ok) onSubmit({ missing }, etag);
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="case-ask">
      <TextAreaField
        id="ask-missing"
        label={t('case.ask.missing')}
        hint={pausesClock ? t('case.ask.pauses') : t('case.ask.runs')}
        value={missing}
        onChange={setMissing}
        error={errors.missing}
        inputRef={missingRef}
      />
      <OtherErrors errors={other} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('case.action.sending') : t('case.ask.send')}
      </button>
    </form>
  );
}
