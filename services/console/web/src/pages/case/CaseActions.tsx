import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseHistory } from '../../api/cases';
import { ACTION_KEYS, ActionOutcome } from './ActionOutcome';
import { AnswerForm } from './AnswerForm';
import { CloseForm } from './CloseForm';
import { ExtensionForm } from './ExtensionForm';
import { isFieldError } from './fieldErrors';
import { InformationRequestForm } from './InformationRequestForm';
import { entriesSince, revisionOfEtag } from './timeline';
import { useCaseAction, type OfficerAction } from './useCaseAction';
import type { LoadedCase } from './useCase';

const ORDER: OfficerAction[] = ['information-requests', 'extensions', 'answer', 'close'];

/**
 * What the person may do to the case now, as the desk view names it (`actions`: their role, their access, the
 * case's state): ask the submitter for information, extend the term, answer, close. Every action goes with the
 * ETag the page shows (If-Match) and its own Idempotency-Key. The last action's outcome is announced and takes
 * the focus; on a 412 the case and its course are read again and what changed since is shown, the forms keep what
 * was typed, and sending again acts on the case as it is now.
 */
export function CaseActions({
  caseId,
  loaded,
  history,
  reloading,
}: {
  caseId: string;
  loaded: LoadedCase;
  history: CaseHistory | undefined;
  reloading: boolean;
}) {
  const { t } = useTranslation();
  const { view, etag } = loaded;
  const mutations = {
    'information-requests': useCaseAction(caseId, 'information-requests'),
    extensions: useCaseAction(caseId, 'extensions'),
    answer: useCaseAction(caseId, 'answer'),
    close: useCaseAction(caseId, 'close'),
  };
  const [last, setLast] = useState<OfficerAction | undefined>(undefined);
  const outcome = useRef<HTMLDivElement>(null);
  const current = last ? mutations[last] : undefined;
  const busy = reloading || Object.values(mutations).some((mutation) => mutation.isPending);
  const offered = ORDER.filter((action) => view.actions.includes(action));

  // A success or a refusal is announced and takes the focus; field errors move it to the first bad field instead.
  const fieldError = current?.isError && isFieldError(current.error);
  useEffect(() => {
    if (current && (current.isSuccess || (current.isError && !fieldError)) && !reloading) outcome.current?.focus();
  }, [current?.status, current?.submittedAt, fieldError, reloading]);

  const submit =
    <A extends OfficerAction>(action: A) =>
    (body: Parameters<(typeof mutations)[A]['mutate']>[0]['body'], sentEtag: string) => {
      setLast(action);
      for (const other of ORDER) if (other !== action) mutations[other].reset();
      (mutations[action].mutate as (request: { body: typeof body; etag: string }) => void)({ body, etag: sentEtag });
    };
  const errorOf = (action: OfficerAction) => (last === action ? mutations[action].error : null);
  const seenRevision = current?.variables ? revisionOfEtag(current.variables.etag) : undefined;
  const extensionOthers = view.deadline !== null && view.deadline.maxFinalDate !== null && !view.actions.includes('extensions');

  return (
    <section className="card" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('case.action.title')}</h2>
      <div ref={outcome} tabIndex={-1} className="outcome">
        {last && current && (
          <ActionOutcome
            action={last}
            status={current.status}
            error={current.error}
            reloading={reloading}
            meanwhile={entriesSince(history, seenRevision)}
          />
        )}
      </div>
      {offered.length === 0 && <p>{t('case.action.none')}</p>}
      {offered.map((action) => (
        <section key={action} className="action" aria-labelledby={`case-${ACTION_KEYS[action]}`}>
          <h3 id={`case-${ACTION_KEYS[action]}`}>{t(`case.${ACTION_KEYS[action]}.title`)}</h3>
          {action === 'information-requests' ? (
            <InformationRequestForm
              etag={etag}
              pending={busy}
              error={errorOf(action)}
              pausesClock={
                (view.deadline?.policy as { pausesWhileAwaitingSubmitter?: unknown } | undefined)?.pausesWhileAwaitingSubmitter === true
              }
              onSubmit={submit('information-requests')}
            />
          ) : action === 'extensions' && view.deadline ? (
            <ExtensionForm deadline={view.deadline} etag={etag} pending={busy} error={errorOf(action)} onSubmit={submit('extensions')} />
          ) : action === 'answer' ? (
            <AnswerForm caseId={caseId} etag={etag} pending={busy} error={errorOf(action)} onSubmit={submit('answer')} />
          ) : action === 'close' ? (
            <CloseForm etag={etag} pending={busy} onSubmit={submit('close')} />
          ) : null}
        </section>
      ))}
      {extensionOthers && <p className="muted">{t('case.extend.whoMay')}</p>}
    </section>
  );
}
