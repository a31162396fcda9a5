import { useTranslation } from 'react-i18next';
import { correlationHeader } from '../../api/audit';
import { analytics } from '../../api/clients';
import { ApiError } from '../../api/errors';
import { useSession } from '../../session/SessionContext';
import { AuditError } from './AuditError';
import { useFileDownload } from '../../components/useFileDownload';

type Format = 'pdf' | 'json';

const PATHS = {
  pdf: '/tenants/{tenant}/audit/cases/{caseId}/dossier.pdf',
  json: '/tenants/{tenant}/audit/cases/{caseId}/dossier.json',
} as const;

/**
 * The dossier (history, final state, chain verification and the head hash to keep) as PDF or JSON. It is fetched
 * through the typed client (the session's cookie, a correlation id for the audit log), held as a blob and saved
 * through an object URL; a link to it stays in case the browser did not start the download.
 */
export function DossierSection({ caseId, registryNumber }: { caseId: string; registryNumber: string }) {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const { download, start } = useFileDownload<Format>();

  const fetchDossier = (format: Format) =>
    start(format, async () => {
      const result = await analytics.GET(PATHS[format], {
        params: { path: { tenant: tenant.slug, caseId }, header: correlationHeader() },
        parseAs: 'blob',
      });
      if (!result.response.ok || !(result.data instanceof Blob)) throw new ApiError(result.response.status, undefined);
      return { blob: result.data, name: `dossier-${registryNumber}.${format}` };
    });

  const preparing = download?.state === 'preparing';
  return (
    <section className="card" aria-labelledby="audit-dossier">
      <h2 id="audit-dossier" tabIndex={-1}>
        {t('audit.dossier.title')}
      </h2>
      <p className="muted">{t('audit.dossier.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={preparing} onClick={() => void fetchDossier('pdf')}>
          {t('audit.dossier.pdf')}
        </button>
        <button type="button" className="button button--quiet" disabled={preparing} onClick={() => void fetchDossier('json')}>
          {t('audit.dossier.json')}
        </button>
      </div>
      <div role="status" className="audit-result">
        {download?.state === 'preparing' && <p className="loading">{t(`audit.dossier.preparing.${download.format}`)}</p>}
        {download?.state === 'ready' && (
          <p>
            {t('audit.dossier.ready')}{' '}
            <a href={download.url} download={download.name}>
              {download.name}
            </a>
          </p>
        )}
      </div>
      {download?.state === 'failed' && <AuditError error={download.error} />}
    </section>
  );
}
