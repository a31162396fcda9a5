import { useTranslation } from 'react-i18next';
import type { DeskCaseView } from '../../api/cases';
import { Attachments } from './Attachments';
import { SubmitterDetails } from './SubmitterDetails';

/** What the citizen wrote and who they are, as far as the service shows this user. */
export function SubmissionSection({ view }: { view: DeskCaseView }) {
  const { t } = useTranslation();
  const content = view.content;
  return (
    <section className="card" aria-labelledby="case-submission">
      <h2 id="case-submission">{t('case.submission.title')}</h2>
      {!content ? (
        <p>{t('case.submission.noAccess')}</p>
      ) : (
        <>
          {content.submission.text === null ? (
            <p className="muted">{t('case.submission.erased')}</p>
          ) : (
            <p className="citizen-text">{content.submission.text}</p>
          )}
          <Attachments caseId={view.caseId} attachments={content.submission.attachments} />
          <h3>{t('case.submitter.title')}</h3>
          <SubmitterDetails content={content} />
        </>
      )}
    </section>
  );
}
