import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { intake } from '../api/clients';
import { ApiError, unwrap } from '../api/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../session/SessionContext';

// As intake reads it (registry/registry-lookup.ts): <prefix>-<year>-<number of 6 to 9 digits>.
const REGISTRY_NUMBER = /^[A-Z]{2,6}-\d{4}-\d{6,9}$/;

/** The auditor's start: find a case by its registry number, or open the audit log. */
export default function AuditSearchPage() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<string>();
  const find = useMutation({
    mutationFn: async (registryNumber: string) =>
      unwrap(
        await intake.GET('/tenants/{tenant}/registry/numbers/{registryNumber}', {
          params: { path: { tenant: tenant.slug, registryNumber } },
        }),
      ),
    onSuccess: (view) => navigate(`/audit/cases/${view.caseId}`),
    onError: (error, registryNumber) => {
      if (error instanceof ApiError && error.status === 400) setProblem(t('audit.search.malformed'));
      else if (error instanceof ApiError && error.status === 404) setProblem(t('audit.search.notFound', { number: registryNumber }));
      else return;
      input.current?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = number.trim().toUpperCase();
    if (!REGISTRY_NUMBER.test(wanted)) {
      setProblem(wanted === '' ? t('audit.search.required') : t('audit.search.malformed'));
      input.current?.focus();
      return;
    }
    setProblem(undefined);
    find.mutate(wanted);
  };

  const otherError = find.isError && !problem ? find.error : undefined;
  return (
    <>
      <PageHeading title={t('audit.search.title')} />
      <p>{t('audit.search.intro')}</p>
      <form className="form card" noValidate onSubmit={submit} role="search" aria-label={t('audit.search.landmark')}>
        <div className="field">
          <label htmlFor="registry-number">{t('audit.search.label')}</label>
          <p id="registry-number-hint" className="field__hint">
            {t('audit.search.hint')}
          </p>
          <input
            id="registry-number"
            ref={input}
            className="mono"
            value={number}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setNumber(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'registry-number-hint registry-number-error' : 'registry-number-hint'}
          />
          {problem && (
            <p id="registry-number-error" className="field__error" role="alert">
              {problem}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={find.isPending}>
          {find.isPending ? t('audit.search.searching') : t('audit.search.submit')}
        </button>
      </form>
      {otherError !== undefined && <ErrorPanel error={otherError} />}
      <section className="card" aria-labelledby="audit-log-link">
        <h2 id="audit-log-link">{t('audit.log.title')}</h2>
        <p>{t('audit.log.intro')}</p>
        <p>
          <Link to="/audit/log">{t('audit.log.open')}</Link>
        </p>
      </section>
    </>
  );
}
