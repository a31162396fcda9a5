import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isCaseKind } from '../../api/cases';
import { currentLanguage } from '../../i18n';
import { filtersToParams, isMonth, KINDS, type OpsFilters } from './filters';
import { useUnits } from './useDashboard';

/**
 * Period (from–to month), kind and unit. Applying them changes the address, so every view can be bookmarked
 * and the browser's back button undoes a filter. The unit list is routing's; a reader who may not list the
 * units (the mayor) sees no unit filter.
 */
export function DashboardFilters({ filters }: { filters: OpsFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnits();
  const id = useId();
  const [error, setError] = useState(false);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    const kind = String(data.get('kind') ?? '');
    const unit = String(data.get('unit') ?? '');
    if (!isMonth(from) || !isMonth(to) || from > to) {
      setError(true);
      return;
    }
    setError(false);
    const next = filtersToParams({ from, to, ...(isCaseKind(kind) ? { kind } : {}), ...(unit ? { unit } : {}) });
    navigate({ search: `?${next.toString()}` });
  };

  const language = currentLanguage();
  return (
    <form className="card dashboard-filters" onSubmit={apply} aria-labelledby={`${id}-title`} key={filtersToParams(filters).toString()}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('ops.filters.title')}
      </h2>
      <div className="dashboard-filters__fields">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('ops.filters.from')}</label>
          <input
            id={`${id}-from`}
            name="from"
            type="month"
            defaultValue={filters.from}
            required
            aria-invalid={error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('ops.filters.to')}</label>
          <input
            id={`${id}-to`}
            name="to"
            type="month"
            defaultValue={filters.to}
            required
            aria-invalid={error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('ops.filters.kind')}</label>
          <select id={`${id}-kind`} name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('ops.filters.allKinds')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {units.isSuccess && (
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('ops.filters.unit')}</label>
            <select id={`${id}-unit`} name="unit" defaultValue={filters.unit ?? ''}>
              <option value="">{t('ops.filters.allUnits')}</option>
              {units.data.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name[language]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t('ops.filters.badPeriod')}
        </p>
      )}
      <div className="dashboard-filters__actions">
        <button type="submit" className="button">
          {t('ops.filters.apply')}
        </button>
        <Link to={{ search: '' }} className="button button--quiet">
          {t('ops.filters.reset')}
        </Link>
      </div>
    </form>
  );
}
