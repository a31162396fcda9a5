import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { fetchPlatformHealth } from '../api/platformHealth';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../format/useFormat';
import { useSession } from '../session/SessionContext';
import { FailedNotifications, REFRESH_MS } from './platform/FailedNotifications';
import { HealthOverview } from './platform/HealthOverview';
import { RebuildPanel } from './platform/RebuildPanel';

/**
 * /ops/platform: the platform's health (refreshed every 30 s and on demand); a municipality's ops also see its
 * failed messages, the platform operator the read-model rebuild (every municipality's models at once).
 */
export default function PlatformHealthPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const format = useFormat();
  const queryClient = useQueryClient();
  const health = useQuery({
    queryKey: ['platform-health'],
    queryFn: ({ signal }) => fetchPlatformHealth(signal),
    refetchInterval: REFRESH_MS,
    retry: false,
  });
  const refresh = () => {
    void health.refetch();
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  const status = health.error instanceof ApiError ? health.error.status : undefined;

  return (
    <>
      <PageHeading title={t('ops.platform.title')} />
      <div className="toolbar">
        <p role="status" className="summary">
          {health.isFetching
            ? t('ops.platform.checking')
            : health.data
              ? t('ops.platform.checkedAt', { at: format.dateTime(health.data.checkedAt) })
              : ''}
        </p>
        <button type="button" className="button button--quiet" onClick={refresh} disabled={health.isFetching}>
          {t('ops.platform.refresh')}
        </button>
      </div>
      {health.isPending ? (
        <Loading />
      ) : health.isError ? (
        <div role="alert" className="notice notice--error">
          <p>{status === 403 ? t('errors.forbidden') : t('ops.platform.unavailable')}</p>
          <p>{t('ops.platform.unavailableHint')}</p>
        </div>
      ) : (
        <HealthOverview health={health.data} />
      )}
      {user.roles.includes('ops') && <FailedNotifications />}
      {user.roles.includes('platform-operator') && <RebuildPanel />}
    </>
  );
}
