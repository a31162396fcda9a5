import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataSubjectRequest, PersonCases } from '../../api/dataSubjects';
import { ApiError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ErasureConfirm } from './ErasureConfirm';
import { ExportDownloads } from './ExportDownloads';
import { PersonCasesTable } from './PersonCasesTable';
import { erasability } from './requestFields';

interface Props {
  found: PersonCases;
  request: DataSubjectRequest;
  erasing: boolean;
  erasureError: Error | null;
  onErase: (caseIds: string[]) => void;
}

/** What the search found: the person's cases, the export, and the erasure of the finished ones they choose. */
export function PersonCasesSection({ found, request, erasing, erasureError, onErase }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const problem = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [noneChosen, setNoneChosen] = useState(false);

  // A new search's answer: the focus goes to what it found, so a screen reader hears it.
  useEffect(() => heading.current?.focus(), [found]);
  useEffect(() => {
    if (erasureError) {
      setConfirming(false);
      problem.current?.focus();
    }
  }, [erasureError]);

  const erasable = found.cases.filter((entry) => erasability(entry) === 'erasable');
  const chosenCases = found.cases.filter((entry) => chosen.has(entry.caseId));
  const contact = [request.email, request.phone].filter(Boolean).join(', ');

  const toggle = (caseId: string, on: boolean) => {
    setNoneChosen(false);
    setConfirming(false);
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(caseId);
      else next.delete(caseId);
      return next;
    });
  };

  const askToErase = () => {
    if (chosenCases.length === 0) {
      setNoneChosen(true);
      problem.current?.focus();
      return;
    }
    // Already open: the focus goes back to it rather than opening a second one.
    if (confirming) document.getElementById('erase-confirm-title')?.focus();
    setConfirming(true);
  };
  const cancel = () => {
    setConfirming(false);
    eraseButton.current?.focus();
  };

  return (
    <section className="case person-cases" aria-labelledby="data-subject-found">
      <h2 id="data-subject-found" ref={heading} tabIndex={-1}>
        {found.cases.length === 0
          ? t('dataSubjects.cases.none', { contact })
          : t('dataSubjects.cases.title', { count: found.cases.length, contact })}
      </h2>
      <p className="muted">
        {t('dataSubjects.cases.subject')} <span className="code">{found.dataSubjectId}</span>
      </p>
      {found.cases.length > 0 && (
        <>
          <p id="data-subject-erase-rule">{t('dataSubjects.cases.rule')}</p>
          <PersonCasesTable cases={found.cases} chosen={chosen} onToggle={toggle} describedBy="data-subject-erase-rule" />
        </>
      )}
      <ExportDownloads request={request} dataSubjectId={found.dataSubjectId} />
      {found.cases.length > 0 && (
        <section className="card" aria-labelledby="data-subject-erase">
          <h3 id="data-subject-erase">{t('dataSubjects.erase.title')}</h3>
          <p className="muted">
            {erasable.length === 0 ? t('dataSubjects.erase.nothing') : t('dataSubjects.erase.chosen', { count: chosenCases.length })}
          </p>
          <div ref={problem} tabIndex={-1} className="outcome">
            {noneChosen && (
              <p role="alert" className="notice notice--error">
                {t('dataSubjects.erase.noneChosen')}
              </p>
            )}
            {erasureError && <ErasureRefusal error={erasureError} />}
          </div>
          {erasable.length > 0 && (
            <button ref={eraseButton} type="button" className="button button--danger" onClick={askToErase}>
              {t('dataSubjects.erase.button')}
            </button>
          )}
          {confirming && (
            <ErasureConfirm
              numbers={chosenCases.map((entry) => entry.registryNumber)}
              pending={erasing}
              onConfirm={() => onErase(chosenCases.map((entry) => entry.caseId))}
              onCancel={cancel}
            />
          )}
        </section>
      )}
    </section>
  );
}

/** A 400 names the cases intake did not find under these contacts (they changed since the search); anything else is a failure. */
function ErasureRefusal({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 400) {
    return (
      <div role="alert" className="notice notice--error">
        <p>{t('dataSubjects.erase.refused')}</p>
        <ul>
          {(error.body?.errors ?? []).map(({ field, reason }) => (
            <li key={field}>{`${field}: ${reason}`}</li>
          ))}
        </ul>
      </div>
    );
  }
  return <ErrorPanel error={error} />;
}
