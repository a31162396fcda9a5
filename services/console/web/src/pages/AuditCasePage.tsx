import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useCaseLabels } from '../components/useCaseLabels';
import { CHANNELS, type Channel } from '../api/cases';
import { AuditError } from './audit/AuditError';
import { CopyableId } from './audit/CopyableId';
import { DiffSection } from './audit/DiffSection';
import { DossierSection } from './audit/DossierSection';
import { HistorySection } from './audit/HistorySection';
import { StateSection } from './audit/StateSection';
import { VerificationSection } from './audit/VerificationSection';
import { useHistory } from './audit/useHistory';

const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

const SECTIONS = ['history', 'state', 'diff', 'verification', 'dossier'] as const;

/**
 * One case as an auditor replays it. Plain headed sections with an in-page table of contents, not tabs: an auditor
 * reads the history while choosing a revision and compares a state with the events above it, so everything stays
 * on the page, findable with the browser's search, printable, and reachable by heading navigation; tabs would hide
 * four fifths of the record at any time. The contents' links move the focus to the section's heading (not the URL's
 * fragment, which the router would take for a new page and answer by focusing the page's h1).
 */
export default function AuditCasePage() {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { caseId = '' } = useParams();
  const history = useHistory(caseId);
  const view = history.data;

  const goTo = (event: MouseEvent<HTMLAnchorElement>, section: string) => {
    const heading = document.getElementById(`audit-${section}`);
    if (!heading) return;
    event.preventDefault();
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  };

  return (
    <>
      <PageHeading title={view?.registryNumber ? t('audit.case.title', { number: view.registryNumber }) : t('audit.case.titleLoading')} />
      <p>
        <Link to="/audit">{t('audit.case.back')}</Link>
      </p>
      {history.isPending ? (
        <Loading />
      ) : history.isError || !view ? (
        <AuditError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <div className="case">
          <dl className="facts card">
            <div className="facts__wide">
              <dt>{t('audit.case.caseId')}</dt>
              <dd>
                <CopyableId value={view.caseId} what={t('audit.case.caseId')} />
              </dd>
            </div>
            <div>
              <dt>{t('audit.case.channel')}</dt>
              <dd>{view.channel && isChannel(view.channel) ? labels.channel(view.channel) : (view.channel ?? t('audit.none'))}</dd>
            </div>
            <div>
              <dt>{t('audit.case.events')}</dt>
              <dd>{view.events.length}</dd>
            </div>
            <div className="facts__wide">
              <dt>{t('audit.case.head', { revision: view.head.revision })}</dt>
              <dd>
                <code className="mono">{view.head.hash ?? t('audit.none')}</code>
              </dd>
            </div>
          </dl>
          <nav className="toc card" aria-labelledby="audit-toc">
            <h2 id="audit-toc">{t('audit.case.contents')}</h2>
            <ul>
              {SECTIONS.map((section) => (
                <li key={section}>
                  <a href={`#audit-${section}`} onClick={(event) => goTo(event, section)}>
                    {t(`audit.${section}.title`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <HistorySection history={view} />
          <StateSection caseId={caseId} history={view} />
          <DiffSection caseId={caseId} history={view} />
          <VerificationSection caseId={caseId} />
          <DossierSection caseId={caseId} registryNumber={view.registryNumber ?? caseId} />
        </div>
      )}
    </>
  );
}
