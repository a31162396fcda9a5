import { useTranslation } from 'react-i18next';
import type { HistoryEntry, HistoryView } from '../../api/audit';
import { useRoleName } from '../../components/useRoleName';
import { useFormat } from '../../format/useFormat';
import { CopyableId } from './CopyableId';
import { useAuditLabels } from './useAuditLabels';

/** Every event of the case in stream order, as the service gives it: who, in which role, by which command, why. */
export function HistorySection({ history }: { history: HistoryView }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="audit-history">
      <h2 id="audit-history" tabIndex={-1}>
        {t('audit.history.title')}
      </h2>
      <p className="muted">{t('audit.history.intro', { count: history.events.length })}</p>
      <ol className="audit-events">
        {history.events.map((entry) => (
          <HistoryItem key={entry.eventId} entry={entry} />
        ))}
      </ol>
    </section>
  );
}

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels();
  const roleName = useRoleName();
  const revision = entry.revision;
  return (
    <li className="audit-event">
      <h3>
        {t('audit.history.revision', { revision })} · {labels.event(entry.type)}
      </h3>
      <dl className="facts facts--audit">
        <div>
          <dt>{t('audit.history.occurredAt')}</dt>
          <dd>{entry.occurredAt ? <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time> : t('audit.none')}</dd>
        </div>
        <div>
          <dt>{t('audit.history.recordedAt')}</dt>
          <dd>
            <time dateTime={entry.recordedAt}>{format.dateTime(entry.recordedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('audit.history.actor')}</dt>
          <dd>
            {entry.actor ? (
              <>
                <code className="mono">{entry.actor.id}</code> (
                {entry.actor.role === 'system' ? t('audit.systemRole') : roleName(entry.actor.role)})
              </>
            ) : (
              t('audit.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('audit.history.command')}</dt>
          <dd>
            <code className="mono">{entry.command.type ?? t('audit.history.commandUnknown')}</code>
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t('audit.history.correlationId')}</dt>
          <dd>
            <CopyableId value={entry.correlationId} what={t('audit.history.correlationOf', { revision })} />
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t('audit.history.causationId')}</dt>
          <dd>
            <CopyableId value={entry.causationId} what={t('audit.history.causationOf', { revision })} />
          </dd>
        </div>
      </dl>
      {entry.erased && <p className="notice notice--warning">{t('audit.history.erased', { paths: entry.erased.join(', ') })}</p>}
      {entry.unreadable && <p className="notice notice--error">{t('audit.history.unreadable', { paths: entry.unreadable.join(', ') })}</p>}
      <details className="details">
        <summary>
          {t('audit.history.data')}
          <span className="visually-hidden"> {t('audit.history.revision', { revision })}</span>
        </summary>
        <dl className="facts facts--audit">
          <div className="facts__wide">
            <dt>{t('audit.history.eventId')}</dt>
            <dd>
              <code className="mono">{entry.eventId}</code>
            </dd>
          </div>
          <div>
            <dt>{t('audit.history.dataSubject')}</dt>
            <dd>{entry.dataSubjectId ? <code className="mono">{entry.dataSubjectId}</code> : t('audit.none')}</dd>
          </div>
          <div>
            <dt>{t('audit.history.schemaVersion')}</dt>
            <dd>{entry.storedSchemaVersion ?? t('audit.none')}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t('audit.history.hash')}</dt>
            <dd>
              <code className="mono">{entry.hash ?? t('audit.none')}</code>
            </dd>
          </div>
          <div className="facts__wide">
            <dt>{t('audit.history.previousHash')}</dt>
            <dd>
              <code className="mono">{entry.previousHash ?? t('audit.none')}</code>
            </dd>
          </div>
        </dl>
        <pre className="json-raw">{JSON.stringify(entry.data, null, 2)}</pre>
      </details>
    </li>
  );
}
