import { useTranslation } from 'react-i18next';
import type { CharterVersion } from '../../api/municipalities';
import { useFormat } from '../../format/useFormat';
import { versionState } from './charterForm';

/** Every version of the charter, the latest first: from which day, where it stands today, why, and who recorded it when. */
export function VersionHistory({ versions }: { versions: readonly CharterVersion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = {
    version: t('municipalities.versions.version'),
    from: t('municipalities.versions.from'),
    state: t('municipalities.versions.state'),
    reason: t('municipalities.versions.reason'),
    recorded: t('municipalities.versions.recorded'),
  };
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);

  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('municipalities.versions.title')}</h2>
      <table className="cases">
        <caption className="visually-hidden">{t('municipalities.versions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.version}</th>
            <th scope="col">{columns.from}</th>
            <th scope="col">{columns.state}</th>
            <th scope="col">{columns.reason}</th>
            <th scope="col">{columns.recorded}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((version) => {
            const state = versionState(version, versions);
            return (
              <tr key={version.version}>
                <th scope="row" data-label={columns.version}>
                  {t('municipalities.versions.number', { version: version.version })}
                </th>
                <td data-label={columns.from}>{format.date(version.effectiveFrom)}</td>
                <td data-label={columns.state}>
                  <span className={`marker marker--version-${state}`}>{t(`municipalities.versions.states.${state}`)}</span>
                </td>
                <td data-label={columns.reason}>
                  {version.reason ?? <span className="muted">{t('municipalities.versions.noReason')}</span>}
                </td>
                <td data-label={columns.recorded}>
                  {version.recordedAt ? (
                    // One element per cell: at a phone's width the cell is a grid beside its label.
                    <div>
                      {format.dateTime(version.recordedAt)}
                      {version.recordedBy && <span className="facts__note muted">{version.recordedBy}</span>}
                    </div>
                  ) : (
                    <span className="muted">{t('municipalities.versions.fromFile')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
