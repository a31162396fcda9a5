import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { useCaseLabels } from '../components/useCaseLabels';
import { useFormat } from '../format/useFormat';
import { QUEUE_PAGE_SIZE, useFlaggedCases } from './registry/useFlaggedCases';

function pageNumber(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** /registry/screening?page=N: the cases screening flagged, oldest first, each leading to its decision. */
export default function ScreeningQueuePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = pageNumber(params.get('page'));
  const cases = useFlaggedCases(page);
  const format = useFormat();
  const labels = useCaseLabels();
  const items = cases.data?.items ?? [];
  const total = cases.data?.total ?? 0;
  const pageSize = cases.data?.pageSize || QUEUE_PAGE_SIZE;
  const columns = {
    number: t('registry.queue.columns.number'),
    kind: t('registry.queue.columns.kind'),
    channel: t('registry.queue.columns.channel'),
    received: t('registry.queue.columns.received'),
  };

  return (
    <>
      <PageHeading title={t('registry.queue.title')} />
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ErrorPanel error={cases.error} onRetry={() => void cases.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('registry.queue.empty')}</p>
      ) : (
        <>
          <p role="status" className="summary">
            {t('registry.queue.count', { count: total })}
          </p>
          <table className="cases">
            <caption className="visually-hidden">{t('registry.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{columns.number}</th>
                <th scope="col">{columns.kind}</th>
                <th scope="col">{columns.channel}</th>
                <th scope="col">{columns.received}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.caseId}>
                  <th scope="row" data-label={columns.number}>
                    <Link to={`/registry/screening/${item.caseId}`}>{item.registryNumber ?? item.caseId}</Link>
                  </th>
                  <td data-label={columns.kind}>{labels.kind(item.kind)}</td>
                  <td data-label={columns.channel}>{item.channel ? labels.channel(item.channel) : ''}</td>
                  <td data-label={columns.received}>{item.receivedAt ? format.dateTime(item.receivedAt) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} pages={Math.max(1, Math.ceil(total / pageSize))} />
        </>
      )}
    </>
  );
}
