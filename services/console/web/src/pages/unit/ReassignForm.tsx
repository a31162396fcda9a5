import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../api/cases';
import type { Officer } from '../../api/admin';
import { ApiError } from '../../api/errors';
import { currentLanguage } from '../../i18n';
import { useCaseRevision, useReassign } from './useReassign';

const OPEN = new Set(['Routed', 'Assigned', 'AwaitingSubmitter', 'Accepted']);

/** What became of the last attempt, in words: done, or why not (412: the case moved on; 422: not this officer). */
function Outcome({ reassign }: { reassign: ReturnType<typeof useReassign> }) {
  const { t } = useTranslation();
  if (reassign.isSuccess) return <p className="notice notice--success">{t('admin.unit.reassign.done')}</p>;
  if (!reassign.isError) return null;
  const error = reassign.error;
  const status = error instanceof ApiError ? error.status : undefined;
  const details = error instanceof ApiError ? (error.body?.errors ?? []) : [];
  const rejection = error instanceof ApiError ? error.body?.rejection : undefined;
  const message =
    status === 412
      ? t('admin.unit.reassign.errors.stale')
      : status === 422
        ? t('admin.unit.reassign.errors.officer')
        : status === 409
          ? t('admin.unit.reassign.errors.state')
          : status === 400
            ? t('admin.unit.reassign.errors.invalid')
            : t('admin.unit.reassign.errors.generic');
  return (
    <div className="notice notice--error">
      <p>{message}</p>
      {rejection && <p>{rejection.message[currentLanguage()]}</p>}
      {details.length > 0 && (
        <ul>
          {details.map(({ field, reason }) => (
            <li key={`${field}-${reason}`}>{`${field}: ${reason}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Reassign one of the unit's open cases to another present officer of the unit, with the reason. */
export function ReassignForm({ cases, officers }: { cases: CaseListItem[]; officers: Officer[] }) {
  const { t } = useTranslation();
  const [caseId, setCaseId] = useState('');
  const [officerId, setOfficerId] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const outcome = useRef<HTMLDivElement>(null);
  const revision = useCaseRevision(caseId);
  const reassign = useReassign();
  const open = cases.filter((item) => item.caseId && item.status && OPEN.has(item.status));
  const chosen = open.find((item) => item.caseId === caseId);
  const present = officers.filter((officer) => !officer.absent && officer.id !== chosen?.officerId);

  useEffect(() => {
    if (reassign.isSuccess || reassign.isError) outcome.current?.focus();
  }, [reassign.isSuccess, reassign.isError, reassign.submittedAt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = [caseId === '' && 'case', officerId === '' && 'officer', reason.trim() === '' && 'reason'].filter(
      (field): field is string => typeof field === 'string',
    );
    setMissing(found);
    if (found.length > 0) {
      document.getElementById(`reassign-${found[0]}`)?.focus();
      return;
    }
    if (!revision.data) return;
    reassign.mutate(
      { caseId, officerId, reason: reason.trim(), etag: revision.data.etag },
      {
        // Done: the form starts again empty (the queue and the workload are read again meanwhile).
        onSuccess: () => {
          setCaseId('');
          setOfficerId('');
          setReason('');
        },
      },
    );
  };

  const fieldError = (field: string) =>
    missing.includes(field) ? (
      <p id={`reassign-${field}-error`} className="field__error">
        {t(`admin.unit.reassign.required.${field as 'case' | 'officer' | 'reason'}`)}
      </p>
    ) : null;
  const invalid = (field: string) =>
    missing.includes(field) ? { 'aria-invalid': true, 'aria-describedby': `reassign-${field}-error` } : {};

  if (open.length === 0) return <p className="empty">{t('admin.unit.reassign.nothing')}</p>;
  return (
    <>
      <div ref={outcome} tabIndex={-1} className="outcome" role="status">
        <Outcome reassign={reassign} />
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="reassign-case">{t('admin.unit.reassign.case')}</label>
          <select
            id="reassign-case"
            value={caseId}
            onChange={(event) => setCaseId(event.target.value)}
            aria-required="true"
            {...invalid('case')}
          >
            <option value="">{t('admin.unit.reassign.chooseCase')}</option>
            {open.map((item) => (
              <option key={item.caseId} value={item.caseId}>
                {t('admin.unit.reassign.caseOption', { number: item.registryNumber, officer: item.officerId ?? t('admin.unit.nobody') })}
              </option>
            ))}
          </select>
          {fieldError('case')}
        </div>
        <div className="field">
          <label htmlFor="reassign-officer">{t('admin.unit.reassign.officer')}</label>
          <select
            id="reassign-officer"
            value={officerId}
            onChange={(event) => setOfficerId(event.target.value)}
            aria-required="true"
            {...invalid('officer')}
          >
            <option value="">{t('admin.unit.reassign.chooseOfficer')}</option>
            {present.map((officer) => (
              <option key={officer.id} value={officer.id}>
                {t('admin.unit.reassign.officerOption', { officer: officer.id, count: officer.openCases })}
              </option>
            ))}
          </select>
          {fieldError('officer')}
        </div>
        <div className="field">
          <label htmlFor="reassign-reason">{t('admin.unit.reassign.reason')}</label>
          <textarea
            id="reassign-reason"
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-required="true"
            {...invalid('reason')}
          />
          {fieldError('reason')}
        </div>
        {caseId !== '' && revision.isError && <p className="field__error">{t('admin.unit.reassign.errors.caseUnreadable')}</p>}
        <button type="submit" className="button" disabled={reassign.isPending || (caseId !== '' && !revision.data)}>
          {reassign.isPending ? t('admin.unit.reassign.sending') : t('admin.unit.reassign.submit')}
        </button>
      </form>
    </>
  );
}
