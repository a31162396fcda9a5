import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { erasureReceiptPdf, type ErasureReceipt } from '../../api/dataSubjects';
import { useCaseLabels } from '../../components/useCaseLabels';
import { useFormat } from '../../format/useFormat';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { useFileDownload } from '../../components/useFileDownload';

/**
 * The receipt of the erasure, for the person (GDPR art. 12(3), 19): the request's id, when, and each case's
 * outcome, as intake answered it; as a PDF from intake (which keeps it under the erasure's id), or printed with
 * only the receipt on the paper.
 */
export function ErasureReceiptView({ receipt, onAnother }: { receipt: ErasureReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCaseLabels();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { tenant } = useSession();
  const { download: pdf, start } = useFileDownload<'pdf'>();
  const downloadPdf = () => start('pdf', () => erasureReceiptPdf(tenant.slug, receipt.requestId));
  const columns = {
    number: t('cases.columns.registryNumber'),
    kind: t('cases.columns.kind'),
    received: t('cases.columns.received'),
    outcome: t('dataSubjects.receipt.outcome'),
  };

  return (
    <section className="card notice--success receipt" aria-labelledby="erasure-receipt">
      <h2 id="erasure-receipt" ref={heading} tabIndex={-1}>
        {t('dataSubjects.receipt.title')}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('dataSubjects.receipt.municipality')}</dt>
          <dd>{receipt.municipality[currentLanguage()]}</dd>
        </div>
        <div>
          <dt>{t('dataSubjects.receipt.request')}</dt>
          <dd className="code">{receipt.requestId}</dd>
        </div>
        <div>
          <dt>{t('dataSubjects.receipt.subject')}</dt>
          <dd className="code">{receipt.dataSubjectId}</dd>
        </div>
        <div>
          <dt>{t('dataSubjects.receipt.carriedOut')}</dt>
          <dd>{format.dateTime(receipt.carriedOutAt)}</dd>
        </div>
      </dl>
      <table className="cases">
        <caption className="visually-hidden">{t('dataSubjects.receipt.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.number}</th>
            <th scope="col">{columns.kind}</th>
            <th scope="col">{columns.received}</th>
            <th scope="col">{columns.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.cases.map((entry) => (
            <tr key={entry.registryNumber}>
              <th scope="row" data-label={columns.number}>
                <span className="code">{entry.registryNumber}</span>
              </th>
              <td data-label={columns.kind}>{labels.kind(entry.kind)}</td>
              <td data-label={columns.received}>{format.date(entry.receivedOn)}</td>
              <td data-label={columns.outcome}>{t(`dataSubjects.receipt.outcomes.${entry.outcome}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('dataSubjects.receipt.what')}</p>
      <div className="button-row receipt__actions">
        <button type="button" className="button" disabled={pdf?.state === 'preparing'} onClick={() => void downloadPdf()}>
          {t('dataSubjects.receipt.pdf')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => window.print()}>
          {t('dataSubjects.receipt.print')}
        </button>
        <button type="button" className="button button--quiet" onClick={onAnother}>
          {t('dataSubjects.receipt.another')}
        </button>
      </div>
      <p className="muted receipt__actions" role="status">
        {pdf?.state === 'failed' ? t('dataSubjects.receipt.pdfFailed') : t('dataSubjects.receipt.printHint')}
      </p>
    </section>
  );
}
