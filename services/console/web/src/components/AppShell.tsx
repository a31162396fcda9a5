import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { Header } from './Header';
import { Loading } from './Loading';
import { MainNav } from './MainNav';
import { SkipLink } from './SkipLink';

/** Skip link, header, navigation by role, and the page in <main>. */
export function AppShell() {
  return (
    <>
      <SkipLink />
      <Header />
      <MainNav />
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
