import { useTranslation } from 'react-i18next';
import { exportDataSubject, type DataSubjectRequest, type ExportFormat } from '../../api/dataSubjects';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useSession } from '../../session/SessionContext';
import { useFileDownload } from '../../components/useFileDownload';

/**
 * Everything held about the person (GDPR art. 15 access, art. 20 portability): a PDF to hand over, JSON to take
 * elsewhere. Saved as the auditor's dossier is (useFileDownload). Intake records each case read in the audit log.
 */
export function ExportDownloads({ request, dataSubjectId }: { request: DataSubjectRequest; dataSubjectId: string }) {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const { download, start } = useFileDownload<ExportFormat>();
  const fetchExport = (format: ExportFormat) => start(format, () => exportDataSubject(tenant.slug, request, format, dataSubjectId));

  const preparing = download?.state === 'preparing';
  return (
    <section className="card" aria-labelledby="data-subject-export">
      <h3 id="data-subject-export">{t('dataSubjects.export.title')}</h3>
      <p className="muted">{t('dataSubjects.export.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={preparing} onClick={() => void fetchExport('pdf')}>
          {t('dataSubjects.export.pdf')}
        </button>
        <button type="button" className="button button--quiet" disabled={preparing} onClick={() => void fetchExport('json')}>
          {t('dataSubjects.export.json')}
        </button>
      </div>
      <div role="status">
        {download?.state === 'preparing' && <p className="loading">{t(`dataSubjects.export.preparing.${download.format}`)}</p>}
        {download?.state === 'ready' && (
          <p>
            {t('dataSubjects.export.ready')}{' '}
            <a href={download.url} download={download.name}>
              {download.name}
            </a>
          </p>
        )}
      </div>
      {download?.state === 'failed' && <ErrorPanel error={download.error} />}
    </section>
  );
}
