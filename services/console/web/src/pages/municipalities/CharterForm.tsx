import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import type { Charter } from '../../api/municipalities';
import { currentLanguage } from '../../i18n';
import {
  CHARTER_FIELDS,
  MAX_REASON,
  dateProblem,
  parseCharter,
  reasonProblem,
  serverProblems,
  type CharterField,
  type CharterProblem,
} from './charterForm';
import { ProblemSummary, type SummaryItem } from './ProblemSummary';

export interface CharterValues {
  text: string;
  effectiveFrom: string;
  reason: string;
}

export interface CharterSubmission {
  charter: Charter;
  effectiveFrom: string;
  reason: string;
}

interface Props {
  id: string;
  values: CharterValues;
  onChange: (values: CharterValues) => void;
  /** The revision's form asks from which day; the registration's does not (version 1 applies at once). */
  withDate: boolean;
  pending: boolean;
  /** The service's refusal of the last submit. */
  error: Error | null;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (submission: CharterSubmission) => void;
  /** After a 412: load the latest version into the form. */
  onReload?: () => void;
}

type ClientProblems = Partial<Record<CharterField, { problem: CharterProblem; detail?: string }>>;

/**
 * A charter's data as JSON (pasted, or read from a file into the same box to be checked), with the day it applies
 * from and why. Every problem, the form's own or the service's, is listed above the form as `field: reason` and
 * the list takes the focus; each field says what is wrong with it too.
 */
