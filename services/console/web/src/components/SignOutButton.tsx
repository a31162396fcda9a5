import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { signOut } from '../api/session';
import { goToSignIn } from '../api/signIn';

export function SignOutButton() {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: (redirect) => window.location.assign(redirect),
    onError: (error) => {
      // A session that has already ended is as good as signed out.
      if (error instanceof ApiError && error.status === 401) goToSignIn();
    },
  });
  return (
    <>
      <button type="button" className="button button--quiet" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {t('shell.signOut')}
      </button>
      {mutation.isError && (
        <p role="alert" className="header__error">
          {t('shell.signOutFailed')}
        </p>
      )}
    </>
  );
}
