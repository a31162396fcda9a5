import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { fetchSession } from '../api/session';
import { goToSignIn } from '../api/signIn';
import { SessionContext } from './SessionContext';

/** Loads GET /session; sends the user to sign in on a 401 and renders its children only once signed in. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: Infinity, retry: false });
  const signedOut = session.error instanceof ApiError && session.error.status === 401;

  useEffect(() => {
    if (signedOut) goToSignIn();
  }, [signedOut]);

  if (session.data) return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;

  const message = session.isPending ? t('session.loading') : signedOut ? t('session.redirecting') : t('session.failed');
  return (
    <main id="main" className="gate">
      <h1>{t('app.name')}</h1>
      <p role="status">{message}</p>
      {session.isError && !signedOut && (
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      )}
    </main>
  );
}
