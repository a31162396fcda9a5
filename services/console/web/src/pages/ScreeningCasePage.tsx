import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useCaseLabels } from '../components/useCaseLabels';
import { useFormat } from '../format/useFormat';
import { currentLanguage } from '../i18n';
import { useCase } from './case/useCase';
import { FlagList } from './registry/FlagList';
import { ScreeningForm } from './registry/ScreeningForm';
import { useScreeningDecision } from './registry/useScreeningDecision';

/** /registry/screening/:caseId: why screening flagged the case, what was written, and the registrar's decision. */
export default function ScreeningCasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const loaded = useCase(caseId);
  const decide = useScreeningDecision(caseId);
  const labels = useCaseLabels();
  const format = useFormat();
  const outcome = useRef<HTMLDivElement>(null);
  const view = loaded.data?.view;
  const content = view?.content;

  const fieldErrors = decide.error instanceof ApiError && decide.error.status === 400;
  useEffect(() => {
    if (decide.isSuccess || (decide.isError && !fieldErrors)) outcome.current?.focus();
  }, [decide.isSuccess, decide.isError, fieldErrors, decide.submittedAt]);

  const hidden = loaded.error instanceof ApiError && loaded.error.status === 404;
  const facts = view?.state.facts as { channel?: string; receivedAt?: string } | undefined;

  return (
    <>
      <PageHeading title={view ? t('registry.decide.title', { number: view.registryNumber }) : t('registry.decide.titleLoading')} />
      <p>
        <Link to="/registry/screening">{t('registry.decide.back')}</Link>
      </p>
      {loaded.isPending ? (
        <Loading />
      ) : hidden ? (
        <p className="notice notice--warning">{t('registry.decide.confidential')}</p>
      ) : loaded.isError && !view ? (
        <ErrorPanel error={loaded.error} onRetry={() => void loaded.refetch()} />
      ) : view && loaded.data ? (
        <div className="case">
          <section className="card" aria-labelledby="decide-summary">
            <h2 id="decide-summary" className="visually-hidden">
              {t('case.summary.title')}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t('case.summary.kind')}</dt>
                <dd>{labels.kind(view.state.facts.kind)}</dd>
              </div>
              {facts?.channel && (
                <div>
                  <dt>{t('registry.register.channel')}</dt>
                  <dd>{labels.channel(facts.channel as Parameters<typeof labels.channel>[0])}</dd>
                </div>
              )}
              {facts?.receivedAt && (
                <div>
                  <dt>{t('case.summary.received')}</dt>
                  <dd>{format.dateTime(facts.receivedAt)}</dd>
                </div>
              )}
              <div>
                <dt>{t('case.summary.status')}</dt>
                <dd>{labels.status(view.status)}</dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="decide-flags">
            <h2 id="decide-flags">{t('registry.decide.flags')}</h2>
            {content ? <FlagList flags={content.flags} /> : <p>{t('case.submission.noAccess')}</p>}
          </section>
          <section className="card" aria-labelledby="decide-text">
            <h2 id="decide-text">{t('registry.decide.text')}</h2>
            {content?.submission.text ? (
              <p className="citizen-text">{content.submission.text}</p>
            ) : (
              <p>{content ? t('registry.decide.erased') : t('case.submission.noAccess')}</p>
            )}
          </section>
          <section className="card" aria-labelledby="decide-decision">
            <h2 id="decide-decision">{t('registry.decide.decision')}</h2>
            <div ref={outcome} tabIndex={-1} className="outcome">
              <DecisionOutcome status={decide.status} error={decide.error} decided={decide.variables?.body.decision} />
            </div>
            {view.status === 'Flagged' ? (
              <ScreeningForm
                etag={loaded.data.etag}
                flagCodes={(content?.flags ?? []).map((flag) => flag.code)}
                pending={decide.isPending || loaded.isFetching}
                error={decide.error}
                onSubmit={(body, etag) => decide.mutate({ body, etag })}
              />
            ) : (
              !decide.isSuccess && <p>{t('registry.decide.notFlagged', { status: labels.status(view.status) })}</p>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}

function DecisionOutcome({ status, error, decided }: { status: string; error: Error | null; decided: string | undefined }) {
  const { t } = useTranslation();
  if (status === 'success') {
    return (
      <p role="status" className="notice notice--success">
        {decided === 'accept' ? t('registry.decide.decidedAccepted') : t('registry.decide.decidedNoProceedings')}
      </p>
    );
  }
  if (status !== 'error' || !error) return null;
  if (error instanceof ApiError && error.status === 400) {
    return (
      <p role="alert" className="notice notice--error">
        {t('registry.decide.errors.fix')}
      </p>
    );
  }
  if (error instanceof ApiError && error.status === 412) {
    return (
      <p role="alert" className="notice notice--warning">
        {t('registry.decide.errors.conflict')}
      </p>
    );
  }
  const rejection = error instanceof ApiError ? error.body?.rejection : undefined;
  return (
    <div role="alert" className="notice notice--error">
      <p>{error instanceof ApiError ? t('registry.decide.errors.refused') : t('errors.network')}</p>
      {rejection && <p>{rejection.message[currentLanguage()]}</p>}
    </div>
  );
}
