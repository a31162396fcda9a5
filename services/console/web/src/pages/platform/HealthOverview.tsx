import { useTranslation } from 'react-i18next';
import type { PlatformHealth } from '../../api/platformHealth';
import { useOpsFormat } from '../ops/useOpsFormat';

function Status({ status }: { status: 'up' | 'down' }) {
  const { t } = useTranslation();
  // The word says it; the colour and the sign repeat it.
  return <span className={`marker marker--${status}`}>{t(`ops.platform.status.${status}`)}</span>;
}

/** Each service and its dependencies, the relay, the consumers' lag and the dead letters, as tables. */
export function HealthOverview({ health }: { health: PlatformHealth }) {
  const { t } = useTranslation();
  const format = useOpsFormat();
  const down = health.services.filter((service) => service.status === 'down');
  const lagging = health.consumers.filter((consumer) => consumer.lag > 0);
  const dead = health.deadLetters.reduce((total, topic) => total + topic.messages, 0);
  return (
    <>
      <p className={`notice ${down.length > 0 ? 'notice--error' : 'notice--success'}`}>
        {down.length > 0
          ? t('ops.platform.summary.down', { count: down.length, names: down.map((service) => service.name).join(', ') })
          : t('ops.platform.summary.allUp', { count: health.services.length })}
      </p>

      <section className="card" aria-labelledby="health-services">
        <h2 id="health-services">{t('ops.platform.services.title')}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('ops.platform.services.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ops.platform.services.name')}</th>
                <th scope="col">{t('ops.platform.services.status')}</th>
                <th scope="col">{t('ops.platform.services.dependencies')}</th>
                <th scope="col" className="data-table__number">
                  {t('ops.platform.services.requests')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('ops.platform.services.errors')}
                </th>
              </tr>
            </thead>
            <tbody>
              {health.services.map((service) => (
                <tr key={service.name}>
                  <th scope="row">{service.name}</th>
                  <td>
                    <Status status={service.status} />
                  </td>
                  <td>
                    <ul className="dependencies">
                      {Object.entries(service.details).map(([name, dependency]) => (
                        <li key={name}>
                          {name} <Status status={dependency.status} />
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="data-table__number">{format.number(service.requestsTotal)}</td>
                  <td className="data-table__number">{format.number(service.errorsTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="health-grid">
        <section className="card" aria-labelledby="health-relay">
          <h2 id="health-relay">{t('ops.platform.relay.title')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('ops.platform.relay.unpublished')}</dt>
              <dd>{format.number(health.relay.unpublishedEvents)}</dd>
            </div>
            <div>
              <dt>{t('ops.platform.relay.oldest')}</dt>
              <dd>{t('ops.platform.seconds', { count: Math.round(health.relay.oldestUnpublishedSeconds) })}</dd>
            </div>
          </dl>
        </section>

        <section className="card" aria-labelledby="health-consumers">
          <h2 id="health-consumers">{t('ops.platform.consumers.title')}</h2>
          <p className="muted">
            {lagging.length > 0 ? t('ops.platform.consumers.lagging', { count: lagging.length }) : t('ops.platform.consumers.caughtUp')}
          </p>
          <table className="data-table">
            <caption className="visually-hidden">{t('ops.platform.consumers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ops.platform.consumers.group')}</th>
                <th scope="col" className="data-table__number">
                  {t('ops.platform.consumers.lag')}
                </th>
              </tr>
            </thead>
            <tbody>
              {health.consumers.map((consumer) => (
                <tr key={`${consumer.service}/${consumer.group}`}>
                  <th scope="row">
                    {consumer.service} <span className="muted">({consumer.group})</span>
                  </th>
                  <td className="data-table__number">{format.number(consumer.lag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="health-dead">
          <h2 id="health-dead">{t('ops.platform.deadLetters.title')}</h2>
          <p className="muted">{t('ops.platform.deadLetters.summary', { count: dead })}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t('ops.platform.deadLetters.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ops.platform.deadLetters.topic')}</th>
                <th scope="col" className="data-table__number">
                  {t('ops.platform.deadLetters.messages')}
                </th>
              </tr>
            </thead>
            <tbody>
              {health.deadLetters.map((topic) => (
                <tr key={topic.topic}>
                  <th scope="row" className="data-table__code">
                    {topic.topic}
                  </th>
                  <td className="data-table__number">{format.number(topic.messages)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="health-failed">
          <h2 id="health-failed">{t('ops.platform.failedCounts.title')}</h2>
          {health.failedNotifications.length === 0 ? (
            <p className="muted">{t('ops.platform.failedCounts.none')}</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">{t('ops.platform.failedCounts.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ops.platform.failedCounts.tenant')}</th>
                  <th scope="col">{t('ops.platform.failedCounts.channel')}</th>
                  <th scope="col" className="data-table__number">
                    {t('ops.platform.failedCounts.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {health.failedNotifications.map((row) => (
                  <tr key={`${row.tenant}/${row.channel}`}>
                    <th scope="row">{row.tenant}</th>
                    <td>{row.channel}</td>
                    <td className="data-table__number">{format.number(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
