import { useTranslation } from 'react-i18next';
import { CasesTable } from '../../components/CasesTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import type { OpsFilters } from './filters';
import { useDueList } from './useDashboard';

function DueList({ due, filters }: { due: 'overdue' | 'soon'; filters: OpsFilters }) {
  const { t } = useTranslation();
  const list = useDueList(due, filters);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <section className="card due-list" aria-labelledby={`due-${due}`}>
      <h2 id={`due-${due}`}>{t(`ops.due.${due}.title`)}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t(`ops.due.${due}.empty`)}</p>
      ) : (
        <>
          <p className="summary">
            {total > items.length ? t('ops.due.firstOf', { shown: items.length, count: total }) : t('ops.due.count', { count: total })}
          </p>
          <CasesTable items={items} dueSoon={due === 'soon' ? 'all' : new Set()} caption={t(`ops.due.${due}.caption`)} />
        </>
      )}
    </section>
  );
}

/** What is late now and what falls due soon (the unit and kind filters apply; the period does not). */
export function DueLists({ filters }: { filters: OpsFilters }) {
  return (
    <div className="due-lists">
      <DueList due="overdue" filters={filters} />
      <DueList due="soon" filters={filters} />
    </div>
  );
}
