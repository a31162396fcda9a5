import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { RegisterForm } from './registry/RegisterForm';
import { RegistrationDone } from './registry/RegistrationDone';
import { useRegister } from './registry/useRegister';
import { useTenantInformation } from './registry/useTenantInformation';

/** /registry/new: the registrar enters what arrived on any channel; the answer is the registry number. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const information = useTenantInformation();
  const register = useRegister();
  const [round, setRound] = useState(0);
  const [anonymous, setAnonymous] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);

  const fieldErrors = register.error instanceof ApiError && register.error.status === 400;
  useEffect(() => {
    if (register.isError && !fieldErrors) outcome.current?.focus();
  }, [register.isError, fieldErrors, register.submittedAt]);

  const another = () => {
    register.reset();
    setRound((value) => value + 1);
  };

  return (
    <>
      <PageHeading title={t('registry.register.title')} />
      {information.isPending ? (
        <Loading />
      ) : information.isError ? (
        <ErrorPanel error={information.error} onRetry={() => void information.refetch()} />
      ) : register.isSuccess ? (
        <RegistrationDone registration={register.data} anonymous={anonymous} onAnother={another} />
      ) : (
        <>
          <div ref={outcome} tabIndex={-1} className="outcome">
            {register.isError && <RegisterRefusal error={register.error} />}
          </div>
          <RegisterForm
            key={round}
            information={information.data}
            pending={register.isPending}
            error={register.error}
            onSubmit={(body) => {
              setAnonymous(body.anonymous === true);
              register.mutate(body);
            }}
          />
        </>
      )}
    </>
  );
}

function RegisterRefusal({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 400) {
    return (
      <p role="alert" className="notice notice--error">
        {t('registry.register.errors.fix')}
      </p>
    );
  }
  const rejection = error instanceof ApiError ? error.body?.rejection : undefined;
  const message =
    error instanceof ApiError && error.status === 409 && !rejection
      ? t('registry.register.errors.inProgress')
      : error instanceof ApiError
        ? t('registry.register.errors.refused')
        : t('errors.network');
  return (
    <div role="alert" className="notice notice--error">
      <p>{message}</p>
      {rejection && <p>{rejection.message[currentLanguage()]}</p>}
    </div>
  );
}
