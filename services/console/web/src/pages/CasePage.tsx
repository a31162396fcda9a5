import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { CaseActions } from './case/CaseActions';
import { CaseSummary } from './case/CaseSummary';
import { CaseTimeline } from './case/CaseTimeline';
import { DeadlineExplanation } from './case/DeadlineExplanation';
import { SubmissionSection } from './case/SubmissionSection';
import { useCase } from './case/useCase';
import { useCaseHistory } from './case/useCaseHistory';

/** One case as its officer works it: what was written, by whom, the term, the course event by event, and what to do next. */
export default function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const loaded = useCase(caseId);
  const history = useCaseHistory(caseId);
  const data = loaded.data;
  const view = data?.view;

  return (
    <>
      <PageHeading title={view ? t('case.title', { number: view.registryNumber }) : t('case.titleLoading')} />
      {loaded.isPending ? (
        <Loading />
      ) : loaded.isError && !view ? (
        <ErrorPanel error={loaded.error} onRetry={() => void loaded.refetch()} />
      ) : data && view ? (
        <div className="case">
          <CaseSummary view={view} />
          <SubmissionSection view={view} />
          <DeadlineExplanation view={view} />
          <CaseActions caseId={caseId} loaded={data} history={history.data} reloading={loaded.isFetching || history.isFetching} />
          <CaseTimeline view={view} history={history.data} error={history.error} onRetry={() => void history.refetch()} />
        </div>
      ) : null}
    </>
  );
}
