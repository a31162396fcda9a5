import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isCaseKind } from '../api/cases';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../format/useFormat';
import { useSession } from '../session/SessionContext';
import { DashboardCharts } from './ops/DashboardCharts';
import { DashboardFilters } from './ops/DashboardFilters';
import { DueLists } from './ops/DueLists';
import { currentMonth, parseFilters } from './ops/filters';
import { KeyFigures } from './ops/KeyFigures';
import { ReportDownloads } from './ops/ReportDownloads';
import { useDashboard } from './ops/useDashboard';
import { useOpsFormat } from './ops/useOpsFormat';

const REPORT_YEARS = 5;

/** The municipality's dashboard: /ops?from=YYYY-MM&to=YYYY-MM&kind=…&unit=… (the last twelve months by default). */
export default function OpsDashboardPage() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const [params] = useSearchParams();
  const thisMonth = currentMonth(new Date(), tenant.timeZone);
  const filters = parseFilters(params, thisMonth, isCaseKind);
  const dashboard = useDashboard(filters);
  const format = useFormat();
  const opsFormat = useOpsFormat();
  // The report's years end at the service's today (asOf), which may differ from the browser's clock.
  const thisYear = Number((dashboard.data?.trend.asOf ?? thisMonth).slice(0, 4));
  const years = Array.from({ length: REPORT_YEARS }, (_, index) => thisYear - index);

  return (
    <>
      <PageHeading title={t('ops.dashboard.title')} />
      <DashboardFilters filters={filters} />
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <div className="dashboard" aria-busy={dashboard.isFetching}>
          <p role="status" className="summary">
            {t('ops.dashboard.showing', {
              from: opsFormat.longMonth(filters.from),
              to: opsFormat.longMonth(filters.to),
              asOf: dashboard.data.trend.asOf ? format.date(dashboard.data.trend.asOf) : '',
            })}
            {filters.kind && ` · ${t(`kinds.${filters.kind}`)}`}
            {dashboard.isFetching && ` · ${t('common.loading')}`}
          </p>
          <KeyFigures total={dashboard.data.trend.total ?? {}} />
          <p className="muted dashboard__note">{t('ops.dashboard.confidentialNote')}</p>
          <DashboardCharts trend={dashboard.data.trend} kinds={dashboard.data.kinds} channels={dashboard.data.channels} />
        </div>
      )}
      <DueLists filters={filters} />
      <ReportDownloads years={years} key={thisYear} />
    </>
  );
}
