import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VERIFICATION_METHODS, type DataSubjectRequest } from '../../api/dataSubjects';
import { ApiError } from '../../api/errors';
import {
  blankRequest,
  isVerificationMethod,
  MAX_REFERENCE,
  REQUEST_FIELDS,
  requestBody,
  requestFieldOf,
  requestProblems,
  type RequestField,
  type RequestValues,
} from './requestFields';

type Messages = Partial<Record<RequestField, string>>;
const fieldId = (field: RequestField) => `data-subject-${field}`;
const errorId = (field: RequestField) => `data-subject-${field}-error`;

interface Props {
  /** After a finished request, the new form takes the focus (the receipt that had it is gone). */
  focusOnOpen?: boolean;
  pending: boolean;
  /** The search's failure: a 400 names the bad fields, shown under each. */
  error: Error | null;
  onSubmit: (body: DataSubjectRequest) => void;
}

/**
 * Whose data, and how the person proved the contact is theirs (GDPR art. 12(6)): an e-mail or a phone, the
 * verification method and where its proof is filed. Each error under its field; the first bad field takes the focus.
 */
export function RequestForm({ focusOnOpen, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RequestValues>(blankRequest);
  const [client, setClient] = useState<Messages>({});
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) title.current?.focus();
  }, []);

  const server: Messages = {};
  const other: string[] = [];
  if (error instanceof ApiError && error.status === 400) {
    for (const { field, reason } of error.body?.errors ?? []) {
      const name = requestFieldOf(field);
      const message = t('dataSubjects.errors.server', { reason });
      if (name) server[name] ??= message;
      else other.push(`${field}: ${reason}`);
    }
  }
  const errors: Messages = { ...server, ...client };

  const focusFirst = (found: Messages) => {
    const first = REQUEST_FIELDS.find((field) => found[field]);
    if (!first) return;
    // The radio group's error belongs to its first radio, which is where the keyboard enters the group.
    const target = first === 'method' ? `#${fieldId('method')}-${VERIFICATION_METHODS[0]}` : `#${fieldId(first)}`;
    form.current?.querySelector<HTMLElement>(target)?.focus();
  };
  useEffect(() => {
    if (error instanceof ApiError && error.status === 400) focusFirst(server);
  }, [error]);

  const set = <K extends keyof RequestValues>(key: K, value: RequestValues[K]) => setValues((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = requestProblems(values);
    const found: Messages = {};
    for (const field of REQUEST_FIELDS) {
      const problem = problems[field];
      if (problem) found[field] = t(`dataSubjects.errors.${problem}`, { max: MAX_REFERENCE });
    }
    setClient(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    onSubmit(requestBody(values));
  };

  const describedBy = (field: RequestField, hint?: string) =>
    [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: RequestField) =>
    errors[field] ? (
      <p id={errorId(field)} className="field__error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form ref={form} className="form card" noValidate onSubmit={submit} aria-labelledby="data-subject-form-title">
      <h2 id="data-subject-form-title" ref={title} tabIndex={-1}>
        {t('dataSubjects.form.title')}
      </h2>
      <fieldset className="fieldset" aria-describedby="data-subject-contact-hint">
        <legend>{t('dataSubjects.form.contact')}</legend>
        <p id="data-subject-contact-hint" className="field__hint">
          {t('dataSubjects.form.contactHint')}
        </p>
        <div className="field">
          <label htmlFor={fieldId('email')}>{t('dataSubjects.form.email')}</label>
          <input
            id={fieldId('email')}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('email')}
            onChange={(event) => set('email', event.target.value)}
          />
          {fieldError('email')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('phone')}>{t('dataSubjects.form.phone')}</label>
          <input
            id={fieldId('phone')}
            type="tel"
            autoComplete="off"
            value={values.phone}
            aria-invalid={errors.phone ? true : undefined}
            aria-describedby={describedBy('phone')}
            onChange={(event) => set('phone', event.target.value)}
          />
          {fieldError('phone')}
        </div>
      </fieldset>

      <fieldset className="fieldset" aria-describedby={describedBy('method')}>
        <legend>{t('dataSubjects.form.method')}</legend>
        {VERIFICATION_METHODS.map((method) => (
          <div key={method} className="field field--check">
            <input
              type="radio"
              id={`${fieldId('method')}-${method}`}
              name="verification-method"
              value={method}
              checked={values.method === method}
              aria-invalid={errors.method ? true : undefined}
              onChange={(event) => isVerificationMethod(event.target.value) && set('method', event.target.value)}
            />
            <label htmlFor={`${fieldId('method')}-${method}`}>{t(`dataSubjects.methods.${method}`)}</label>
          </div>
        ))}
        {fieldError('method')}
      </fieldset>

      <div className="field">
        <label htmlFor={fieldId('reference')}>{t('dataSubjects.form.reference')}</label>
        <p id="data-subject-reference-hint" className="field__hint">
          {t('dataSubjects.form.referenceHint')}
        </p>
        <input
          id={fieldId('reference')}
          type="text"
          autoComplete="off"
          value={values.reference}
          aria-required="true"
          aria-invalid={errors.reference ? true : undefined}
          aria-describedby={describedBy('reference', 'data-subject-reference-hint')}
          onChange={(event) => set('reference', event.target.value)}
        />
        {fieldError('reference')}
      </div>
      {other.length > 0 && (
        <ul className="field__error">
          {other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('dataSubjects.form.searching') : t('dataSubjects.form.submit')}
      </button>
    </form>
  );
}
