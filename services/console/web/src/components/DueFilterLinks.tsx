import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DueFilter } from '../api/cases';

const FILTERS: readonly (DueFilter | undefined)[] = [undefined, 'overdue', 'soon'];

/** All / overdue / due soon, as links (so each filter has its own address); the current one is marked. */
export function DueFilterLinks({ current }: { current: DueFilter | undefined }) {
  const { t } = useTranslation();
  return (
    <nav className="filters" aria-label={t('myCases.filters.label')}>
      <ul className="filters__list">
        {FILTERS.map((filter) => (
          <li key={filter ?? 'all'}>
            <Link
              to={{ search: filter ? `?due=${filter}` : '' }}
              className="filters__link"
              aria-current={filter === current ? 'page' : undefined}
            >
              {t(`myCases.filters.${filter ?? 'all'}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
