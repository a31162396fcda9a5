import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryView, TimeBasis } from '../../api/audit';
import { Loading } from '../../components/Loading';
import { useCaseLabels } from '../../components/useCaseLabels';
import { useFormat } from '../../format/useFormat';
import { zonedToInstant } from '../../format/zoned';
import { useSession } from '../../session/SessionContext';
import { JsonView } from './JsonView';
import { BasisChoice, MomentInput, MomentKindChoice, RevisionSelect, type MomentKind } from './MomentFields';
import { AuditError } from './AuditError';
import { useStateAsOf, type MomentQuery } from './useHistory';

/** The case as it stood at a revision or at a moment: the domain's own fold, from the service. */
export function StateSection({ caseId, history }: { caseId: string; history: HistoryView }) {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const format = useFormat();
  const labels = useCaseLabels();
  const [kind, setKind] = useState<MomentKind>('revision');
  const [revision, setRevision] = useState('0');
  const [local, setLocal] = useState('');
  const [basis, setBasis] = useState<TimeBasis>('occurred');
  const [inputError, setInputError] = useState<string>();
  const [asked, setAsked] = useState<MomentQuery | null>(null);
  const state = useStateAsOf(caseId, asked);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'revision') {
      setInputError(undefined);
      setAsked({ revision: Number(revision) });
      return;
    }
    const at = zonedToInstant(local, tenant.timeZone);
    if (!at) {
      setInputError(local === '' ? t('audit.moment.required') : t('audit.moment.invalid', { zone: tenant.timeZone }));
      document.getElementById('state-at')?.focus();
      return;
    }
    setInputError(undefined);
    setAsked({ at, basis });
  };

  const view = state.data;
  return (
    <section className="card" aria-labelledby="audit-state">
      <h2 id="audit-state" tabIndex={-1}>
        {t('audit.state.title')}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <MomentKindChoice name="state-kind" value={kind} onChange={setKind} />
        {kind === 'revision' ? (
          <RevisionSelect
            id="state-revision"
            label={t('audit.state.revision')}
            events={history.events}
            value={revision}
            onChange={setRevision}
          />
        ) : (
          <>
            <MomentInput id="state-at" label={t('audit.state.at')} value={local} error={inputError} onChange={setLocal} />
            <BasisChoice name="state-basis" value={basis} onChange={setBasis} />
          </>
        )}
        <button type="submit" className="button" disabled={state.isFetching}>
          {t('audit.state.show')}
        </button>
      </form>
      {asked === null ? null : state.isFetching ? (
        <Loading />
      ) : state.isError ? (
        <AuditError error={state.error} />
      ) : view ? (
        <div className="audit-result">
          <h3>{t('audit.state.resultTitle', { revision: view.revision ?? 0 })}</h3>
          <p role="status">
            {'at' in view.asOf
              ? t(view.asOf.basis === 'recorded' ? 'audit.state.asOfRecorded' : 'audit.state.asOfOccurred', {
                  at: format.dateTime(view.asOf.at),
                  revision: view.revision ?? 0,
                })
              : t('audit.state.asOfRevision', { revision: view.revision ?? 0 })}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('audit.state.status')}</dt>
              <dd>{labels.status(view.status)}</dd>
            </div>
            {view.lastEventOccurredAt && (
              <div>
                <dt>{t('audit.state.lastOccurred')}</dt>
                <dd>{format.dateTime(view.lastEventOccurredAt)}</dd>
              </div>
            )}
            {view.lastEventRecordedAt && (
              <div>
                <dt>{t('audit.state.lastRecorded')}</dt>
                <dd>{format.dateTime(view.lastEventRecordedAt)}</dd>
              </div>
            )}
          </dl>
          <h4>{t('audit.state.fields')}</h4>
          <JsonView value={view.state} />
        </div>
      ) : null}
    </section>
  );
}
