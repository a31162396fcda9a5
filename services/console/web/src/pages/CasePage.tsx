import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { AnswerSection } from './case/AnswerSection';
import { CaseCourse } from './case/CaseCourse';
import { CaseSummary } from './case/CaseSummary';
import { DeadlineExplanation } from './case/DeadlineExplanation';
import { SubmissionSection } from './case/SubmissionSection';
import { useCase } from './case/useCase';

/** One case as its officer works it: what was written, by whom, the term, the course so far, and the answer. */
export default function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const loaded = useCase(caseId);
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
          <CaseCourse view={view} />
          <DeadlineExplanation view={view} />
          <AnswerSection caseId={caseId} loaded={data} reloading={loaded.isFetching} />
        </div>
      ) : null}
    </>
  );
}
