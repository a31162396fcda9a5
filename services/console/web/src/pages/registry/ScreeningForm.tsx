import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import type { ScreeningDecision } from './useScreeningDecision';

const GROUNDS = ['anonymous', 'time-barred', 'offensive-language', 'personal-or-classified-information', 'other'] as const;
type Ground = (typeof GROUNDS)[number];
type Field = 'decision' | 'ground' | 'reason';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['decision', 'ground', 'reason'];
const MAX_REASON = 2_000;

const isGround = (value: string): value is Ground => (GROUNDS as readonly string[]).includes(value);

interface Props {
  etag: string;
  /** The flags' codes: a flag that is itself a ground (e.g. `anonymous`) is offered as the ground. */
  flagCodes: string[];
  pending: boolean;
  error: Error | null;
  onSubmit: (body: ScreeningDecision, etag: string) => void;
}

/** Accept, or no proceedings with a ground; on a flagged case either way with a recorded reason. */
export function ScreeningForm({ etag, flagCodes, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'' | 'accept' | 'no-proceedings'>('');
  const [ground, setGround] = useState<string>(() => flagCodes.find(isGround) ?? '');
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const form = useRef<HTMLFormElement>(null);

  const serverErrors: FieldErrors = {};
  const otherErrors: string[] = [];
  if (error instanceof ApiError && error.status === 400) {
    for (const { field, reason: why } of error.body?.errors ?? []) {
      const message = t('registry.register.errors.server', { reason: why });
      if ((FIELDS as readonly string[]).includes(field)) serverErrors[field as Field] ??= message;
      else otherErrors.push(`${field}: ${why}`);
    }
  }
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const focusFirst = (found: FieldErrors) => {
    const first = FIELDS.find((field) => found[field]);
    const target = first === 'decision' ? 'screening-accept' : `screening-${first}`;
    if (first) form.current?.querySelector<HTMLElement>(`#${target}`)?.focus();
  };
  useEffect(() => {
    if (error instanceof ApiError && error.status === 400) focusFirst(serverErrors);
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!decision) found.decision = t('registry.decide.errors.decision');
    if (decision === 'no-proceedings' && !isGround(ground)) found.ground = t('registry.decide.errors.ground');
    if (!reason.trim()) found.reason = t('registry.decide.errors.reason');
    else if (reason.length > MAX_REASON) found.reason = t('registry.decide.errors.reasonTooLong', { max: MAX_REASON });
    setClientErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    if (decision === 'accept') onSubmit({ decision, reason }, etag);
    else if (decision === 'no-proceedings' && isGround(ground)) onSubmit({ decision, ground, reason }, etag);
  };

  const describedBy = (field: Field, hint?: string) =>
    [hint, errors[field] ? `screening-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`screening-${field}-error`} className="field__error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form ref={form} className="form" noValidate onSubmit={submit}>
      <fieldset className="fieldset" aria-describedby={describedBy('decision')}>
        <legend>{t('registry.decide.decision')}</legend>
        <div className="field field--check">
          <input
            type="radio"
            id="screening-accept"
            name="decision"
            value="accept"
            checked={decision === 'accept'}
            aria-invalid={errors.decision ? true : undefined}
            onChange={() => setDecision('accept')}
          />
          <label htmlFor="screening-accept">{t('registry.decide.accept')}</label>
        </div>
        <div className="field field--check">
          <input
            type="radio"
            id="screening-no-proceedings"
            name="decision"
            value="no-proceedings"
            checked={decision === 'no-proceedings'}
            aria-invalid={errors.decision ? true : undefined}
            onChange={() => setDecision('no-proceedings')}
          />
          <label htmlFor="screening-no-proceedings">{t('registry.decide.noProceedings')}</label>
        </div>
        {fieldError('decision')}
      </fieldset>
      {decision === 'no-proceedings' && (
        <div className="field">
          <label htmlFor="screening-ground">{t('registry.decide.ground')}</label>
          <select
            id="screening-ground"
            value={ground}
            aria-required="true"
            aria-invalid={errors.ground ? true : undefined}
            aria-describedby={describedBy('ground')}
            onChange={(event) => setGround(event.target.value)}
          >
            <option value="">{t('registry.register.choose')}</option>
            {GROUNDS.map((option) => (
              <option key={option} value={option}>
                {t(`registry.decide.grounds.${option}`)}
              </option>
            ))}
          </select>
          {fieldError('ground')}
        </div>
      )}
      <div className="field">
        <label htmlFor="screening-reason">{t('registry.decide.reason')}</label>
        {decision === 'no-proceedings' && (
          <p id="screening-reason-hint" className="field__hint">
            {t('registry.decide.reasonHintNoProceedings')}
          </p>
        )}
        <textarea
          id="screening-reason"
          rows={4}
          value={reason}
          aria-required="true"
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy('reason', decision === 'no-proceedings' ? 'screening-reason-hint' : undefined)}
          onChange={(event) => setReason(event.target.value)}
        />
        {fieldError('reason')}
      </div>
      {otherErrors.length > 0 && (
        <ul className="field__error">
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('registry.decide.submitting') : t('registry.decide.submit')}
      </button>
    </form>
  );
}