export function CharterForm({ id, values, onChange, withDate, pending, error, submitLabel, pendingLabel, onSubmit, onReload }: Props) {
  const { t } = useTranslation();
  const [client, setClient] = useState<ClientProblems>({});
  const [attempt, setAttempt] = useState(0);
  const [file, setFile] = useState<{ state: 'read'; name: string; size: number } | { state: 'failed'; name: string } | null>(null);

  // Each refusal from the service: the summary takes the focus again.
  useEffect(() => {
    if (error) setAttempt((count) => count + 1);
  }, [error]);

  const controlId = (field: CharterField | 'file') =>
    `${id}-${{ charter: 'charter', effectiveFrom: 'effective-from', reason: 'reason', file: 'file' }[field]}`;
  const labels: Record<CharterField, string> = {
    charter: t('municipalities.form.charter'),
    effectiveFrom: t('municipalities.form.effectiveFrom'),
    reason: t('municipalities.form.reason'),
  };
  const clientMessage = (found: { problem: CharterProblem; detail?: string }) =>
    found.detail
      ? `${t(`municipalities.errors.${found.problem}`, { max: MAX_REASON })} (${found.detail})`
      : t(`municipalities.errors.${found.problem}`, { max: MAX_REASON });

  const set = (key: keyof CharterValues, value: string) => onChange({ ...values, [key]: value });

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    try {
      const text = await chosen.text();
      onChange({ ...values, text });
      setFile({ state: 'read', name: chosen.name, size: text.length });
    } catch {
      setFile({ state: 'failed', name: chosen.name });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: ClientProblems = {};
    const parsed = parseCharter(values.text);
    if ('problem' in parsed) found.charter = { problem: parsed.problem, ...(parsed.detail ? { detail: parsed.detail } : {}) };
    const date = withDate ? dateProblem(values.effectiveFrom) : undefined;
    if (date) found.effectiveFrom = { problem: date };
    const reason = reasonProblem(values.reason);
    if (reason) found.reason = { problem: reason };
    setClient(found);
    if ('problem' in parsed || Object.keys(found).length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    onSubmit({ charter: parsed.charter, effectiveFrom: values.effectiveFrom.trim(), reason: values.reason.trim() });
  };

  // The form's own problems first; the service's only for what was sent (a new submit clears them).
  const clientFields = CHARTER_FIELDS.filter((field) => client[field]);
  const showServer = clientFields.length === 0 && error !== null && !pending;
  const server = showServer ? serverProblems(error) : [];
  const status = error instanceof ApiError ? error.status : undefined;
  const rejection = error instanceof ApiError ? error.body?.rejection?.message[currentLanguage()] : undefined;

  const inline = (field: CharterField): string | undefined => {
    const own = client[field];
    if (own) return clientMessage(own);
    const named = server.filter((problem) => problem.control === field);
    if (named.length === 0) return undefined;
    if (field === 'charter') return t('municipalities.errors.charterServer', { count: named.length });
    return server.length === 1 && rejection ? rejection : named.map((problem) => problem.reason).join('; ');
  };

  let summary: { title: string; items: SummaryItem[]; message?: string } | undefined;
  if (clientFields.length > 0) {
    summary = {
      title: t('municipalities.errors.client', { count: clientFields.length }),
      items: clientFields.map((field) => ({
        key: field,
        field: labels[field],
        message: clientMessage(client[field] ?? { problem: 'charterRequired' }),
        target: controlId(field),
      })),
    };
  } else if (showServer) {
    const title =
      status === 400 || status === 422
        ? t('municipalities.errors.invalid', { count: server.length })
        : status === 409
          ? t('municipalities.errors.taken')
          : status === 412
            ? t('municipalities.errors.stale')
            : status === 403
              ? t('errors.forbidden')
              : status === 404
                ? t('municipalities.errors.notFound')
                : status === undefined
                  ? t('errors.network')
                  : t('municipalities.errors.generic');
    summary = {
      title,
      ...(rejection ? { message: rejection } : {}),
      items: server.map((problem, index) => ({
        key: `${problem.field}-${index}`,
        field: problem.field,
        message: problem.reason,
        code: true,
        ...(problem.control ? { target: controlId(problem.control) } : {}),
      })),
    };
  }

  const describedBy = (field: CharterField, hint: string) =>
    [hint, inline(field) ? `${controlId(field)}-error` : undefined].filter(Boolean).join(' ');
  const fieldError = (field: CharterField) => {
    const message = inline(field);
    return message ? (
      <p id={`${controlId(field)}-error`} className="field__error">
        {message}
      </p>
    ) : null;
  };

  return (
    <form className="form charter-form" noValidate onSubmit={submit}>
      {summary && (
        <ProblemSummary id={`${id}-problems`} title={summary.title} attempt={attempt} message={summary.message} items={summary.items}>
          {status === 412 && showServer && onReload && (
            <>
              <p>{t('municipalities.revise.reloadHint')}</p>
              <button type="button" className="button" onClick={onReload}>
                {t('municipalities.revise.reload')}
              </button>
            </>
          )}
        </ProblemSummary>
      )}
      <div className="field">
        <label htmlFor={controlId('file')}>{t('municipalities.form.file')}</label>
        <p id={`${controlId('file')}-hint`} className="field__hint">
          {t('municipalities.form.fileHint')}
        </p>
        <input
          id={controlId('file')}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${controlId('file')}-hint ${controlId('file')}-status`}
          onChange={(event) => void readFile(event)}
        />
        <p id={`${controlId('file')}-status`} role="status" className="field__hint">
          {file?.state === 'read'
            ? t('municipalities.form.fileRead', { name: file.name, count: file.size })
            : file?.state === 'failed'
              ? t('municipalities.form.fileFailed', { name: file.name })
              : ''}
        </p>
      </div>
      <div className="field">
        <label htmlFor={controlId('charter')}>{labels.charter}</label>
        <p id={`${controlId('charter')}-hint`} className="field__hint">
          {t('municipalities.form.charterHint')}
        </p>
        <textarea
          id={controlId('charter')}
          className="charter-form__json"
          rows={16}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          value={values.text}
          aria-required="true"
          aria-invalid={inline('charter') ? true : undefined}
          aria-describedby={describedBy('charter', `${controlId('charter')}-hint`)}
          onChange={(event) => set('text', event.target.value)}
        />
        {fieldError('charter')}
      </div>
      {withDate && (
        <div className="field">
          <label htmlFor={controlId('effectiveFrom')}>{labels.effectiveFrom}</label>
          <p id={`${controlId('effectiveFrom')}-hint`} className="field__hint">
            {t('municipalities.form.effectiveFromHint')}
          </p>
          <input
            id={controlId('effectiveFrom')}
            type="date"
            className="charter-form__date"
            value={values.effectiveFrom}
            aria-required="true"
            aria-invalid={inline('effectiveFrom') ? true : undefined}
            aria-describedby={describedBy('effectiveFrom', `${controlId('effectiveFrom')}-hint`)}
            onChange={(event) => set('effectiveFrom', event.target.value)}
          />
          {fieldError('effectiveFrom')}
        </div>
      )}
      <div className="field">
        <label htmlFor={controlId('reason')}>{labels.reason}</label>
        <p id={`${controlId('reason')}-hint`} className="field__hint">
          {t('municipalities.form.reasonHint')}
        </p>
        <textarea
          id={controlId('reason')}
          rows={3}
          value={values.reason}
          aria-required="true"
          aria-invalid={inline('reason') ? true : undefined}
          aria-describedby={describedBy('reason', `${controlId('reason')}-hint`)}
          onChange={(event) => set('reason', event.target.value)}
        />
        {fieldError('reason')}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
