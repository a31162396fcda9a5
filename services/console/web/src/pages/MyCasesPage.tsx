import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { DueFilter } from '../api/cases';
import { CasesTable } from '../components/CasesTable';
import { DueFilterLinks } from '../components/DueFilterLinks';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { PAGE_SIZE, useDueSoonIds, useMyCases } from './my-cases/useMyCases';

function dueFilter(value: string | null): DueFilter | undefined {
  return value === 'soon' || value === 'overdue' ? value : undefined;
}

function pageNumber(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The officer's own cases: /cases/mine?due=overdue|soon&page=N. */
export default function MyCasesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const due = dueFilter(params.get('due'));
  const page = pageNumber(params.get('page'));
  const cases = useMyCases(page, due);
  const dueSoon = useDueSoonIds();

  const items = cases.data?.items ?? [];
  const total = cases.data?.total ?? 0;
  const pageSize = cases.data?.pageSize || PAGE_SIZE;

  return (
    <>
      <PageHeading title={t('myCases.title')} />
      <DueFilterLinks current={due} />
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ErrorPanel error={cases.error} onRetry={() => void cases.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{due ? t(`myCases.empty.${due}`) : t('myCases.empty.all')}</p>
      ) : (
        <>
          <p role="status" className="summary">
            {t('myCases.count', { count: total })}
          </p>
          <CasesTable items={items} dueSoon={due === 'soon' ? 'all' : (dueSoon.data ?? new Set())} />
          <Pagination page={page} pages={Math.max(1, Math.ceil(total / pageSize))} />
        </>
      )}
    </>
  );
}
