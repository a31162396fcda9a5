import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CasesTable } from '../components/CasesTable';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { currentLanguage } from '../i18n';
import { useSession } from '../session/SessionContext';
import { ReassignForm } from './unit/ReassignForm';
import { QUEUE_PAGE_SIZE, useOfficers, useUnitDueSoonIds, useUnitQueue, useUnits } from './unit/useUnitData';
import { WorkloadTable } from './unit/WorkloadTable';

function pageNumber(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The head of unit's desk: the unit's queue by due date, the workload of its officers, and reassigning a case. */
export default function UnitPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params] = useSearchParams();
  const units = useUnits();
  const officers = useOfficers();
  const headed = (units.data?.units ?? []).filter((unit) => unit.headOfUnitId === user.sub && unit.active !== false);
  const unit = headed.find((candidate) => candidate.id === params.get('unit')) ?? headed[0];
  const page = pageNumber(params.get('page'));
  const queue = useUnitQueue(unit?.id, page);
  const dueSoon = useUnitDueSoonIds(unit?.id);
  const language = currentLanguage();

  if (units.isPending) {
    return (
      <>
        <PageHeading title={t('admin.unit.title')} />
        <Loading />
      </>
    );
  }
  if (units.isError || !units.data) {
    return (
      <>
        <PageHeading title={t('admin.unit.title')} />
        <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />
      </>
    );
  }
  if (!unit) {
    return (
      <>
        <PageHeading title={t('admin.unit.title')} />
        <p className="notice notice--warning">{t('admin.unit.noUnit')}</p>
      </>
    );
  }

  const unitOfficers = (officers.data?.officers ?? []).filter((officer) => officer.unit === unit.id);
  const items = queue.data?.items ?? [];
  const total = queue.data?.total ?? 0;
  return (
    <>
      <PageHeading title={t('admin.unit.titleOf', { unit: unit.name[language] })} />
      {headed.length > 1 && (
        <nav aria-label={t('admin.unit.otherUnits')}>
          <ul className="filters__list">
            {headed.map((other) => (
              <li key={other.id}>
                <Link className="filters__link" to={`/unit?unit=${other.id}`} aria-current={other.id === unit.id ? 'page' : undefined}>
                  {other.name[language]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="case">
        <section className="card" aria-labelledby="unit-queue">
          <h2 id="unit-queue">{t('admin.unit.queue.title')}</h2>
          {queue.isPending ? (
            <Loading />
          ) : queue.isError ? (
            <ErrorPanel error={queue.error} onRetry={() => void queue.refetch()} />
          ) : items.length === 0 ? (
            <p className="empty">{t('admin.unit.queue.empty')}</p>
          ) : (
            <>
              <p className="summary">{t('admin.unit.queue.count', { count: total })}</p>
              <CasesTable items={items} dueSoon={dueSoon.data ?? new Set()} />
              <Pagination page={page} pages={Math.max(1, Math.ceil(total / (queue.data?.pageSize || QUEUE_PAGE_SIZE)))} />
            </>
          )}
        </section>
        <section className="card" aria-labelledby="unit-workload">
          <h2 id="unit-workload">{t('admin.unit.workload.title')}</h2>
          {officers.isPending ? (
            <Loading />
          ) : officers.isError ? (
            <ErrorPanel error={officers.error} onRetry={() => void officers.refetch()} />
          ) : (
            <WorkloadTable officers={unitOfficers} />
          )}
        </section>
        <section className="card" aria-labelledby="unit-reassign">
          <h2 id="unit-reassign">{t('admin.unit.reassign.title')}</h2>
          <p className="muted">{t('admin.unit.reassign.hint')}</p>
          {queue.data && officers.data ? <ReassignForm cases={items} officers={unitOfficers} /> : <Loading />}
        </section>
      </div>
    </>
  );
}
