import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChange, HistoryEntry, HistoryView, JsonValue, TimeBasis } from '../../api/audit';
import { Loading } from '../../components/Loading';
import { zonedToInstant } from '../../format/zoned';
import { useSession } from '../../session/SessionContext';
import { AuditError } from './AuditError';
import { fieldDiff } from './fieldDiff';
import { JsonView } from './JsonView';
import { BasisChoice, MomentInput, MomentKindChoice, RevisionSelect, type MomentKind } from './MomentFields';
import { readDiff, stateReader } from './useHistory';
import { useAuditLabels } from './useAuditLabels';

type DiffAsk = { by: 'revision'; from: number; to: number } | { by: 'moment'; from: string; to: string; basis: TimeBasis };

interface DiffResult {
  fromRevision: number | null;
  toRevision: number | null;
  changes: FieldChange[];
  events: HistoryEntry[];
}

/**
 * What changed between two moments. Between two instants the service's diff answers; between two revisions (which
 * an instant cannot always name: events of one command share their recording time) the console compares the two
 * states the service folds at those revisions, with the service's rules (fieldDiff.ts).
 */
export function DiffSection({ caseId, history }: { caseId: string; history: HistoryView }) {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const [kind, setKind] = useState<MomentKind>('revision');
  const [fromRevision, setFromRevision] = useState('0');
  const [toRevision, setToRevision] = useState(String(history.head.revision));
  const [fromLocal, setFromLocal] = useState('');
  const [toLocal, setToLocal] = useState('');
  const [basis, setBasis] = useState<TimeBasis>('occurred');
  const [errors, setErrors] = useState<{ from?: string; to?: string; order?: string }>({});
  const [asked, setAsked] = useState<DiffAsk | null>(null);

  const diff = useQuery({
    queryKey: ['audit', tenant.slug, caseId, 'diff', asked],
    enabled: asked !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: async ({ signal }): Promise<DiffResult> => {
      const ask = asked as DiffAsk;
      if (ask.by === 'moment') {
        const view = await readDiff(tenant.slug, caseId, { from: ask.from, to: ask.to, basis: ask.basis }, signal);
        return { fromRevision: view.from.revision, toRevision: view.to.revision, changes: view.changes, events: view.events };
      }
      const read = stateReader(tenant.slug, caseId);
      const [from, to] = await Promise.all([read({ revision: ask.from }, signal), read({ revision: ask.to }, signal)]);
      return {
        fromRevision: from.revision,
        toRevision: to.revision,
        changes: fieldDiff(from.state, to.state),
        events: history.events.filter((entry) => entry.revision > ask.from && entry.revision <= ask.to),
      };
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'revision') {
      const from = Number(fromRevision);
      const to = Number(toRevision);
      const order = to < from ? t('audit.diff.orderRevisions') : undefined;
      setErrors({ order });
      if (!order) setAsked({ by: 'revision', from, to });
      return;
    }
    const from = zonedToInstant(fromLocal, tenant.timeZone);
    const to = zonedToInstant(toLocal, tenant.timeZone);
    const bad = (local: string) => (local === '' ? t('audit.moment.required') : t('audit.moment.invalid', { zone: tenant.timeZone }));
    const found = {
      from: from ? undefined : bad(fromLocal),
      to: to ? undefined : bad(toLocal),
      order: from && to && Date.parse(to) < Date.parse(from) ? t('audit.diff.orderMoments') : undefined,
    };
    setErrors(found);
    if (found.from) document.getElementById('diff-from-at')?.focus();
    else if (found.to || found.order) document.getElementById('diff-to-at')?.focus();
    else if (from && to) setAsked({ by: 'moment', from, to, basis });
  };

  return (
    <section className="card" aria-labelledby="audit-diff">
      <h2 id="audit-diff" tabIndex={-1}>
        {t('audit.diff.title')}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <MomentKindChoice name="diff-kind" value={kind} onChange={setKind} />
        {kind === 'revision' ? (
          <div className="form__pair">
            <RevisionSelect
              id="diff-from-revision"
              label={t('audit.diff.from')}
              events={history.events}
              value={fromRevision}
              onChange={setFromRevision}
            />
            <RevisionSelect
              id="diff-to-revision"
              label={t('audit.diff.to')}
              events={history.events}
              value={toRevision}
              onChange={setToRevision}
            />
          </div>
        ) : (
          <>
            <div className="form__pair">
              <MomentInput id="diff-from-at" label={t('audit.diff.from')} value={fromLocal} error={errors.from} onChange={setFromLocal} />
              <MomentInput id="diff-to-at" label={t('audit.diff.to')} value={toLocal} error={errors.to} onChange={setToLocal} />
            </div>
            <BasisChoice name="diff-basis" value={basis} onChange={setBasis} />
          </>
        )}
        {errors.order && (
          <p role="alert" className="field__error">
            {errors.order}
          </p>
        )}
        <button type="submit" className="button" disabled={diff.isFetching}>
          {t('audit.diff.show')}
        </button>
      </form>
      {asked === null ? null : diff.isFetching ? (
        <Loading />
      ) : diff.isError ? (
        <AuditError error={diff.error} />
      ) : diff.data ? (
        <DiffResultView result={diff.data} />
      ) : null}
    </section>
  );
}

function DiffResultView({ result }: { result: DiffResult }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const from =
    result.fromRevision === null ? t('audit.diff.beforeRegistration') : t('audit.diff.revision', { revision: result.fromRevision });
  const to = result.toRevision === null ? '' : t('audit.diff.revision', { revision: result.toRevision });
  return (
    <div className="audit-result">
      <h3>{t('audit.diff.resultTitle', { from, to })}</h3>
      <p role="status">{t('audit.diff.count', { count: result.changes.length })}</p>
      {result.changes.length > 0 && (
        <table className="cases changes">
          <caption className="visually-hidden">{t('audit.diff.resultTitle', { from, to })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.diff.field')}</th>
              <th scope="col">{t('audit.diff.before')}</th>
              <th scope="col">{t('audit.diff.after')}</th>
            </tr>
          </thead>
          <tbody>
            {result.changes.map((change) => (
              <tr key={change.path}>
                <th scope="row" data-label={t('audit.diff.field')}>
                  <code className="mono">{change.path}</code>
                </th>
                <td data-label={t('audit.diff.before')}>
                  <Side change={change} side="before" />
                </td>
                <td data-label={t('audit.diff.after')}>
                  <Side change={change} side="after" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('audit.diff.events')}</h4>
      {result.events.length === 0 ? (
        <p className="empty">{t('audit.diff.noEvents')}</p>
      ) : (
        <ul className="plain-list">
          {result.events.map((entry) => (
            <li key={entry.eventId}>
              {t('audit.history.revision', { revision: entry.revision })} · {labels.event(entry.type)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Side({ change, side }: { change: FieldChange; side: 'before' | 'after' }) {
  const value: JsonValue | undefined = change[side];
  const name = change.path.split('.').at(-1);
  return <JsonView value={value} name={name} />;
}
