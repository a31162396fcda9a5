import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditAnswer, correlationHeader, type VerificationView } from '../../api/audit';
import { analytics } from '../../api/clients';
import { useSession } from '../../session/SessionContext';
import { AuditError } from './AuditError';
import { useAuditLabels } from './useAuditLabels';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Runs the service's check of the case's hash chain; optionally whether a head kept from an earlier dossier is still there. */
export function VerificationSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const labels = useAuditLabels();
  const [knownHead, setKnownHead] = useState('');
  const [headError, setHeadError] = useState<string>();
  const verify = useMutation({
    mutationFn: async (head: string | undefined) =>
      auditAnswer<VerificationView>(
        await analytics.GET('/tenants/{tenant}/audit/cases/{caseId}/verification', {
          params: { path: { tenant: tenant.slug, caseId }, query: head ? { knownHead: head } : {}, header: correlationHeader() },
        }),
      ),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const head = knownHead.trim().toLowerCase();
    if (head !== '' && !SHA256_HEX.test(head)) {
      setHeadError(t('audit.verification.badHead'));
      document.getElementById('known-head')?.focus();
      return;
    }
    setHeadError(undefined);
    verify.mutate(head === '' ? undefined : head);
  };

  const view = verify.data;
  const chain = view?.chain;
  return (
    <section className="card" aria-labelledby="audit-verification">
      <h2 id="audit-verification" tabIndex={-1}>
        {t('audit.verification.title')}
      </h2>
      <p className="muted">{t('audit.verification.intro')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="known-head">{t('audit.verification.knownHead')}</label>
          <p id="known-head-hint" className="field__hint">
            {t('audit.verification.knownHeadHint')}
          </p>
          <input
            id="known-head"
            className="mono"
            value={knownHead}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setKnownHead(event.target.value)}
            aria-invalid={headError ? true : undefined}
            aria-describedby={headError ? 'known-head-hint known-head-error' : 'known-head-hint'}
          />
          {headError && (
            <p id="known-head-error" className="field__error">
              {headError}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={verify.isPending}>
          {verify.isPending ? t('audit.verification.running') : t('audit.verification.run')}
        </button>
      </form>
      {/* One live region, present from the start, so the verdict is announced when it arrives. */}
      <div role="status" className="audit-result">
        {verify.isPending && <p className="loading">{t('audit.verification.running')}</p>}
        {chain && (
          <div className={`notice ${chain.ok ? 'notice--success' : 'notice--error'}`}>
            {chain.ok ? (
              <p>
                <strong>{t('audit.verification.verified', { count: chain.count })}</strong>
              </p>
            ) : (
              <>
                <p>
                  <strong>{t('audit.verification.broken', { revision: chain.brokenAt.revision })}</strong>
                </p>
                <p>{labels.reason(chain.reason)}</p>
                <dl className="facts facts--audit">
                  <div className="facts__wide">
                    <dt>{t('audit.history.eventId')}</dt>
                    <dd>
                      <code className="mono">{chain.brokenAt.eventId}</code>
                    </dd>
                  </div>
                  <div className="facts__wide">
                    <dt>{t('audit.verification.expected')}</dt>
                    <dd>
                      <code className="mono">{String(chain.expected ?? t('audit.none'))}</code>
                    </dd>
                  </div>
                  <div className="facts__wide">
                    <dt>{t('audit.verification.found')}</dt>
                    <dd>
                      <code className="mono">{String(chain.found ?? t('audit.none'))}</code>
                    </dd>
                  </div>
                </dl>
                <p lang="en">{chain.detail}</p>
              </>
            )}
            <p>
              {t('audit.verification.head', { revision: chain.head.revision })}{' '}
              <code className="mono">{chain.head.hash ?? t('audit.none')}</code>
            </p>
            {view.knownHead &&
              (view.knownHead.found ? (
                <p>{t('audit.verification.knownFound', { revision: view.knownHead.revision, count: view.knownHead.eventsSince })}</p>
              ) : (
                <p>
                  <strong>{t('audit.verification.knownMissing')}</strong>
                </p>
              ))}
          </div>
        )}
      </div>
      {verify.isError && <AuditError error={verify.error} />}
    </section>
  );
}
