import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { AnswerForm } from './AnswerForm';
import { AnswerOutcome } from './AnswerOutcome';
import { useAnswer } from './useAnswer';
import type { LoadedCase } from './useCase';

/** The answer to the submitter: the form while the case is assigned, and what became of the last attempt. */
export function AnswerSection({ caseId, loaded, reloading }: { caseId: string; loaded: LoadedCase; reloading: boolean }) {
  const { t } = useTranslation();
  const answer = useAnswer(caseId);
  const outcome = useRef<HTMLDivElement>(null);
  const canAnswer = loaded.view.status === 'Assigned';

  // A refusal or a success is announced (role=alert/status) and takes the focus, so it is read before anything else;
  // field errors (400) are the exception: the form moves the focus to the first bad field.
  const fieldErrors = answer.error instanceof ApiError && answer.error.status === 400;
  useEffect(() => {
    if (answer.isSuccess || (answer.isError && !fieldErrors)) outcome.current?.focus();
  }, [answer.isSuccess, answer.isError, fieldErrors, answer.submittedAt]);

  return (
    <section className="card" aria-labelledby="case-answer">
      <h2 id="case-answer">{t('case.answer.title')}</h2>
      <div ref={outcome} tabIndex={-1} className="outcome">
        <AnswerOutcome status={answer.status} error={answer.error} reloading={reloading} />
      </div>
      {canAnswer ? (
        <AnswerForm
          etag={loaded.etag}
          pending={answer.isPending || reloading}
          error={answer.error}
          onSubmit={(body, etag) => answer.mutate({ body, etag })}
        />
      ) : (
        !answer.isSuccess && <p>{t('case.answer.notAssigned')}</p>
      )}
    </section>
  );
}
