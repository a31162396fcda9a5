import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { currentLanguage } from '../../i18n';
import { useReadiness } from './useMunicipalities';

/**
 * The go-live check list as intake works it out from the charter in force, the routing set-up and the keys in
 * use: each point done or to do, in words (the colour and the sign only repeat them), and whether it blocks going live.
 */
export function ReadinessSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const readiness = useReadiness(slug);
  const language = currentLanguage();
  const blocking = readiness.data?.items.filter((item) => item.blocking && !item.ok).length ?? 0;

  return (
    <section className="card" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('municipalities.readiness.title')}</h2>
      {readiness.isPending ? (
        <Loading />
      ) : readiness.isError ? (
        <ErrorPanel error={readiness.error} onRetry={() => void readiness.refetch()} />
      ) : (
        <>
          <p className={`notice ${readiness.data.ready ? 'notice--success' : 'notice--warning'}`}>
            {readiness.data.ready ? t('municipalities.readiness.ready') : t('municipalities.readiness.notReady', { count: blocking })}
          </p>
          <ul className="checklist">
            {readiness.data.items.map((item) => (
              <li key={item.id} className={`checklist__item checklist__item--${item.ok ? 'ok' : item.blocking ? 'blocking' : 'todo'}`}>
                <p className="checklist__head">
                  <span className="checklist__title">{item.title[language]}</span>{' '}
                  <span className={`marker ${item.ok ? 'marker--up' : 'marker--todo'}`}>
                    {item.ok ? t('municipalities.readiness.ok') : t('municipalities.readiness.todo')}
                  </span>{' '}
                  {item.blocking ? (
                    <span className="marker marker--blocking">{t('municipalities.readiness.blocking')}</span>
                  ) : (
                    <span className="checklist__optional">{t('municipalities.readiness.optional')}</span>
                  )}
                </p>
                <p className="checklist__detail">{item.detail[language]}</p>
              </li>
            ))}
          </ul>
          <div className="toolbar">
            <p role="status" className="summary">
              {readiness.isFetching ? t('municipalities.readiness.checking') : ''}
            </p>
            <button type="button" className="button button--quiet" disabled={readiness.isFetching} onClick={() => void readiness.refetch()}>
              {t('municipalities.readiness.refresh')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
