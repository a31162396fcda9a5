import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { notification } from '../../api/clients';
import { ApiError, unwrap } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format/useFormat';
import { useSession } from '../../session/SessionContext';

export const REFRESH_MS = 30_000;

/**
 * The municipality's messages that could not be sent, with a retry each (notification's list and retry; the
 * service decides who may: a role that may not sees why instead of the list).
 */
export function FailedNotifications() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<{ id: string; ok: boolean; message: string } | undefined>();
  const failed = useQuery({
    queryKey: ['notifications', tenant.slug, 'failed'],
    refetchInterval: REFRESH_MS,
    queryFn: async ({ signal }) =>
      unwrap(await notification.GET('/tenants/{tenant}/notifications/failed', { params: { path: { tenant: tenant.slug } }, signal }))
        .notifications,
  });
  const retry = useMutation({
    mutationFn: async (notificationId: string) =>
      unwrap(
        await notification.POST('/tenants/{tenant}/notifications/{notificationId}/retry', {
          params: { path: { tenant: tenant.slug, notificationId } },
        }),
      ),
    onSuccess: (sent, notificationId) => {
      setOutcome({
        id: notificationId,
        ok: true,
        message: t(`ops.platform.failed.retried.${sent.status}`, { number: sent.registryNumber }),
      });
      void queryClient.invalidateQueries({ queryKey: ['notifications', tenant.slug, 'failed'] });
    },
    onError: (error, notificationId) => {
      const status = error instanceof ApiError ? error.status : undefined;
      setOutcome({
        id: notificationId,
        ok: false,
        message:
          status === 409
            ? t('ops.platform.failed.notFailed')
            : status === 403
              ? t('ops.platform.failed.retryForbidden')
              : t('ops.platform.failed.retryFailed'),
      });
    },
  });

  const forbidden = failed.error instanceof ApiError && failed.error.status === 403;
  const items = failed.data ?? [];
  return (
    <section className="card" aria-labelledby="failed-notifications">
      <h2 id="failed-notifications">{t('ops.platform.failed.title')}</h2>
      <p role="status" className={outcome ? `notice ${outcome.ok ? 'notice--success' : 'notice--error'}` : 'visually-hidden'}>
        {outcome?.message ?? ''}
      </p>
      {failed.isPending ? (
        <Loading />
      ) : forbidden ? (
        <p className="notice notice--warning">{t('ops.platform.failed.forbidden')}</p>
      ) : failed.isError ? (
        <ErrorPanel error={failed.error} onRetry={() => void failed.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('ops.platform.failed.empty')}</p>
      ) : (
        <table className="cases">
          <caption className="visually-hidden">{t('ops.platform.failed.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ops.platform.failed.case')}</th>
              <th scope="col">{t('ops.platform.failed.message')}</th>
              <th scope="col">{t('ops.platform.failed.channel')}</th>
              <th scope="col">{t('ops.platform.failed.failedAt')}</th>
              <th scope="col">{t('ops.platform.failed.error')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('ops.platform.failed.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.notificationId}>
                <th scope="row" data-label={t('ops.platform.failed.case')}>
                  <Link to={`/cases/${item.caseId}`}>{item.registryNumber}</Link>
                </th>
                <td data-label={t('ops.platform.failed.message')}>{item.template}</td>
                <td data-label={t('ops.platform.failed.channel')}>{item.channel}</td>
                <td data-label={t('ops.platform.failed.failedAt')}>
                  {item.failedAt ? format.dateTime(item.failedAt) : ''} {t('ops.platform.failed.attempts', { count: item.attempts })}
                </td>
                <td data-label={t('ops.platform.failed.error')}>{item.error ?? ''}</td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={retry.isPending}
                    onClick={() => retry.mutate(item.notificationId)}
                    aria-describedby={`failed-${item.notificationId}`}
                  >
                    {retry.isPending && retry.variables === item.notificationId
                      ? t('ops.platform.failed.retrying')
                      : t('ops.platform.failed.retry')}
                  </button>
                  <span id={`failed-${item.notificationId}`} className="visually-hidden">
                    {item.registryNumber}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
