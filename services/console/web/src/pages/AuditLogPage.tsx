import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { auditAnswer, correlationHeader, type AuditLogEntry, type AuditLogPage as LogPage, type JsonValue } from '../api/audit';
import { analytics } from '../api/clients';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useRoleName } from '../components/useRoleName';
import { useFormat } from '../format/useFormat';
import { useSession } from '../session/SessionContext';
import { AuditError } from './audit/AuditError';

const PAGE = 50;

type Slice = { fromRevision: number; limit: number };

/**
 * The tenant's audit log, newest first. The service pages it oldest first (fromRevision, limit), so the first read
 * learns the total and, when the log is longer than a page, the newest page is read; "older" reads the page before
 * the oldest entry shown. Every page read is itself recorded in the log (it shows from the next read on).
 */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const read = async ({ fromRevision, limit }: Slice) =>
    auditAnswer<LogPage>(
      await analytics.GET('/tenants/{tenant}/audit/log', {
        params: {
          path: { tenant: tenant.slug },
          query: { fromRevision: String(fromRevision), limit: String(limit) },
          header: correlationHeader(),
        },
      }),
    );
  const log = useInfiniteQuery({
    queryKey: ['audit', tenant.slug, 'log'],
    initialPageParam: null as Slice | null,
    queryFn: async ({ pageParam }) => {
      if (pageParam) return read(pageParam);
      const first = await read({ fromRevision: 0, limit: PAGE });
      return first.total <= PAGE ? first : read({ fromRevision: first.total - PAGE, limit: PAGE });
    },
    getNextPageParam: (page): Slice | null => {
      const oldest = page.entries[0]?.revision ?? 0;
      return oldest > 0 ? { fromRevision: Math.max(0, oldest - PAGE), limit: Math.min(PAGE, oldest) } : null;
    },
    staleTime: Infinity,
    retry: false,
  });

  const pages = log.data?.pages ?? [];
  const entries = pages.flatMap((page) => [...page.entries].reverse());
  const chain = pages[0]?.chain;
  return (
    <>
      <PageHeading title={t('audit.log.title')} />
      <p>
        <Link to="/audit">{t('audit.log.back')}</Link>
      </p>
      <p>{t('audit.log.intro')}</p>
      {log.isPending ? (
        <Loading />
      ) : log.isError && entries.length === 0 ? (
        <AuditError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <p role="status" className={chain && !chain.ok ? 'notice notice--error' : 'summary'}>
            {t('audit.log.count', { count: pages[0]?.total ?? 0 })}{' '}
            {chain === null || chain === undefined
              ? ''
              : chain.ok
                ? t('audit.log.chainOk')
                : t('audit.log.chainBroken', { revision: chain.brokenAt.revision })}
          </p>
          {entries.length === 0 ? (
            <p className="empty">{t('audit.log.empty')}</p>
          ) : (
            <table className="cases audit-log">
              <caption className="visually-hidden">{t('audit.log.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.log.when')}</th>
                  <th scope="col">{t('audit.log.who')}</th>
                  <th scope="col">{t('audit.log.what')}</th>
                  <th scope="col">{t('audit.log.whose')}</th>
                  <th scope="col">{t('audit.log.route')}</th>
                  <th scope="col">{t('audit.log.fields')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <LogRow key={entry.eventId} entry={entry} />
                ))}
              </tbody>
            </table>
          )}
          {log.isError && <AuditError error={log.error} />}
          {log.hasNextPage && (
            <p>
              <button
                type="button"
                className="button button--quiet"
                disabled={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
              >
                {log.isFetchingNextPage ? t('common.loading') : t('audit.log.older')}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}

const ENDPOINTS = {
  history: 'history',
  state: 'state',
  diff: 'diff',
  verification: 'verification',
  'dossier.json': 'dossierJson',
  'dossier.pdf': 'dossierPdf',
  log: 'log',
} as const;

const text = (value: JsonValue | undefined): string | null => (typeof value === 'string' ? value : null);
const texts = (value: JsonValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** One read: a staff member's read of personal data (PersonalDataRead) or an auditor's read (AuditorReadRecorded). */
function LogRow({ entry }: { entry: AuditLogEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roleName = useRoleName();
  const endpointName = (endpoint: string | null) =>
    endpoint !== null && Object.hasOwn(ENDPOINTS, endpoint)
      ? t(`audit.log.endpoints.${ENDPOINTS[endpoint as keyof typeof ENDPOINTS]}`)
      : (endpoint ?? '');
  const data = entry.data;
  const at = entry.occurredAt ?? entry.recordedAt;
  const staffRead = entry.type === 'PersonalDataRead';
  const who = text(staffRead ? data.readerId : data.auditorId);
  const roles = staffRead ? texts(data.roles) : ['auditor'];
  const caseId = text(data.caseId);
  const subject = text(data.dataSubjectId);
  const parameters = data.parameters && typeof data.parameters === 'object' && !Array.isArray(data.parameters) ? data.parameters : {};
  return (
    <tr>
      <th scope="row" data-label={t('audit.log.when')}>
        <time dateTime={at}>{format.dateTime(at)}</time>
      </th>
      <td data-label={t('audit.log.who')}>
        <span>
          <code className="mono">{who ?? t('audit.none')}</code> ({roles.map(roleName).join(', ')})
        </span>
      </td>
      <td data-label={t('audit.log.what')}>
        <span>
          {staffRead ? t('audit.log.staffRead') : t('audit.log.auditorRead', { endpoint: endpointName(text(data.endpoint)) })}
          {!staffRead && text(data.outcome) !== 'answered' && ` (${text(data.outcome) ?? ''})`}
          {caseId && (
            <>
              {' · '}
              <Link to={`/audit/cases/${caseId}`}>{t('audit.log.case')}</Link>
            </>
          )}
        </span>
      </td>
      <td data-label={t('audit.log.whose')}>
        {staffRead ? (
          subject ? (
            <code className="mono">{subject}</code>
          ) : (
            <span className="muted">{t('audit.log.noSubject')}</span>
          )
        ) : (
          <span className="muted">{t('audit.none')}</span>
        )}
      </td>
      <td data-label={t('audit.log.route')}>
        {staffRead ? (
          <code className="mono">{text(data.route) ?? t('audit.none')}</code>
        ) : (
          <code className="mono">{Object.keys(parameters).length > 0 ? JSON.stringify(parameters) : t('audit.none')}</code>
        )}
      </td>
      <td data-label={t('audit.log.fields')}>
        {staffRead && texts(data.fields).length > 0 ? (
          <span>{texts(data.fields).join(', ')}</span>
        ) : (
          <span className="muted">{t('audit.none')}</span>
        )}
      </td>
    </tr>
  );
}
