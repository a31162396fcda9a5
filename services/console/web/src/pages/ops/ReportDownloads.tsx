import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadReport, type ReportFormat } from '../../api/reports';
import { useSession } from '../../session/SessionContext';

const FORMATS: readonly ReportFormat[] = ['csv', 'pdf'];
type State = { kind: 'idle' } | { kind: 'preparing'; format: ReportFormat } | { kind: 'done'; name: string } | { kind: 'failed' };

/** The annual feedback report of a chosen year, as CSV (spreadsheets) or PDF (to publish). */
export function ReportDownloads({ years }: { years: number[] }) {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const id = useId();
  const [year, setYear] = useState(years[0] ?? new Date().getFullYear());
  const [state, setState] = useState<State>({ kind: 'idle' });

  const download = async (format: ReportFormat) => {
    setState({ kind: 'preparing', format });
    try {
      setState({ kind: 'done', name: await downloadReport(tenant.slug, year, format) });
    } catch {
      setState({ kind: 'failed' });
    }
  };

  const preparing = state.kind === 'preparing';
  return (
    <section className="card reports" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ops.reports.title')}</h2>
      <p className="muted">{t('ops.reports.text')}</p>
      <div className="reports__controls">
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('ops.reports.year')}</label>
          <select id={`${id}-year`} value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--quiet"
            disabled={preparing}
            aria-disabled={preparing || undefined}
            onClick={() => void download(format)}
          >
            {t(`ops.reports.${format}`, { year })}
          </button>
        ))}
      </div>
      <p role="status" className="reports__status">
        {state.kind === 'preparing'
          ? t('ops.reports.preparing', { format: state.format.toUpperCase() })
          : state.kind === 'done'
            ? t('ops.reports.done', { name: state.name })
            : ''}
      </p>
      {state.kind === 'failed' && (
        <p role="alert" className="field__error">
          {t('ops.reports.failed')}
        </p>
      )}
    </section>
  );
}
